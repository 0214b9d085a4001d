import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi';
import { pathsTypes } from './typescript';

/** Where the web pages' client types live (checked up to date by test/integration/contract.test.ts). */
export const API_TYPES = join(dirname(fileURLToPath(import.meta.url)), '../../web/shared/api-types.ts');

export const apiTypesSource = () => pathsTypes(openApiDocument());

// `npm run contracts`: rewrite web/shared/api-types.ts from the contract.
if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  writeFileSync(API_TYPES, apiTypesSource());
  console.log(`wrote ${API_TYPES}`);
}

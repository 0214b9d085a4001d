import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogue, type Catalogue, type CatalogueFile } from '../core/catalogue';

/** The files of a centre's folder the catalogue is made of (centre.json, agencies.json, procedures/, calendars/). */
export function catalogueFiles(dir: string): CatalogueFile[] {
  if (!existsSync(join(dir, 'centre.json'))) throw new Error(`${dir} is not a centre's folder: it has no centre.json`);
  const files: CatalogueFile[] = [];
  const read = (path: string) => files.push({ path, text: readFileSync(join(dir, path), 'utf8') });
  for (const name of ['centre.json', 'agencies.json']) if (existsSync(join(dir, name))) read(name);
  for (const sub of ['procedures', 'calendars']) {
    if (!existsSync(join(dir, sub))) continue;
    for (const name of readdirSync(dir + '/' + sub).filter((n) => n.endsWith('.json')).sort()) read(`${sub}/${name}`);
  }
  return files;
}

/** Read and validate a centre's folder; throws a CatalogueError naming each file and field. */
export function readCatalogue(dir: string): Catalogue {
  return parseCatalogue(catalogueFiles(dir), dir);
}

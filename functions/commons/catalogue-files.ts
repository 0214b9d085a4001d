import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogue, type Catalogue, type CatalogueFile } from '../core/catalogue';

/** The files of a centre's folder the catalogue is made of (centre.json, agencies.json, procedures/, calendars/). */
export function catalogueFiles(dir: string): CatalogueFile[] {
  if (!existsSync(join(dir, 'centre.json'))) throw new Error(`${dir} is not a centre's folder: it has no centre.json`);
  const files: CatalogueFile[] = [];
  const read = (path: string) => files.push({ path, text: readFileSync(join(dir, path), 'utf8') });
  for (const name of ['centre.json', 'agencies.json', 'evaluation.json']) if (existsSync(join(dir, name))) read(name);
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

/** The format of the folder as one document (the deploy's S3 asset, the loader's input). */
export const FOLDER_FORMAT = 'motcua-centre-folder/1';

export interface FolderDocument {
  format: typeof FOLDER_FORMAT;
  /** catalogueHash(files): the custom resource's CatalogueHash property. */
  hash: string;
  files: CatalogueFile[];
}

/** sha256 of every file of the folder (path and text): a change of any file is a new hash. */
export function catalogueHash(files: readonly CatalogueFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.text).update('\0');
  return hash.digest('hex');
}

/** The folder's files as the one document the deploy uploads and the custom resource names. */
export function folderDocument(dir: string): FolderDocument {
  const files = catalogueFiles(dir);
  return { format: FOLDER_FORMAT, hash: catalogueHash(files), files };
}

/**
 * The files of a folder document, checked: its format, each file a path and a text, and its
 * hash the one expected (the custom resource's CatalogueHash): what was uploaded is what was named.
 */
export function folderFiles(text: string, where: string, expectedHash?: string): CatalogueFile[] {
  let doc: Partial<FolderDocument>;
  try {
    doc = JSON.parse(text) as Partial<FolderDocument>;
  } catch (error) {
    throw new Error(`${where}: not a centre's folder document: ${(error as Error).message}`);
  }
  const files = doc.files;
  if (doc.format !== FOLDER_FORMAT || !Array.isArray(files) || !files.every((f) => typeof f?.path === 'string' && typeof f.text === 'string')) {
    throw new Error(`${where}: not a centre's folder document (${FOLDER_FORMAT})`);
  }
  const hash = catalogueHash(files);
  if (hash !== doc.hash || (expectedHash !== undefined && hash !== expectedHash)) {
    throw new Error(`${where}: the files' hash ${hash} is not the one named (${expectedHash ?? doc.hash})`);
  }
  return files;
}

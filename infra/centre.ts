import { isAbsolute, join } from 'node:path';
import type { Construct } from 'constructs';
import { catalogueFiles, catalogueHash } from '../functions/commons/catalogue-files';
import { parseCatalogue, type Catalogue } from '../functions/core/catalogue';
import { projectRoot } from './constructs/paths';

/** The centre folder used when `-c centre=` is not given. */
export const DEFAULT_CENTRE = 'config/hanoi';

export interface CentreConfig {
  /** Absolute path of the centre's folder. */
  dir: string;
  catalogue: Catalogue;
  /** sha256 of every file of the folder: a change of any file re-runs the catalogue loader. */
  hash: string;
  /** `-c environment=dev`: an example sender allowed, nothing retained or deletion-protected. */
  dev: boolean;
}

/** RFC 2606 / 6761 names that no mail can be delivered for. */
const EXAMPLE_LABELS = new Set(['example', 'test', 'invalid', 'localhost', 'local']);
export const isExampleDomain = (domain: string) => domain.split('.').some((label) => EXAMPLE_LABELS.has(label));

/** Read and validate `-c centre=<folder>` (default config/hanoi) and `-c environment`. */
export function readCentre(dirOption: string | undefined, environment: string | undefined): CentreConfig {
  const relative = dirOption?.trim() || DEFAULT_CENTRE;
  const dir = isAbsolute(relative) ? relative : join(projectRoot, relative);
  const files = catalogueFiles(dir);
  const catalogue = parseCatalogue(files, relative);
  if (environment !== undefined && environment !== 'dev' && environment !== 'prod') {
    throw new Error(`-c environment=${environment}: expected dev or prod (the default)`);
  }
  const dev = environment === 'dev';
  const { sender } = catalogue.profile;
  if (!dev && isExampleDomain(sender.domain)) {
    throw new Error(
      `${relative}/centre.json: sender.domain: ${sender.domain} is an example domain that no mail can be sent from; ` +
        'set the centre\'s own domain, or pass `-c environment=dev` for a trial stack',
    );
  }
  if (!sender.address.endsWith(`@${sender.domain}`)) {
    throw new Error(`${relative}/centre.json: sender.address: ${sender.address} is not an address of sender.domain ${sender.domain}`);
  }
  return { dir, catalogue, hash: catalogueHash(files), dev };
}

/** The centre of a construct tree, from its context (read once per app). */
export function centreOf(scope: Construct): CentreConfig {
  const ctx = (key: string) => {
    const v: unknown = scope.node.tryGetContext(key);
    return typeof v === 'string' ? v : undefined;
  };
  return readCentre(ctx('centre'), ctx('environment'));
}

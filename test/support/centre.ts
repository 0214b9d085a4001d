import { fileURLToPath } from 'node:url';
import { readCatalogue } from '../../functions/commons/catalogue-files';
import type { Procedure } from '../../functions/core/model';

/** Tests use Hanoi's data through its folder, as the platform does (nothing of a centre is in code). */
export const HANOI_DIR = fileURLToPath(new URL('../../config/hanoi', import.meta.url));
export const hanoi = readCatalogue(HANOI_DIR);
export const hanoiAgencies = hanoi.agencies;
/** The folder's procedures as their first stored version. */
export const hanoiProcedures: Procedure[] = hanoi.procedures.map((p) => ({ code: p.code, version: 1, ...p.draft }));

import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Project root (the folder holding package.json), independent of the working directory. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export const fromRoot = (relative: string): string => path.join(projectRoot, relative);

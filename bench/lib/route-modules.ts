import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyRoute } from '../../functions/commons/route';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** Each route module (functions/<name>/route.ts) by the route it exports: its path from the project root. */
export const routeModules = new Map<AnyRoute, string>();
for (const dir of readdirSync(resolve(ROOT, 'functions'))) {
  const file = resolve(ROOT, 'functions', dir, 'route.ts');
  if (!existsSync(file)) continue;
  const mod = (await import(pathToFileURL(file).href)) as { route?: AnyRoute };
  if (mod.route) routeModules.set(mod.route, `functions/${dir}/route.ts`);
}

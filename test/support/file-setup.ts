// The SES stand-in's store is module state of aws-ses-v2-local, shared by every server it starts in one process.
import { clearStore } from 'aws-ses-v2-local/dist/store';
// its module-level environment (the tests' PIN cost) is part of what each file starts with
import './local';

/**
 * The runtime tiers share their worker's module cache (vitest.config.ts, `isolate: false`): the
 * platform is imported once a worker rather than once a file. What a file would otherwise inherit
 * from the one before it in the same worker is put back here, before each file (vitest runs setup
 * files again for every file):
 * - the environment as the worker started (a runtime's endpoints, a test's own variables);
 * - the SES stand-in's mailbox (one store per process, whichever runtime's server took the email).
 * Everything else a runtime reads it resets when it starts (infra/local/runtime.ts).
 */
const g = globalThis as { __motcuaEnv?: Record<string, string | undefined>; __motcuaFiles?: number };
g.__motcuaEnv ??= { ...process.env };
const base = g.__motcuaEnv;
for (const k of Object.keys(process.env)) if (!(k in base)) delete process.env[k];
Object.assign(process.env, base);
clearStore();
g.__motcuaFiles = (g.__motcuaFiles ?? 0) + 1;
if (process.env.MOTCUA_DEBUG_SETUP) console.log(`file-setup: file ${g.__motcuaFiles} in worker ${process.pid}`);

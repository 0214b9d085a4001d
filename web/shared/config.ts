import type { WebConfig } from '../../functions/contracts/web-config';

import { timedFetch } from './clock';

export type { WebConfig };

let loaded: Promise<WebConfig> | undefined;

/** /config.json: the centre, its agencies and how to sign in (written by the stack, or the local gateway). */
export function loadConfig(): Promise<WebConfig> {
  return (loaded ??= timedFetch('/config.json', { headers: { accept: 'application/json' } }).then((r) => {
    if (!r.ok) throw new Error(`config.json: ${r.status}`);
    return r.json() as Promise<WebConfig>;
  }));
}

import { signedHeaders } from './sigv4';

/**
 * A secret's value by its name (or ARN): the national sign-in's client secret, read by the public
 * function only, once per container. Locally the runtime gives its stand-in's secret in
 * LOCAL_SECRETS (a JSON object name → value; never set on AWS). On AWS it is Secrets Manager's
 * GetSecretValue, called as the SDK would call it (a SigV4-signed JSON POST with the function's
 * role credentials from the Lambda environment): `@aws-sdk/client-secrets-manager` is not a
 * dependency of the project, and this one call does not need it (docs/deploy.md, National sign-in).
 */
export interface SecretSource {
  get(name: string): Promise<string>;
}

const cache = new Map<string, Promise<string>>();

export function secretValue(name: string, source?: SecretSource): Promise<string> {
  // the local runtime's secrets are read each time: a runtime started again in the same process has a new one
  if (!source && process.env.LOCAL_SECRETS) return localSource(process.env.LOCAL_SECRETS).get(name);
  source ??= secretsManager();
  let value = cache.get(name);
  if (!value) {
    value = source.get(name);
    cache.set(name, value);
    value.catch(() => cache.delete(name)); // a failure is not remembered
  }
  return value;
}

/** Tests: forget what was read. */
export const forgetSecrets = () => cache.clear();

function localSource(local: string): SecretSource {
  return {
    get: async (name) => {
      const value = (JSON.parse(local) as Record<string, string>)[name];
      if (value === undefined) throw new Error(`No local secret ${name}`);
      return value;
    },
  };
}


/** Secrets Manager's GetSecretValue (SecretString) with the Lambda role's credentials. */
export function secretsManager(env: NodeJS.ProcessEnv = process.env): SecretSource {
  return {
    async get(name) {
      const region = env.AWS_REGION;
      const accessKeyId = env.AWS_ACCESS_KEY_ID;
      const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
      if (!region || !accessKeyId || !secretAccessKey) throw new Error('No AWS credentials in the environment to read a secret');
      const url = new URL(env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? `https://secretsmanager.${region}.amazonaws.com/`);
      const body = JSON.stringify({ SecretId: name });
      const headers = signedHeaders(
        url,
        body,
        { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
        { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN },
        region,
        'secretsmanager',
        new Date(),
      );
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
      const out = (await res.json().catch(() => ({}))) as { SecretString?: string; __type?: string };
      if (!res.ok || typeof out.SecretString !== 'string') throw new Error(`GetSecretValue failed: ${res.status} ${out.__type ?? ''}`.trim());
      return out.SecretString;
    },
  };
}

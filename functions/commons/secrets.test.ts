import { afterEach, describe, expect, it, vi } from 'vitest';
import { credentials, sdkSigner } from '../../test/support/sigv4-oracle';
import { forgetSecrets, secretValue, secretsManager } from './secrets';
import { signedHeaders } from './sigv4';

const at = new Date('2026-12-07T02:03:04Z');

describe('secrets', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    forgetSecrets();
  });

  it("signs GetSecretValue exactly as the AWS SDK's SigV4 signer does", async () => {
    const url = new URL('https://secretsmanager.ap-southeast-1.amazonaws.com/');
    const body = JSON.stringify({ SecretId: 'motcua/hanoi/citizen-sign-in' });
    const base = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' };
    const ours = signedHeaders(url, body, base, credentials, 'ap-southeast-1', 'secretsmanager', at);
    const sdk = await sdkSigner('secretsmanager').sign(
      { method: 'POST', protocol: 'https:', hostname: url.hostname, path: '/', headers: { ...base, host: url.hostname }, body, query: {} },
      { signingDate: at },
    );
    expect(ours.authorization).toBe(sdk.headers.authorization);
    expect(ours['x-amz-date']).toBe(sdk.headers['x-amz-date']);
    expect(ours['x-amz-security-token']).toBe(credentials.sessionToken);
  });

  it('reads SecretString from Secrets Manager with the Lambda role’s credentials, once per container', async () => {
    const fetch = vi.fn(async (_url: string | URL, _init?: RequestInit) => new Response(JSON.stringify({ Name: 'x', SecretString: 'the-secret' }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const env = { AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_SESSION_TOKEN: credentials.sessionToken };
    const source = secretsManager(env);
    expect(await secretValue('motcua/hanoi/citizen-sign-in', source)).toBe('the-secret');
    expect(await secretValue('motcua/hanoi/citizen-sign-in', source)).toBe('the-secret');
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('https://secretsmanager.ap-southeast-1.amazonaws.com/');
    expect(JSON.parse(String(init!.body))).toEqual({ SecretId: 'motcua/hanoi/citizen-sign-in' });
    expect((init!.headers as Record<string, string>)['x-amz-target']).toBe('secretsmanager.GetSecretValue');
  });

  it('does not remember a failure (AccessDenied now, granted later)', async () => {
    let denied = true;
    vi.stubGlobal('fetch', vi.fn(async () => (denied ? new Response(JSON.stringify({ __type: 'AccessDeniedException' }), { status: 400 }) : new Response(JSON.stringify({ SecretString: 's' })))));
    const source = secretsManager({ AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' });
    await expect(secretValue('n', source)).rejects.toThrow(/AccessDeniedException/);
    denied = false;
    expect(await secretValue('n', source)).toBe('s');
  });

  it('locally, takes the runtime’s secret from LOCAL_SECRETS', async () => {
    vi.stubEnv('LOCAL_SECRETS', JSON.stringify({ 'local/citizen-sign-in': 'local-secret' }));
    expect(await secretValue('local/citizen-sign-in')).toBe('local-secret');
    await expect(secretValue('other')).rejects.toThrow(/No local secret/);
    // a runtime started again in the same process (a test's restart) has a secret of its own
    vi.stubEnv('LOCAL_SECRETS', JSON.stringify({ 'local/citizen-sign-in': 'next-secret' }));
    expect(await secretValue('local/citizen-sign-in')).toBe('next-secret');
  });
});

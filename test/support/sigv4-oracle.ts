import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * What the tests that hold our SigV4 signing (commons/sigv4.ts) against the SDK's signer share:
 * AWS's documented example credentials, the region, the hash the SDK's signer takes (a
 * `@smithy/types` Checksum on node:crypto), and the signing date read back from a request.
 * Used by secrets.test.ts, aws-json.test.ts and aws/s3.test.ts.
 */
export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-example' };
export const region = 'ap-southeast-1';

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) => (typeof d === 'string' ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength));

export class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: Data) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/** The SDK's signer for a service, with the example credentials (and any of its options). */
export const sdkSigner = (service: string, options: Partial<ConstructorParameters<typeof SignatureV4>[0]> = {}) =>
  new SignatureV4({ credentials, region, service, sha256: Sha256, ...options });

/** `20261207T225418Z` (a request's x-amz-date) as a Date. */
export const signingDateOf = (at: string) => new Date(`${at.slice(0, 4)}-${at.slice(4, 6)}-${at.slice(6, 8)}T${at.slice(9, 11)}:${at.slice(11, 13)}:${at.slice(13, 15)}Z`);

/**
 * The unit tier shares its workers' module cache: a file before may have left a client's `send`
 * stubbed (aws-sdk-client-mock stubs the prototype). The oracle tests send for real.
 */
export function unstubSend(...clients: { prototype: { send: unknown } }[]): void {
  for (const c of clients) (c.prototype.send as { restore?: () => void }).restore?.();
}

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signingKey } from './sigv4';

/** AWS's documented derivation, computed afresh each time. */
const derived = (secret: string, day: string, region: string, service: string) =>
  [day, region, service, 'aws4_request'].reduce<Buffer | string>((key, part) => createHmac('sha256', key).update(part, 'utf8').digest(), `AWS4${secret}`) as Buffer;

describe('signingKey, kept for the day', () => {
  it('is the documented derivation, and a new secret (credentials rotated, another runtime) never gets the old key', () => {
    const a = signingKey('secret-a', '20261207', 'ap-southeast-1', 'dynamodb');
    expect(a.export().equals(derived('secret-a', '20261207', 'ap-southeast-1', 'dynamodb'))).toBe(true);
    expect(signingKey('secret-a', '20261207', 'ap-southeast-1', 'dynamodb')).toBe(a); // kept
    const b = signingKey('secret-b', '20261207', 'ap-southeast-1', 'dynamodb');
    expect(b.export().equals(derived('secret-b', '20261207', 'ap-southeast-1', 'dynamodb'))).toBe(true);
    expect(b.export().equals(a.export())).toBe(false);
  });

  it('differs by day, region and service', () => {
    const keys = [
      signingKey('s', '20261207', 'ap-southeast-1', 'dynamodb'),
      signingKey('s', '20261208', 'ap-southeast-1', 'dynamodb'),
      signingKey('s', '20261207', 'ap-southeast-2', 'dynamodb'),
      signingKey('s', '20261207', 'ap-southeast-1', 's3'),
    ];
    expect(new Set(keys.map((k) => k.export().toString('hex'))).size).toBe(4);
    expect(keys[1]!.export().equals(derived('s', '20261208', 'ap-southeast-1', 'dynamodb'))).toBe(true);
  });
});

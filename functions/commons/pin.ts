import { randomInt, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 };
/**
 * The scrypt cost. Deployed functions always use PARAMS. The test harness (test/support/local.ts)
 * sets PIN_SCRYPT_N lower: every citizen's request hashes once, and at N = 16384 a suite of
 * thousands of requests spends minutes in scrypt on a 2-core machine. The hash does not record N,
 * so one process hashes and verifies at one cost (bench/pin-timing.ts measures the real one).
 */
const params = () => {
  const n = Number(process.env.PIN_SCRYPT_N);
  return Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0 ? { ...PARAMS, N: n } : PARAMS;
};

/** An 8-digit lookup PIN for the citizen: shown once, stored only as a slow hash. */
export function newPin(): string {
  return Array.from({ length: 8 }, () => randomInt(10)).join('');
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(pin, salt, 32, params());
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, params());
  return timingSafeEqual(actual, expected);
}

import { badRequest } from './http';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The `Idempotency-Key` header, validated; undefined when absent. */
export function idempotencyKeyOf(headers: Record<string, string | undefined> | undefined): string | undefined {
  const key = headers?.['idempotency-key'];
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw badRequest('Invalid Idempotency-Key', [{ field: 'Idempotency-Key', message: '8 to 128 letters, digits or -_.:' }]);
  return key;
}

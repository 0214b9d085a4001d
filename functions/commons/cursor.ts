import * as z from 'zod';
import { DOSSIER_CODE } from '../core/dossier';
import { badRequest } from './http';

/**
 * An opaque page cursor for an agency's queue: the last step's keys, base64url-encoded JSON.
 * Nothing in it is trusted: it must decode to keys of a step of this agency's queue (the index
 * key must name the step it sits on), else 400 naming `cursor`.
 */
const StepKeys = z
  .object({
    PK: z.string().regex(/^DOSSIER#/),
    SK: z.string().regex(/^STEP#[a-z0-9-]{1,40}$/),
    GSI1PK: z.string(),
    GSI1SK: z.string().max(200),
  })
  .strict();
export type QueueCursor = z.infer<typeof StepKeys>;

export const encodeCursor = (keys: Record<string, unknown>) => Buffer.from(JSON.stringify(keys)).toString('base64url');

export function decodeCursor(cursor: string, queue: string): QueueCursor {
  const refuse = () => badRequest('Invalid cursor', [{ field: 'cursor', message: 'not a cursor this route gave' }]);
  if (!/^[A-Za-z0-9_-]{1,800}$/.test(cursor)) throw refuse();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const parsed = StepKeys.safeParse(value);
  if (!parsed.success) throw refuse();
  const { PK, SK, GSI1PK, GSI1SK } = parsed.data;
  const code = PK.slice('DOSSIER#'.length);
  const stepId = SK.slice('STEP#'.length);
  if (GSI1PK !== queue || !DOSSIER_CODE.test(code) || !GSI1SK.endsWith(`#${code}#${stepId}`)) throw refuse();
  return parsed.data;
}

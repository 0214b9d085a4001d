import * as z from 'zod';

/** Free text typed by a person: trimmed, NFC-normalised (Vietnamese diacritics), bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));

export const documentsSchema = z
  .array(z.object({ name: text(200), ref: z.string().min(1).max(500) }).strict())
  .max(50);

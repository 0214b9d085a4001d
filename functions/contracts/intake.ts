import * as z from 'zod';
import { documentsSchema } from '../commons/text';

const nfc = (s: string) => s.normalize('NFC');

/** POST /dossiers: what the desk sends (checked by the handler, and by the desk's page before sending). */
export const DossierInput = z
  .object({
    procedureCode: z.string().trim().min(1).max(40),
    applicant: z
      .object({
        name: z.string().trim().min(1).max(200).transform(nfc),
        email: z.email().max(254),
        phone: z.string().regex(/^\+?[0-9][0-9 .-]{7,16}$/, 'a phone number').optional(),
        idNumber: z.string().regex(/^\d{9}(\d{3})?$/, '9 or 12 digits').optional(),
      })
      .strict(),
    channel: z.enum(['counter', 'online', 'post']),
    documents: documentsSchema.optional(),
  })
  .strict();

import * as z from 'zod';
import { documentsSchema, phone, text } from '../commons/text';

/** POST /dossiers: what the desk sends (checked by the handler, and by the desk's page before sending). */
export const DossierInput = z
  .object({
    procedureCode: z.string().trim().min(1).max(40),
    applicant: z
      .object({
        name: text(200),
        email: z.email().max(254),
        phone: phone.optional(),
        idNumber: z.string().regex(/^\d{9}(\d{3})?$/, '9 or 12 digits').optional(),
      })
      .strict(),
    channel: z.enum(['counter', 'online', 'post']),
    documents: documentsSchema.optional(),
  })
  .strict();

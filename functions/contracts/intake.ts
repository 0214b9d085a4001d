import * as z from 'zod';
import { documentsSchema, phone, text } from '../core/text';
import { documentId } from '../core/documents';

/** `documents` at intake: references `{name, ref}` as before, and drafts uploaded beforehand `{draftId}`. */
export const DraftEntry = z.object({ draftId: documentId }).strict();
export const intakeDocuments = z.array(z.union([documentsSchema.element, DraftEntry])).max(50);
export type IntakeDocuments = z.infer<typeof intakeDocuments>;

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
    documents: intakeDocuments.optional(),
    /**
     * Fees due at submission (docs/fees.md): taken at the counter with the dossier (`cash`, the
     * default, or `card`: a receipt is issued), or `later` (status 6: paid online or at the desk).
     */
    fees: z.enum(['cash', 'card', 'later']).optional(),
  })
  .strict();

/**
 * PATCH /dossiers/{code}/applicant: what the desk may correct — how the citizen is reached. Name and
 * ID number are the dossier's identity, not contact details. Checked by the route and by the
 * dossier page before sending.
 */
export const ContactChanges = z
  .object({
    email: z.email().max(254).optional(),
    phone: phone.nullable().optional().meta({ description: 'null removes the phone number' }),
  })
  .strict()
  .refine((b) => b.email !== undefined || b.phone !== undefined, { message: 'give email or phone', path: ['email'] });

import * as z from 'zod';
import { DOSSIER_CODE } from '../core/dossier';

/**
 * Path parameters shared by several routes, in their canonical form only: `/calendars/2026`,
 * never `/calendars/0x7EA`, `/calendars/%20%202026` or `/calendars/02026` (one resource, one name).
 */
export const YearPath = z.object({
  year: z
    .string()
    .regex(/^[1-9]\d{3}$/, 'a year such as 2026')
    .transform(Number)
    .pipe(z.number().int().min(2000).max(2100)),
});
export const dossierCode = z.string().regex(DOSSIER_CODE, 'a dossier code <desk agency>-<yymmdd>-<nnnn>, e.g. TT-261127-0001');
/** A payment's id: P and 20 hex digits (commons/payments.ts). */
export const paymentId = z.string().regex(/^P[0-9A-F]{20}$/, 'a payment id');
export const stepId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a step id such as s1-stp');
export const agencyCode = z.string().regex(/^[A-Z0-9]{2,12}$/, 'an agency code such as STP');

import type { Text } from './model';

/**
 * Applying online (issue 21). What a procedure version says of how it can be applied for, and
 * what an online dossier carries until the desk has checked it. Pure types and rules: the
 * catalogue validates them (./catalogue.ts), the API and the portal's pages (web/dvc) read them.
 *
 * Levels (Decree 42/2022/NĐ-CP art. 11): `fully` online — applied for, paid and returned online;
 * `partly` online — applied for online, the result collected at the desk; `none` — at the desk only.
 */
export type OnlineLevel = 'none' | 'partly' | 'fully';

export type FormFieldType = 'text' | 'textarea' | 'date' | 'number' | 'email' | 'tel' | 'select' | 'checkbox';

/** Where the portal pre-fills a field from the national identity (the sign-in's userinfo). */
export type Prefill = 'name' | 'identityNumber' | 'email' | 'phone' | 'address';

/** One field of a procedure's application form (data in the centre's folder). */
export interface FormField {
  /** The answer's key: lower camel case, unique in the form. */
  name: string;
  label: Text;
  type: FormFieldType;
  required?: boolean;
  /** A regular expression the whole answer must match (text, tel). */
  pattern?: string;
  /** What the pattern asks for, in the reader's words. */
  patternHint?: Text;
  help?: Text;
  /** select: the choices. */
  options?: { value: string; label: Text }[];
  /** text, textarea: at most this many characters (default 500; textarea 4,000). */
  maxLength?: number;
  prefill?: Prefill;
}

/** One document (thành phần hồ sơ) the procedure needs. */
export interface RequiredDocument {
  /** Unique in the procedure: lower-case letters, digits and hyphens. */
  id: string;
  name: Text;
  required: boolean;
  /** May be an electronic copy (bản sao điện tử) rather than a certified paper copy. */
  eCopy: boolean;
  /** The citizen may reuse the file from an earlier dossier of theirs. */
  reusable: boolean;
}

/** How a procedure version is applied for online (absent: `none`). */
export interface OnlineService {
  level: OnlineLevel;
  form: FormField[];
  documents: RequiredDocument[];
}

/** An answer to one field. */
export type Answer = string | number | boolean;

/**
 * What an online dossier carries besides a desk dossier's (dossier.online). From submission
 * until the desk's check the dossier is in status 1 (submitted): it is in its desk's check queue
 * (GSI1PK `CHECK#<desk>`, GSI1SK `<checkDueAt>#<code>`), not in the OPEN set, not in the
 * logbook, and no workflow runs. `receivedAt` and `appointmentAt` hold the submission and a
 * provisional appointment until the desk receives it; then the receipt's.
 */
export interface OnlineFacts {
  level: Exclude<OnlineLevel, 'none'>;
  /** The application (draft) it was submitted from. */
  applicationId: string;
  /** Who applied: `citizenRef` (functions/commons/citizen-session.ts), never the number in clear. */
  citizenRef: string;
  /** The official receipt time on the portal (Decree 45/2020/NĐ-CP art. 11). */
  submittedAt: string;
  answers: Record<string, Answer>;
  /** By when the desk must receive it, ask for completion or refuse it (8 working hours, counted again after a completion). */
  checkDueAt: string;
  /** The desk's asks for completion, oldest first; the last is open until `completedAt`. */
  completions?: { askedAt: string; by: string; missing: string[]; reason: string; completedAt?: string }[];
  /** The desk's decision. */
  check?: { outcome: 'receive' | 'refuse'; at: string; by: string; reason?: string };
  /** The desk was warned that the check time lapsed (once per check period). */
  lapseWarnedAt?: string;
  /** Fully online: the citizen downloaded the result (the dossier then closes as returned). */
  resultDownloadedAt?: string;
}

/** Working hours the desk has to check an online dossier (Decree 45/2020/NĐ-CP art. 11; docs/online.md). */
export const CHECK_WORKING_HOURS = 8;

/** The check queue of a desk (the branch's code, or the procedure's receiving agency). */
export const checkQueueKey = (desk: string) => `CHECK#${desk}`;
export const checkQueueKeys = (desk: string, checkDueAt: string, code: string) => ({
  GSI1PK: checkQueueKey(desk),
  GSI1SK: `${checkDueAt}#${code}`,
});

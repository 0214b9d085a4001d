import type { DossierStatusCode, Procedure, Text } from './model';
import type { FeeObligation } from './fees';
import type { OnlineFacts } from './online';

/** Personal data of the applicant: kept on the dossier item only, never in logs or workflow payloads. */
export interface Applicant {
  name: string;
  email: string;
  phone?: string;
  idNumber?: string;
}

/** A pause of the dossier's clock: supplement requested (from) → supplement received (to). */
export interface Pause {
  stepId: string;
  round: number;
  agency: string;
  from: string;
  to?: string;
  missing: string[];
  reason: string;
  /** The n-th supplement the dossier received closed this pause (one supplement may answer several). */
  supply?: number;
  /** `fee`: the wait for a financial obligation (status 6, docs/fees.md), not a supplement. */
  kind?: 'fee';
}

/**
 * A letter to the citizen at the dossier's level (dossier.letters, keyed by its email event key):
 * an apology (form 04) for the lapses and delays recorded at one instant, or the receipt of a
 * supplement. It is written once, before it is sent; the step `by` sends it.
 */
export interface Letter {
  event: 'apology' | 'supplement-received';
  at: string;
  by: string;
  /** Apology: the late agencies; supplement: the agencies that asked. */
  agencies: string[];
  reasons: Text[];
  /** Apology facts covered, `<stepId>#<n>`. */
  facts?: string[];
  /** The appointment the citizen had been given before this letter. */
  originalAppointmentAt: string;
  /** The one new appointment (never earlier than the one before); absent while the clock is still paused. */
  newAppointmentAt?: string;
  /** .ics SEQUENCE of the appointment it carries. */
  sequence?: number;
}

export interface Dossier {
  code: string;
  procedure: Procedure; // the version it was received under
  status: DossierStatusCode;
  channel: 'counter' | 'online' | 'post';
  /** The branch desk that received it (its code prefixes the dossier's); absent: the main desk. */
  branch?: string;
  applicant: Applicant;
  documents: { name: string; ref: string }[];
  receivedAt: string; // ISO UTC
  appointmentAt: string; // derived from the facts below, kept for reading
  stageIndex: number;
  /** Extension hours per step (apologies: lapses and reported delays). */
  extensions: Record<string, number>;
  /** Pauses keyed `<stepId>-<round>`. */
  pauses: Record<string, Pause>;
  /** @deprecated one open pause per step now: the pauses without `to` are open. */
  openPause?: string;
  /** @deprecated the waiting token is kept on the step item. */
  supplementToken?: string;
  /** Supplements received (each answers one or more open requests). */
  supplies?: number;
  /** Letters written at the dossier's level, by event key (apology-<n>, supplement-received-<n>). */
  letters?: Record<string, Letter>;
  /** Apology letters written so far. */
  apologyLetters?: number;
  /** .ics SEQUENCE of the last appointment announced (0: the receipt's). */
  appointmentSequence?: number;
  /** The last appointment announced to the citizen (the receipt's, or the last letter's). */
  announcedAppointmentAt?: string;
  /** Why processing ended early. */
  stop?: { kind: 'refused' | 'withdrawn'; at: string; stepId?: string; agency?: string; reason: string };
  /** The result is ready for the citizen (status 9): what the return is measured by. */
  resultReadyAt?: string;
  returnedAt?: string;
  /** Emails that could not be sent after their retries, by event key: shown to operators. */
  emailFailures?: Record<string, { at: string; error: string }>;
  /** The workflow finished and told the citizen; no resume touches it again. */
  closedAt?: string;
  rating?: { score: number; comment?: string; at: string };
  /** The citizen's evaluation (./evaluation.ts): once, after the return, attributed to the officers who handled it. */
  evaluation?: import('./evaluation').Evaluation;
  executionName?: string;
  /** Executions that handed the dossier over to a fresh one (old or long: workflow-contract HANDOVER). */
  handOvers?: number;
  pinHash: string;
  /** How many PINs were issued after the first (desk reissues, reminders): names their emails. */
  pinIssues?: number;
  receivedBy: string;
  /** Identifies the intake request (caller + Idempotency-Key), so a retry finds its dossier. */
  intakeKey?: string;
  /** Applied for online (channel `online`): the application's facts and the desk's check (./online.ts). */
  online?: OnlineFacts;
  /** The financial obligation (status 6) and its payment (./fees.ts, docs/fees.md). */
  fees?: FeeObligation;
}

export type StepState = 'pending' | 'supplement-requested' | 'approved' | 'refused';

export interface StepDecision {
  outcome: 'approve' | 'request-supplement' | 'refuse' | 'delay';
  at: string;
  by: string;
  note?: string;
  reason?: string;
  missing?: string[];
  newDueAt?: string;
  /** approve, on the last agency stage: the result file attached (a DOCUMENT of the dossier). */
  resultDocument?: { documentId: string };
}

export interface Step {
  code: string;
  stepId: string;
  stageIndex: number;
  agency: string;
  /** The one-stop desk's final step: handing the result back. */
  atDesk: boolean;
  /** The return step of a dossier received at a branch desk: that branch (its queue and officers). */
  branch?: string;
  name: Text;
  budgetHours: number;
  assignedAt: string;
  /** Derived caches, recomputed whenever a fact changes; null while the clock is paused. */
  dueAt: string | null;
  state: StepState;
  /** Apology facts on this step (lapses and delays), numbered 1..n. */
  extensions: number;
  extensionHours: number;
  supplementRounds: number;
  pendingDelay?: { reason: string; newDueAt: string; at: string; by: string };
  /** Email event keys already sent for this step (or 'failed' after their retries). */
  sent: Record<string, boolean | 'failed'>;
  history: StepDecision[];
  outcome?: 'approve' | 'refuse';
  decidedAt?: string;
  decidedBy?: string;
  taskToken?: string;
}

/** A step as it is assigned: pending, no apology, no supplement, no email sent, no decision. */
export function assignedStep(
  facts: Pick<Step, 'code' | 'stepId' | 'stageIndex' | 'agency' | 'atDesk' | 'branch' | 'name' | 'budgetHours' | 'assignedAt' | 'dueAt'>,
): Step {
  return { ...facts, state: 'pending', extensions: 0, extensionHours: 0, supplementRounds: 0, sent: {}, history: [] };
}

/** An apology: the step was late (lapse) or its agency reported a delay before its due time. */
export interface Apology {
  code: string;
  stepId: string;
  n: number;
  kind: 'lapse' | 'delay';
  at: string;
  agency: string;
  reason: Text;
  hours: number;
  originalDueAt: string;
  newDueAt: string;
  originalAppointmentAt: string;
  newAppointmentAt: string;
}

/** Allocated exactly once per (agency, day): `{agencyCode}-{yymmdd}-{nnnn}`. */
export function dossierCode(agencyCode: string, localDate: string, seq: number): string {
  const yymmdd = localDate.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export const DOSSIER_CODE = /^[A-Z0-9]{2,12}-\d{6}-\d{4,}$/;

/** The desk that received the dossier: its branch, or (the main desk) the procedure's receiving agency. Its code's prefix. */
export const receivingDesk = (d: Pick<Dossier, 'branch' | 'procedure'>) => d.branch ?? d.procedure.receivingAgency;

/** The pauses still open (a supplement asked for and not received). */
export const openPauses = (d: Pick<Dossier, 'pauses'>) => Object.entries(d.pauses ?? {}).filter(([, p]) => !p.to && p.kind !== 'fee');

/** Apology facts already announced in a letter, as `<stepId>#<n>`. */
export const announcedFacts = (d: Pick<Dossier, 'letters'>) =>
  new Set(Object.values(d.letters ?? {}).flatMap((l) => l.facts ?? []));

export const isStopped = (d: Pick<Dossier, 'status'>) => d.status === 7 || d.status === 8;

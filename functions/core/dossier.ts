import type { DossierStatusCode, Procedure, StepState, Text } from './model';

/** Personal data of the applicant: kept on the dossier item only, never in logs or workflow payloads. */
export interface Applicant {
  name: string;
  email: string;
  phone?: string;
  idNumber?: string;
}

export interface Dossier {
  code: string;
  procedure: Procedure; // pinned version
  status: DossierStatusCode;
  channel: 'counter' | 'online' | 'post';
  applicant: Applicant;
  documents: { name: string; ref: string }[];
  receivedAt: string; // ISO UTC
  appointmentAt: string; // derived from facts, kept for reading
  stageIndex: number;
  /** Extensions (working hours) keyed by their cause, e.g. `lapse#s1-stp#1`. */
  extensions: Record<string, number>;
  pinHash: string;
  receivedBy: string;
}

export interface Step {
  code: string;
  stepId: string;
  stageIndex: number;
  agency: string;
  name: Text;
  budgetHours: number;
  assignedAt: string;
  dueAt: string;
  state: StepState;
  lapses: number;
  apologiesSent: number;
  outcome?: 'approve';
  note?: string;
  decidedAt?: string;
  decidedBy?: string;
  taskToken?: string;
}

export interface Lapse {
  code: string;
  stepId: string;
  n: number;
  at: string;
  agency: string;
  originalDueAt: string;
  newDueAt: string;
  originalAppointmentAt: string;
  newAppointmentAt: string;
  extensionHours: number;
}

/** Allocated exactly once per (agency, day): `{agencyCode}-{yymmdd}-{nnnn}`. */
export function dossierCode(agencyCode: string, localDate: string, seq: number): string {
  const yymmdd = localDate.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export const DOSSIER_CODE = /^[A-Z0-9]{2,12}-\d{6}-\d{4,}$/;

export function totalExtensionHours(d: Pick<Dossier, 'extensions'>): number {
  return Object.values(d.extensions ?? {}).reduce((a, b) => a + b, 0);
}

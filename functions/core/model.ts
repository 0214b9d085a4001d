/** Domain model of motcua: names follow Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP. */
import type { FeeLineSpec, FeesDue } from './fees';
import type { OnlineService } from './online';

export interface Text {
  vi: string;
  en: string;
}

export interface Agency {
  code: string;
  name: Text;
  /** The one-stop desk receives dossiers and returns results. */
  kind: 'desk' | 'department';
  /** Where the agency's due-time warnings go. */
  email: string;
}

export interface ProcedureStep {
  /** Unique within the procedure, e.g. `s1-stp`. */
  stepId: string;
  agency: string;
  name: Text;
  /** Working hours (8 h = 1 working day). */
  budgetHours: number;
}

export interface ProcedureStage {
  /** Steps of one stage run in parallel. */
  steps: ProcedureStep[];
}

export interface Procedure {
  code: string;
  version: number;
  /** Local date (YYYY-MM-DD) from which this version applies. */
  effectiveFrom: string;
  name: Text;
  field: Text;
  /** Legal processing time in working hours. */
  legalHours: number;
  receivingAgency: string;
  stages: ProcedureStage[];
  /** Years the applicant's personal data is kept after the dossier closes (default 5; functions/core/retention.ts). */
  retentionYears?: number;
  /** How it can be applied for online (./online.ts); absent: at the desk only. */
  online?: OnlineService;
  /** Fee lines (phí, lệ phí) in integer đồng (./fees.ts); absent or empty: free. */
  fees?: FeeLineSpec[];
  /** When the fees are due (default `submission`). */
  feesDue?: FeesDue;
}

/** National public-service portal status codes. */
export const DossierStatus = {
  submitted: 1,
  received: 2,
  notReceived: 3,
  processing: 4,
  supplementRequested: 5,
  financialObligation: 6,
  withdrawn: 7,
  stopped: 8,
  decided: 9,
  returned: 10,
} as const;
export type DossierStatusCode = (typeof DossierStatus)[keyof typeof DossierStatus];

export type StepState = 'pending' | 'approved';

/** Total working hours of a route: stages in sequence, the longest parallel step within a stage. */
export function routeHours(stages: ProcedureStage[]): number {
  return stages.reduce((sum, stage) => sum + Math.max(...stage.steps.map((s) => s.budgetHours)), 0);
}

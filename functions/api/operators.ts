import { apiRouter } from '../commons/router';
import { route as paymentsReconciliation } from '../payments-reconciliation/route';
import { route as publishFeedback } from '../publish-feedback/route';
import { route as exportApplicant } from '../export-applicant/route';
import { route as getTimelinessDossiers } from '../get-timeliness-dossiers/route';
import { route as getTimelinessReport } from '../get-timeliness-report/route';
import { route as panel766 } from '../panel-766/route';
import { route as periodicReport } from '../periodic-report/route';
import { route as listDossiers } from '../list-dossiers/route';
import { route as listEmails } from '../list-emails/route';
import { route as listOverdue } from '../list-overdue/route';
import { route as putAgency } from '../put-agency/route';
import { route as putCalendar } from '../put-calendar/route';
import { route as putProcedure } from '../put-procedure/route';
import { route as resendEmail } from '../resend-email/route';
import { route as resumeDossier } from '../resume-dossier/route';
import { route as listSync } from '../list-sync/route';
import { route as retrySync } from '../retry-sync/route';
import { route as getSyncStatus } from '../get-sync-status/route';
import { route as getSyncReconciliation } from '../get-sync-reconciliation/route';
import { route as runSyncReconciliation } from '../run-sync-reconciliation/route';
import { route as backfillSync } from '../backfill-sync/route';

/** The operators' function: routes only an operator may call (reports, repairs, the catalogue). */
export const routes = [
  getTimelinessReport,
  // issue 25: the 766 panel and the periodic report (Excel, CSV)
  panel766,
  periodicReport,
  getTimelinessDossiers,
  listDossiers,
  resumeDossier,
  listOverdue,
  exportApplicant,
  listEmails,
  resendEmail,
  putProcedure,
  putCalendar,
  putAgency,
  publishFeedback,
  listSync,
  retrySync,
  // issue 22: the connection panel and the daily reconciliation
  getSyncStatus,
  getSyncReconciliation,
  runSyncReconciliation,
  backfillSync,
  paymentsReconciliation,
];

export const handler = apiRouter(routes);

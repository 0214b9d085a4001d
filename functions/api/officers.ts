import { apiRouter } from '../commons/router';
import { route as recordPayment } from '../record-payment/route';
import { route as listPayments } from '../list-payments/route';
import { route as refundPayment } from '../refund-payment/route';
import { route as paymentReceipt } from '../payment-receipt/route';
import { route as createFeedback } from '../create-feedback/route';
import { route as listFeedback } from '../list-feedback/route';
import { route as feedbackFigures } from '../feedback-figures/route';
import { route as getFeedback } from '../get-feedback/route';
import { route as assignFeedback } from '../assign-feedback/route';
import { route as mergeFeedback } from '../merge-feedback/route';
import { route as answerFeedback } from '../answer-feedback/route';
import { route as decideStep } from '../decide-step/route';
import { route as listProcedures } from '../list-procedures/route';
import { route as draftDocument } from '../draft-document/route';
import { route as uploadDocument } from '../upload-document/route';
import { route as completeDocument } from '../complete-document/route';
import { route as getDocument } from '../get-document/route';
import { route as reissuePin } from '../reissue-pin/route';
import { route as correctApplicant } from '../correct-applicant/route';
import { route as listContacts } from '../list-contacts/route';
import { route as getCalendar } from '../get-calendar/route';
import { route as listAgencies } from '../list-agencies/route';
import { route as createDossier } from '../create-dossier/route';
import { route as getDossier } from '../get-dossier/route';
import { route as reportDelay } from '../report-delay/route';
import { route as supplyDocuments } from '../supply-documents/route';
import { route as listAgencyTasks } from '../list-agency-tasks/route';
import { route as getControlSheet } from '../get-control-sheet/route';
import { route as getLogbook } from '../get-logbook/route';
import { route as searchDossiers } from '../search-dossiers/route';
import { route as kioskEvaluationForm } from '../kiosk-evaluation-form/route';
import { route as kioskEvaluate } from '../kiosk-evaluate/route';
import { route as officerFigures } from '../officer-figures/route';
import { route as listChecks } from '../list-checks/route';
import { route as checkDossier } from '../check-dossier/route';
import { route as createWebhook } from '../create-webhook/route';
import { route as listWebhookDeliveries } from '../list-webhook-deliveries/route';
import { route as listWebhooks } from '../list-webhooks/route';
import { route as updateWebhook } from '../update-webhook/route';
import { route as deleteWebhook } from '../delete-webhook/route';
import { route as replayWebhook } from '../replay-webhook/route';

/** The officers' function: the desk's and the agencies' routes (signed in; agencies' systems too). */
export const routes = [
  decideStep,
  listProcedures,
  draftDocument,
  uploadDocument,
  completeDocument,
  getDocument,
  reissuePin,
  correctApplicant,
  listContacts,
  getCalendar,
  listAgencies,
  createDossier,
  getDossier,
  reportDelay,
  supplyDocuments,
  listAgencyTasks,
  getControlSheet,
  getLogbook,
  searchDossiers,
  createFeedback,
  listFeedback,
  feedbackFigures,
  getFeedback,
  assignFeedback,
  mergeFeedback,
  answerFeedback,
  // issue 25: the desk's kiosk evaluation, and officers' own figures (heads: their agency's)
  kioskEvaluationForm,
  kioskEvaluate,
  officerFigures,
  listChecks,
  checkDossier,
  createWebhook,
  listWebhookDeliveries,
  listWebhooks,
  updateWebhook,
  deleteWebhook,
  replayWebhook,
  recordPayment,
  listPayments,
  refundPayment,
  paymentReceipt,
];

export const handler = apiRouter(routes);

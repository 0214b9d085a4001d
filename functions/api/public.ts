import { apiRouter } from '../commons/router';
import { route as publicPay } from '../public-pay/route';
import { route as publicMyPay } from '../public-my-pay/route';
import { route as confirmPayment } from '../confirm-payment/route';
import { route as confirmRefund } from '../confirm-refund/route';
import { route as publicReceipt } from '../public-receipt/route';
import { route as publicMyReceipt } from '../public-my-receipt/route';
import { route as pushNationalPortalDossier } from '../public-national-portal-dossier/route';
import { route as publicFeedback } from '../public-feedback/route';
import { route as publicSearchFeedback } from '../public-search-feedback/route';
import { route as publicCentre } from '../public-centre/route';
import { route as publicCompleteDocument } from '../public-complete-document/route';
import { route as publicGetDocument } from '../public-get-document/route';
import { route as publicLookup } from '../public-lookup/route';
import { route as publicPinReminder } from '../public-pin-reminder/route';
import { route as publicRating } from '../public-rating/route';
import { route as publicSupplement } from '../public-supplement/route';
import { route as publicUploadDocument } from '../public-upload-document/route';
import { route as publicWithdraw } from '../public-withdraw/route';
import { route as publicSignIn } from '../public-sign-in/route';
import { route as publicSignOut } from '../public-sign-out/route';
import { route as publicMe } from '../public-me/route';
import { route as publicMyDossiers } from '../public-my-dossiers/route';
import { route as publicMyDossier } from '../public-my-dossier/route';
import { route as publicEvaluationForm } from '../public-evaluation-form/route';
import { route as publicEvaluate } from '../public-evaluate/route';
import { route as publicMyEvaluationForm } from '../public-my-evaluation-form/route';
import { route as publicMyEvaluate } from '../public-my-evaluate/route';
// applying online (issue 21)
import { route as publicProcedures } from '../public-procedures/route';
import { route as publicProcedure } from '../public-procedure/route';
import { route as createApplication } from '../public-create-application/route';
import { route as updateApplication } from '../public-update-application/route';
import { route as getApplication } from '../public-get-application/route';
import { route as uploadApplicationDocument } from '../public-upload-application-document/route';
import { route as completeApplicationDocument } from '../public-complete-application-document/route';
import { route as submitApplication } from '../public-submit-application/route';
import { route as completeOnlineDossier } from '../public-complete-online-dossier/route';
import { route as publicGetResult } from '../public-get-result/route';

/**
 * The public function: the citizen's routes (code and PIN, no sign-in). Nothing in this bundle
 * can act as an officer: it holds only the routes whose roles are ['public'].
 */
export const routes = [
  publicLookup,
  publicSupplement,
  publicWithdraw,
  publicRating,
  publicUploadDocument,
  publicCompleteDocument,
  publicGetDocument,
  publicPinReminder,
  publicCentre,
  // the signed-in citizen (national sign-in): their session and their own dossiers
  publicSignIn,
  publicSignOut,
  publicMe,
  publicMyDossiers,
  publicMyDossier,
  publicFeedback,
  publicSearchFeedback,
  // the citizen's evaluation (issue 25): with the code and PIN, or signed in
  publicEvaluationForm,
  publicEvaluate,
  publicMyEvaluationForm,
  publicMyEvaluate,
  // applying online (issue 21)
  publicProcedures,
  publicProcedure,
  createApplication,
  updateApplication,
  getApplication,
  uploadApplicationDocument,
  completeApplicationDocument,
  submitApplication,
  completeOnlineDossier,
  publicGetResult,
  publicPay,
  publicMyPay,
  confirmPayment,
  confirmRefund,
  publicReceipt,
  publicMyReceipt,
  // issue 22: dossiers submitted on the national portal, pushed here (signed)
  pushNationalPortalDossier,
];

export const handler = apiRouter(routes);

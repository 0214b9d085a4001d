/* Generated from the OpenAPI document by functions/contracts/generate.ts (npm run contracts): do not edit. */
export interface paths {
  "/agencies": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The agencies of the catalogue (roles: authenticated) */
    get: operations["listAgencies"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/agencies/{agencyCode}/contacts": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The citizens the desk should call (their letter bounced or was complained of) (roles: desk) */
    get: operations["listContacts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/agencies/{agencyCode}/logbook": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** An agency's logbook for a local day (form 07) (roles: agency, desk, operator) */
    get: operations["getLogbook"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/agencies/{agencyCode}/tasks": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** An agency's pending steps, soonest due first, a page at a time (roles: agency, desk) */
    get: operations["listTasks"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/agencies/{agencyCode}/webhooks": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** An agency's webhook subscriptions (without their secrets) (roles: agency) */
    get: operations["listWebhooks"];
    put?: never;
    /** Subscribe an agency's system to the events of its steps (roles: agency) */
    post: operations["createWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/agencies/{agencyCode}/webhooks/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a webhook subscription (roles: agency) */
    delete: operations["deleteWebhook"];
    options?: never;
    head?: never;
    /** Enable or disable a webhook subscription (roles: agency) */
    patch: operations["updateWebhook"];
    trace?: never;
  };
  "/agencies/{agencyCode}/webhooks/{id}/deliveries": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** A webhook subscription's delivery log (roles: agency) */
    get: operations["listWebhookDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/agencies/{agencyCode}/webhooks/{id}/replay": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Send an event to a webhook subscription again (roles: agency) */
    post: operations["replayWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/agencies/{code}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    /** Add an agency or change its names, kind or warnings address (roles: operator) */
    put: operations["putAgency"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/calendars/{year}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** A year's working calendar (roles: operator, desk, agency) */
    get: operations["getCalendar"];
    /** Replace a year's working calendar (roles: operator) */
    put: operations["putCalendar"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/checks": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Online dossiers waiting for the desk’s check, soonest due first (roles: desk) */
    get: operations["listChecks"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/documents/drafts": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Ask to upload a file before the dossier exists (claimed at intake with {draftId}) (roles: desk) */
    post: operations["draftDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Search dossiers by code, applicant name or phone (desk, operators) (roles: desk, operator) */
    get: operations["searchDossiers"];
    put?: never;
    /** Receive a dossier at the one-stop desk (form 01) (roles: desk) */
    post: operations["receiveDossier"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** A dossier with its steps (roles: desk, operator, agency) */
    get: operations["getDossier"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/applicant": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct the applicant's contact details (roles: desk) */
    patch: operations["correctApplicant"];
    trace?: never;
  };
  "/dossiers/{code}/check": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** The desk's check of an online dossier: receive (form 01), ask for completion, or refuse to receive (form 03) (roles: desk) */
    post: operations["checkOnlineDossier"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/control-sheet": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The control sheet (form 06) (roles: desk, operator, agency) */
    get: operations["getControlSheet"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/documents": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Ask to upload a file into a dossier (the desk; the agency that asked a supplement or deciding) (roles: desk, agency) */
    post: operations["uploadDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/documents/{documentId}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** A short-lived download link to a file of the dossier (409 while it is being scanned) (roles: desk, operator, agency) */
    get: operations["getDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/documents/{documentId}/complete": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Register an uploaded file (its size, type and checksum are checked) (roles: desk, agency) */
    post: operations["completeDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/evaluation": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Desk kiosk: the evaluation form for a dossier at this desk (roles: desk) */
    get: operations["kioskEvaluationForm"];
    put?: never;
    /** Desk kiosk: the citizen's evaluation of a dossier just handed back at this desk (roles: desk) */
    post: operations["kioskEvaluate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/payments": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Desk: record the fees paid at the counter (cash or card) (roles: desk) */
    post: operations["recordPayment"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/pin": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Issue a new lookup PIN and email it to the applicant (roles: desk) */
    post: operations["reissuePin"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/steps/{stepId}/decision": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Decide a step: approve, request a supplement (form 02), refuse (form 03) (roles: agency, desk) */
    post: operations["decideStep"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/steps/{stepId}/delay": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Report a delay before the due time (form 04) (roles: agency) */
    post: operations["reportDelay"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/dossiers/{code}/supplement": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** The desk records the supplement the citizen brought (roles: desk) */
    post: operations["supplyAtDesk"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feedback": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Feedback items, newest first, filtered (status, late, warning, agency, kind, channel), a page at a time (roles: desk, operator, agency) */
    get: operations["listFeedback"];
    put?: never;
    /** Desk: enter feedback received by hotline, Zalo, email, letter or in person (roles: desk, operator) */
    post: operations["createFeedback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feedback/{code}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** A feedback item, with its assignments and answer (roles: desk, operator, agency) */
    get: operations["getFeedback"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feedback/{code}/answer": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** The assigned agency (or the desk): answer a feedback item; the answer is emailed to the citizen (roles: agency, desk) */
    post: operations["answerFeedback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feedback/{code}/assign": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Desk: assign (or reassign, with a reason) a feedback item to the agency that must answer it; classify it (roles: desk, operator) */
    post: operations["assignFeedback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feedback/{code}/merge": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Desk: merge a duplicate feedback item into another (its answer is sent to both submitters) (roles: desk, operator) */
    post: operations["mergeFeedback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feedback/{code}/publish": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Operator: publish an answered feedback item (question and answer, anonymised) on the public page (roles: operator) */
    post: operations["publishFeedback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feedback/figures": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Feedback figures: by channel, kind, agency and month; on time and late (roles: desk, operator) */
    get: operations["feedbackFigures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/applicants/export": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Everything held about one applicant (roles: operator) */
    get: operations["exportApplicant"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/dossiers": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The open dossiers whose workflow is not running (failed, timed out, aborted, never started) (roles: operator) */
    get: operations["listFailedDossiers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/dossiers/{code}/resume": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Resume a dossier's workflow (roles: operator) */
    post: operations["resumeDossier"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/emails": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Letters that did not reach the citizen (failed, bounced, complained) (roles: operator) */
    get: operations["listEmails"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/emails/{id}/resend": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Send a failed, bounced or sent email again (roles: operator) */
    post: operations["resendEmail"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/overdue": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Overdue open dossiers with no activity for a while (roles: operator) */
    get: operations["listOverdue"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/sync": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Events not yet accepted by the National Public Service Portal (parked or pending) (roles: operator) */
    get: operations["listSync"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/sync/{id}/retry": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Send a parked event to the National Public Service Portal again (roles: operator) */
    post: operations["retrySync"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/sync/backfill": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Record the sync events of dossiers received before the sync was deployed (roles: operator) */
    post: operations["backfillSync"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/sync/reconciliation": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The day's reconciliation with the National Public Service Portal (differences) (roles: operator) */
    get: operations["getSyncReconciliation"];
    put?: never;
    /** Reconcile with the National Public Service Portal now (roles: operator) */
    post: operations["runSyncReconciliation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/sync/status": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The National Public Service Portal connection: backlog, parked, last accepted call, reconciliation (roles: operator) */
    get: operations["getSyncStatus"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/payments": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Payments recorded (per day, method and procedure) (roles: operator, desk) */
    get: operations["listPayments"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/payments/{paymentId}/receipt": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The receipt of a payment as a PDF (to print at the desk) (roles: operator, desk) */
    get: operations["paymentReceiptPdf"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/payments/{paymentId}/refund": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Refund a paid fee (a refused or withdrawn dossier, money not owed): online through the hub, cash at the desk (roles: operator, desk) */
    post: operations["refundPayment"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/payments/reconciliation": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The day's reconciliation: the hub's signed statement against the payments and refunds recorded (roles: operator) */
    get: operations["paymentsReconciliation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/procedures": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The procedure catalogue in force today (roles: authenticated) */
    get: operations["listProcedures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/procedures/{code}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    /** Publish a new version of a procedure (roles: operator) */
    put: operations["putProcedure"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/applications": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: start an online application (a draft) (roles: citizen) */
    post: operations["createApplication"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/applications/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: an online application of theirs (roles: citizen) */
    get: operations["getApplication"];
    /** Citizen: replace a draft application's answers, files and desk (roles: citizen) */
    put: operations["updateApplication"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/applications/{id}/documents": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: ask to upload a file for an online application (roles: citizen) */
    post: operations["uploadApplicationDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/applications/{id}/documents/{documentId}/complete": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: record an uploaded file on an online application (roles: citizen) */
    post: operations["completeApplicationDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/applications/{id}/submit": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: submit an online application (a dossier in status 1) (roles: citizen) */
    post: operations["submitApplication"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/centre": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The centre's public profile (name, address, opening hours, hotline) (roles: public) */
    get: operations["publicCentre"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: look a dossier up with its code and PIN (roles: public) */
    get: operations["publicLookup"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/documents": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: ask to upload a file of the supplement asked for (roles: public) */
    post: operations["publicUploadDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/documents/{documentId}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: a short-lived download link to their own file or the result (roles: public) */
    get: operations["publicGetDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/documents/{documentId}/complete": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: register an uploaded file (roles: public) */
    post: operations["publicCompleteDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/evaluation": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: the centre's evaluation form for a dossier, and whether it was given (roles: public) */
    get: operations["publicEvaluationForm"];
    put?: never;
    /** Citizen: evaluate the service once, after the return (criteria of the centre’s form) (roles: public) */
    post: operations["publicEvaluate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/payments": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: pay the dossier's fees online (answers the hub's page) (roles: public) */
    post: operations["publicPay"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/payments/{paymentId}/receipt": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: the receipt of a payment as a PDF (roles: public) */
    get: operations["publicReceiptPdf"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/pin-reminder": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: I lost my PIN (`{}`: a new PIN and a one-time code are emailed if the code is right; the old PIN keeps working) or the letter's one-time code (`{confirmation}`: the new PIN replaces the old one) (roles: public) */
    post: operations["publicPinReminder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/rating": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: rate the service once, after the result (roles: public) */
    post: operations["publicRating"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/supplement": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: send the supplement asked for (roles: public) */
    post: operations["publicSupplement"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/dossiers/{code}/withdraw": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: withdraw the dossier (roles: public) */
    post: operations["publicWithdraw"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/feedback": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: the published answers to feedback, searchable with or without diacritics (roles: public) */
    get: operations["publicSearchFeedback"];
    put?: never;
    /** Citizen: send feedback or a petition (anonymous allowed); answers its code (roles: public) */
    post: operations["publicSendFeedback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: who is signed in (roles: citizen) */
    get: operations["publicMe"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me/dossiers": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: my dossiers (every dossier of the signed-in citizen's identity number) (roles: citizen) */
    get: operations["publicMyDossiers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me/dossiers/{code}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: one of my dossiers (no PIN) (roles: citizen) */
    get: operations["publicMyDossier"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me/dossiers/{code}/completion": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: complete an online dossier the desk asked to complete (roles: citizen) */
    post: operations["completeOnlineDossier"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me/dossiers/{code}/evaluation": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: the evaluation form of one of my dossiers (no PIN) (roles: citizen) */
    get: operations["publicMyEvaluationForm"];
    put?: never;
    /** Citizen: evaluate one of my dossiers once, after the return (no PIN) (roles: citizen) */
    post: operations["publicMyEvaluate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me/dossiers/{code}/payments": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen (signed in): pay my dossier's fees online (roles: citizen) */
    post: operations["publicMyPay"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me/dossiers/{code}/payments/{paymentId}/receipt": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen (signed in): the receipt of a payment of my dossier as a PDF (roles: citizen) */
    get: operations["publicMyReceiptPdf"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/me/dossiers/{code}/result": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: download the result of a fully online dossier (closes it as returned) (roles: citizen) */
    get: operations["publicGetResult"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/national-portal/dossiers": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** National portal: push a dossier submitted there (server to server, signed) (roles: public) */
    post: operations["pushNationalPortalDossier"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/payments/confirm": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Payment hub: confirm a payment (server to server, signed) (roles: public) */
    post: operations["confirmPayment"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/payments/refund-confirm": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Payment hub: confirm a refund (server to server, signed) (roles: public) */
    post: operations["confirmRefund"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/procedures": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: find a procedure (by name with or without diacritics, field, online level) (roles: public) */
    get: operations["publicProcedures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/procedures/{code}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Citizen: a procedure in force, its online form, its documents and its desks (roles: public) */
    get: operations["publicProcedure"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/sign-in": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: sign in with the national sign-in (exchange the authorization code for a session) (roles: public) */
    post: operations["publicSignIn"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/public/sign-out": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    /** Citizen: sign out (end the session) (roles: citizen) */
    post: operations["publicSignOut"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/reports/index766": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Decision 766/QĐ-TTg's index: the components the platform computes (roles: operator) */
    get: operations["getPanel766"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/reports/officers": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Officers and agencies by their figures (evaluations, on time, late) (roles: desk, agency, operator) */
    get: operations["getOfficerFigures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/reports/periodic": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Periodic report (month, quarter, year): received, carried over, solved, pending; Excel or CSV (roles: operator) */
    get: operations["getPeriodicReport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/reports/timeliness": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** Early / on time / late over a period (roles: operator) */
    get: operations["getTimelinessReport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/reports/timeliness/dossiers": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    /** The dossiers behind one figure of the timeliness report (roles: operator) */
    get: operations["getTimelinessDossiers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

export interface operations {
  "listAgencies": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          agencies: {
            code: string;
            name: {
              vi: string;
              en: string;
            };
            kind: "desk" | "department";
            email: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listContacts": {
    parameters: { query?: never; header?: never; path: { agencyCode: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          agency: string;
          contacts: {
            kind: "contact-citizen";
            dossierCode: string;
            eventKey: string;
            event?: string;
            emailId: string;
            reason: string;
            at: string;
            message: {
              vi: string;
              en: string;
            };
            applicant: {
              name: string;
              phone: string | null;
            } | null;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getLogbook": {
    parameters: { query: { date: string }; header?: never; path: { agencyCode: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          agency: string;
          kind: "desk" | "department";
          date: string;
          entries: {
            kind: "step" | "dossier";
            dossierCode: string;
            procedure: {
              code: string;
              name: {
                vi: string;
                en: string;
              };
            };
            applicantName?: string;
            stepId?: string;
            stage?: number;
            name?: {
              vi: string;
              en: string;
            };
            channel?: string;
            receivedAt: string | null;
            dueAt: string | null;
            finalDueAt: string | null;
            decidedAt?: string | null;
            returnedAt?: string | null;
            outcome?: string | null;
            state?: string;
            status?: number;
            stop?: string;
            timeliness: "early" | "on-time" | "late" | "pending" | "stopped";
            overdue?: boolean;
            apologies?: number;
            supplements?: number;
          }[];
          skipped: {
            code: string;
            reason: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listTasks": {
    parameters: { query?: { limit?: string; cursor?: string; branch?: string }; header?: never; path: { agencyCode: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          agency: string;
          tasks: {
            dossierCode: string;
            stepId: string;
            stage: number;
            name: {
              vi: string;
              en: string;
            };
            assignedAt: string;
            dueAt: string | null;
            extensions: number;
          }[];
          nextCursor?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listWebhooks": {
    parameters: { query?: never; header?: never; path: { agencyCode: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          agency: string;
          webhooks: {
            id: string;
            agency: string;
            url: string;
            events?: string[];
            state: "enabled" | "disabled";
            disabledAt?: string;
            disabledReason?: string;
            createdAt: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "createWebhook": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { agencyCode: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        url: string;
        events?: ("step-assigned" | "step-decided" | "supplement-asked" | "supplement-answered" | "apology" | "refused" | "withdrawn")[];
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          agency: string;
          url: string;
          events?: string[];
          secret: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "deleteWebhook": {
    parameters: { query?: never; header?: never; path: { agencyCode: string; id: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          deleted: true;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "updateWebhook": {
    parameters: { query?: never; header?: never; path: { agencyCode: string; id: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        enabled: boolean;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          agency: string;
          url: string;
          events?: string[];
          state: "enabled" | "disabled";
          disabledAt?: string;
          disabledReason?: string;
          createdAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listWebhookDeliveries": {
    parameters: { query?: never; header?: never; path: { agencyCode: string; id: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          url: string;
          deliveries: {
            at: string;
            eventId: string;
            code: string;
            seq: number;
            kind: string;
            attempt: number;
            ok: boolean;
            httpStatus?: number;
            error?: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "replayWebhook": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { agencyCode: string; id: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        code: string;
        seq: number;
      } } };
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          eventId: string;
          state: "pending";
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "putAgency": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        name: {
          vi: string;
          en: string;
        };
        kind: "desk" | "department";
        email: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          name: {
            vi: string;
            en: string;
          };
          kind: "desk" | "department";
          email: string;
          group: string;
        } } };
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          name: {
            vi: string;
            en: string;
          };
          kind: "desk" | "department";
          email: string;
          group: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getCalendar": {
    parameters: { query?: never; header?: never; path: { year: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          year: number;
          status: "announced" | "awaiting-notice";
          entries: {
            date: string;
            kind: "holiday" | "day-off" | "working-saturday";
            name: {
              vi: string;
              en: string;
            };
            source: string;
          }[];
          origin: "stored" | "bundled";
          updatedAt?: string;
          updatedBy?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "putCalendar": {
    parameters: { query?: never; header?: never; path: { year: number }; cookie?: never };
    requestBody: { content: { 'application/json': {
        year: number;
        status: "announced" | "awaiting-notice";
        entries: {
          date: string;
          kind: "holiday" | "day-off" | "working-saturday";
          name: {
            vi: string;
            en: string;
          };
          source: string;
        }[];
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          year: number;
          status: "announced" | "awaiting-notice";
          entries: {
            date: string;
            kind: "holiday" | "day-off" | "working-saturday";
            name: {
              vi: string;
              en: string;
            };
            source: string;
          }[];
          origin: "stored" | "bundled";
          updatedAt?: string;
          updatedBy?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listChecks": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          checks: {
            code: string;
            procedure: {
              code: string;
              name: {
                vi: string;
                en: string;
              };
            };
            applicantName: string;
            level: "partly" | "fully";
            branch?: string;
            submittedAt: string;
            checkDueAt: string;
            workingHoursLeft: number | null;
            lapsed: boolean;
            completionAsked: boolean;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "draftDocument": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        name: string;
        contentType: "application/pdf" | "image/jpeg" | "image/png";
        size: number;
        sha256: string;
        purpose?: "dossier" | "result";
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          upload: {
            url: string;
            fields: {
              [key: string]: string | undefined;
            };
          };
          expiresAt: string;
          maxBytes: number;
          complete?: string;
          draftId: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "searchDossiers": {
    parameters: { query?: { q?: string; status?: number; cursor?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossiers: {
            code: string;
            status: number;
            procedure: {
              code: string;
              name: {
                vi: string;
                en: string;
              };
            };
            applicantName: string;
            receivedAt: string;
            appointmentAt: string;
          }[];
          searched: number;
          nextCursor?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "receiveDossier": {
    parameters: { query?: never; header: { "Idempotency-Key": string }; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        procedureCode: string;
        applicant: {
          name: string;
          email: string;
          phone?: string;
          idNumber?: string;
        };
        channel: "counter" | "online" | "post";
        documents?: ({
          name: string;
          ref: string;
        } | {
          draftId: string;
        })[];
        fees?: "cash" | "card" | "later";
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          status: number;
          receivedAt: string;
          appointmentAt: string;
          lookupPin: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getDossier": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          status: number;
          procedure: {
            code: string;
            version: number;
            name: {
              vi: string;
              en: string;
            };
          };
          channel: "counter" | "online" | "post";
          branch?: string;
          applicant: {
            name: string;
            email: string;
            phone?: string;
            idNumber?: string;
          };
          documents: {
            name: string;
            ref: string;
          }[];
          receivedAt: string;
          appointmentAt: string;
          stage: number;
          pauses: {
            key: string;
            stepId: string;
            round: number;
            agency: string;
            from: string;
            to: string | null;
            missing: string[];
            reason: string;
            kind?: "fee";
          }[];
          stop?: {
            kind: "refused" | "withdrawn";
            at: string;
            stepId?: string;
            agency?: string;
            reason: string;
          };
          rating?: {
            score: number;
            comment?: string;
            at: string;
          };
          emailFailures: {
            eventKey: string;
            error: string;
            at: string;
          }[];
          fees?: {
            due: "submission" | "before-return";
            lines: {
              code: string;
              kind: "phi" | "le-phi";
              name: {
                vi: string;
                en: string;
              };
              amount: number;
            }[];
            total: number;
            since: string;
            paidAt?: string;
            paymentId?: string;
          };
          contactCorrections: {
            n: number;
            at: string;
            by: string;
            fields: ("email" | "phone")[];
          }[];
          emails: {
            id: string;
            eventKey: string;
            event?: string;
            state: string;
            sending: string;
            attempts: number;
            queuedAt?: string;
            sentAt?: string;
            deliveredAt?: string;
            delayedAt?: string;
            bouncedAt?: string;
            bounceType?: string;
            complainedAt?: string;
            rejectedAt?: string;
            failedAt?: string;
            lastError?: string;
            nextAttemptAt?: string;
            resends: number;
          }[];
          files: {
            documentId: string;
            name: string;
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            size: number;
            sha256: string;
            purpose: "dossier" | "result";
            stage: "intake" | "supplement" | "processing" | "result";
            round?: string;
            uploadedBy: string;
            uploaderKind: "desk" | "agency" | "citizen";
            agency?: string;
            uploadedAt: string;
            recordedAt: string;
            deletedAt?: string;
          }[];
          steps: {
            stepId: string;
            stage: number;
            agency: string;
            branch?: string;
            name: {
              vi: string;
              en: string;
            };
            budgetHours: number;
            assignedAt: string;
            dueAt: string | null;
            state: string;
            extensions: number;
            supplementRounds: number;
            outcome?: "approve" | "refuse";
            decidedAt?: string;
            history: {
              outcome: "approve" | "request-supplement" | "refuse" | "delay";
              at: string;
              by: string;
              note?: string;
              reason?: string;
              missing?: string[];
              newDueAt?: string;
            }[];
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "correctApplicant": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        email?: string;
        phone?: string | null;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          applicant: {
            name: string;
            email: string;
            phone?: string;
            idNumber?: string;
          };
          changed: ("email" | "phone")[];
          correctedAt?: string;
          toldPreviousAddress: boolean;
          resent: string[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "checkOnlineDossier": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        outcome: "receive";
      } | {
        outcome: "request-completion";
        missing: string[];
        reason: string;
      } | {
        outcome: "refuse";
        reason: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          outcome: "receive" | "request-completion" | "refuse";
          status: number;
          checkedAt: string;
          receivedAt?: string;
          appointmentAt?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getControlSheet": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          procedure: {
            code: string;
            version: number;
            name: {
              vi: string;
              en: string;
            };
          };
          receivingAgency: string;
          status: number;
          receivedAt: string;
          appointment: {
            original: string | null;
            final: string | null;
          };
          returnedAt: string | null;
          timeliness: ("early" | "on-time" | "late" | "pending" | "stopped") | null;
          overdue?: boolean;
          handOvers: {
            n: number;
            kind: "step" | "supplement-request" | "supplement" | "return" | "refusal" | "withdrawal";
            stage?: number;
            stepId?: string;
            round?: number;
            from: string;
            to: string;
            receivedAt: string | null;
            dueAt: string | null;
            finalDueAt: string | null;
            decidedAt: string | null;
            outcome: string | null;
            timeliness: ("early" | "on-time" | "late" | "pending" | "stopped") | null;
            overdue?: boolean;
            missing?: string[];
            reason?: string;
            apologies: {
              n: number;
              kind: "lapse" | "delay";
              at: string;
              reason: {
                vi: string;
                en: string;
              };
              hours: number;
              originalDueAt: string;
              newDueAt: string;
            }[];
          }[];
          documents: {
            documentId: string;
            name: string;
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            size: number;
            sha256: string;
            purpose: "dossier" | "result";
            stage: "intake" | "supplement" | "processing" | "result";
            round?: string;
            uploadedBy: string;
            uploaderKind: "desk" | "agency" | "citizen";
            agency?: string;
            uploadedAt: string;
            recordedAt: string;
            deletedAt?: string;
          }[];
          skipped: {
            code: string;
            reason: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "uploadDocument": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        name: string;
        contentType: "application/pdf" | "image/jpeg" | "image/png";
        size: number;
        sha256: string;
        purpose?: "dossier" | "result";
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          upload: {
            url: string;
            fields: {
              [key: string]: string | undefined;
            };
          };
          expiresAt: string;
          maxBytes: number;
          complete?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getDocument": {
    parameters: { query?: never; header?: never; path: { code: string; documentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          url: string;
          expiresAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      410: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      423: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "completeDocument": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string; documentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          name: string;
          contentType: "application/pdf" | "image/jpeg" | "image/png";
          size: number;
          sha256: string;
          purpose: "dossier" | "result";
          stage: "intake" | "supplement" | "processing" | "result";
          round?: string;
          uploadedBy: string;
          uploaderKind: "desk" | "agency" | "citizen";
          agency?: string;
          uploadedAt: string;
          recordedAt: string;
          deletedAt?: string;
        } } };
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          name: string;
          contentType: "application/pdf" | "image/jpeg" | "image/png";
          size: number;
          sha256: string;
          purpose: "dossier" | "result";
          stage: "intake" | "supplement" | "processing" | "result";
          round?: string;
          uploadedBy: string;
          uploaderKind: "desk" | "agency" | "citizen";
          agency?: string;
          uploadedAt: string;
          recordedAt: string;
          deletedAt?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "kioskEvaluationForm": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          criteria: {
            id: string;
            label: {
              vi: string;
              en: string;
            };
            max: number;
            scale: {
              vi: string;
              en: string;
            }[];
          }[];
          source: string;
          given: boolean;
          canEvaluate: boolean;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "kioskEvaluate": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        answers: {
          [key: string]: number | undefined;
        };
        comment?: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          officers: number;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "recordPayment": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        method: "cash" | "card";
        amount: number;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          paymentId: string;
          dossierCode: string;
          outcome: "recorded" | "duplicate";
          total: number;
          method: "online" | "cash" | "card";
          paidAt: string;
          receipt: {
            invoiceTemplateNo: string;
            invoiceIssueNo: string;
            invoiceNo: string;
          };
          reconcile?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "reissuePin": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': Record<string, never> } };
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          reissuedAt: string;
          sentTo: "applicant";
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "decideStep": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string; stepId: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        outcome: "approve";
        note?: string;
        resultDocument?: {
          documentId: string;
        };
      } | {
        outcome: "request-supplement";
        missing: string[];
        reason: string;
      } | {
        outcome: "refuse";
        reason: string;
      } } };
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          stepId: string;
          outcome: string;
          decidedAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "reportDelay": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string; stepId: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        reason: string;
        newDueAt: string;
      } } };
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          stepId: string;
          dueAt: string;
          requestedDueAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "supplyAtDesk": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        documents: ({
          name: string;
          ref: string;
        } | {
          documentId: string;
        })[];
        note?: string;
        steps?: string[];
      } } };
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          suppliedAt: string;
          stepId?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listFeedback": {
    parameters: { query?: { status?: "received" | "assigned" | "answered" | "merged"; late?: "true" | "false"; warning?: "true" | "false"; agency?: string; kind?: "rule" | "handling" | "question" | "suggestion"; channel?: "web" | "hotline" | "zalo" | "email" | "letter" | "in-person"; limit?: string; cursor?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            code: string;
            channel: "web" | "hotline" | "zalo" | "email" | "letter" | "in-person";
            kind: "rule" | "handling" | "question" | "suggestion";
            status: "received" | "assigned" | "answered" | "merged";
            receivedAt: string;
            dueAt: string;
            assignedTo?: string;
            excerpt: string;
            warning: boolean;
            late: boolean;
          }[];
          nextCursor?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "createFeedback": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        kind: "rule" | "handling" | "question" | "suggestion";
        text: string;
        name?: string;
        email?: string;
        phone?: string;
        dossierCode?: string;
        procedureCode?: string;
        agencyCode?: string;
        rule?: string;
        channel: "hotline" | "zalo" | "email" | "letter" | "in-person";
        assignTo?: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          dueAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getFeedback": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          channel: "web" | "hotline" | "zalo" | "email" | "letter" | "in-person";
          kind: "rule" | "handling" | "question" | "suggestion";
          status: "received" | "assigned" | "answered" | "merged";
          receivedAt: string;
          dueAt: string;
          assignedTo?: string;
          excerpt: string;
          warning: boolean;
          late: boolean;
          text: string;
          name?: string;
          email?: string;
          phone?: string;
          signedIn: boolean;
          dossierCode?: string;
          procedureCode?: string;
          agencyCode?: string;
          rule?: string;
          warnAt: string;
          assignments: {
            at: string;
            by: string;
            agency: string;
            reason?: string;
          }[];
          answer?: {
            text: string;
            at: string;
            by: string;
            agency?: string;
          };
          mergedInto?: string;
          merged: string[];
          published?: {
            at: string;
            by: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "answerFeedback": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        text: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          channel: "web" | "hotline" | "zalo" | "email" | "letter" | "in-person";
          kind: "rule" | "handling" | "question" | "suggestion";
          status: "received" | "assigned" | "answered" | "merged";
          receivedAt: string;
          dueAt: string;
          assignedTo?: string;
          excerpt: string;
          warning: boolean;
          late: boolean;
          text: string;
          name?: string;
          email?: string;
          phone?: string;
          signedIn: boolean;
          dossierCode?: string;
          procedureCode?: string;
          agencyCode?: string;
          rule?: string;
          warnAt: string;
          assignments: {
            at: string;
            by: string;
            agency: string;
            reason?: string;
          }[];
          answer?: {
            text: string;
            at: string;
            by: string;
            agency?: string;
          };
          mergedInto?: string;
          merged: string[];
          published?: {
            at: string;
            by: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "assignFeedback": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        agency: string;
        reason?: string;
        kind?: "rule" | "handling" | "question" | "suggestion";
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          channel: "web" | "hotline" | "zalo" | "email" | "letter" | "in-person";
          kind: "rule" | "handling" | "question" | "suggestion";
          status: "received" | "assigned" | "answered" | "merged";
          receivedAt: string;
          dueAt: string;
          assignedTo?: string;
          excerpt: string;
          warning: boolean;
          late: boolean;
          text: string;
          name?: string;
          email?: string;
          phone?: string;
          signedIn: boolean;
          dossierCode?: string;
          procedureCode?: string;
          agencyCode?: string;
          rule?: string;
          warnAt: string;
          assignments: {
            at: string;
            by: string;
            agency: string;
            reason?: string;
          }[];
          answer?: {
            text: string;
            at: string;
            by: string;
            agency?: string;
          };
          mergedInto?: string;
          merged: string[];
          published?: {
            at: string;
            by: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "mergeFeedback": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        into: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          channel: "web" | "hotline" | "zalo" | "email" | "letter" | "in-person";
          kind: "rule" | "handling" | "question" | "suggestion";
          status: "received" | "assigned" | "answered" | "merged";
          receivedAt: string;
          dueAt: string;
          assignedTo?: string;
          excerpt: string;
          warning: boolean;
          late: boolean;
          text: string;
          name?: string;
          email?: string;
          phone?: string;
          signedIn: boolean;
          dossierCode?: string;
          procedureCode?: string;
          agencyCode?: string;
          rule?: string;
          warnAt: string;
          assignments: {
            at: string;
            by: string;
            agency: string;
            reason?: string;
          }[];
          answer?: {
            text: string;
            at: string;
            by: string;
            agency?: string;
          };
          mergedInto?: string;
          merged: string[];
          published?: {
            at: string;
            by: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publishFeedback": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        question?: string;
        answer?: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          channel: "web" | "hotline" | "zalo" | "email" | "letter" | "in-person";
          kind: "rule" | "handling" | "question" | "suggestion";
          status: "received" | "assigned" | "answered" | "merged";
          receivedAt: string;
          dueAt: string;
          assignedTo?: string;
          excerpt: string;
          warning: boolean;
          late: boolean;
          text: string;
          name?: string;
          email?: string;
          phone?: string;
          signedIn: boolean;
          dossierCode?: string;
          procedureCode?: string;
          agencyCode?: string;
          rule?: string;
          warnAt: string;
          assignments: {
            at: string;
            by: string;
            agency: string;
            reason?: string;
          }[];
          answer?: {
            text: string;
            at: string;
            by: string;
            agency?: string;
          };
          mergedInto?: string;
          merged: string[];
          published?: {
            at: string;
            by: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "feedbackFigures": {
    parameters: { query: { from: string; to: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          from: string;
          to: string;
          total: number;
          late: number;
          rows: {
            by: "channel" | "kind" | "agency" | "month";
            key: string;
            received: number;
            answered: number;
            answeredOnTime: number;
            answeredLate: number;
            open: number;
            openLate: number;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "exportApplicant": {
    parameters: { query?: { email?: string; idNumber?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          query: {
            [key: string]: unknown;
          };
          exportedAt: string;
          dossiers: {
            [key: string]: unknown;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listFailedDossiers": {
    parameters: { query: { state: "failed" }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          state: "failed";
          dossiers: {
            dossierCode: string;
            status: number;
            execution: string;
            executionStatus: string;
            error?: string;
            stoppedAt?: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "resumeDossier": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          workflow: string;
        } } };
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          workflow: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listEmails": {
    parameters: { query: { state: "failed" | "bounced" | "complained" }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          state: "failed" | "bounced" | "complained";
          emails: {
            id: string;
            dossierCode: string;
            eventKey: string;
            event: string;
            state: string;
            at: string | null;
            error?: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "resendEmail": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          dossierCode: string;
          eventKey: string;
          state: "queued";
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listOverdue": {
    parameters: { query?: { quietDays?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          quietDays: number;
          dossiers: {
            dossierCode: string;
            status: number;
            procedure: string;
            holding: string[];
            appointmentAt: string | null;
            lastActivityAt: string;
            quietDays: number;
          }[];
          lapsedChecks: {
            dossierCode: string;
            procedure: string;
            desk: string;
            checkDueAt: string;
            workingHoursLate: number;
            warnedAt: string | null;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listSync": {
    parameters: { query?: { state?: "pending" | "parked" }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          state: "pending" | "parked";
          events: {
            id: string;
            code: string;
            seq: number;
            kind: string;
            at: string;
            status: number;
            state: "pending" | "parked";
            attempts: number;
            nextAt?: string;
            error?: string;
            recordedAt: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "retrySync": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          code: string;
          seq: number;
          state: "pending";
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "backfillSync": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        from?: string;
        to?: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          scope: "open" | "period";
          dossiers: number;
          recorded: number;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getSyncReconciliation": {
    parameters: { query: { date: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          date: string;
          at: string;
          checked: number;
          differences: {
            code: string;
            maHoSo: string;
            kind: "missing" | "status" | "appointment";
            ours?: string | number;
            theirs?: string | number;
          }[];
          errors: {
            code: string;
            error: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "runSyncReconciliation": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          date: string;
          at: string;
          checked: number;
          differences: {
            code: string;
            maHoSo: string;
            kind: "missing" | "status" | "appointment";
            ours?: string | number;
            theirs?: string | number;
          }[];
          errors: {
            code: string;
            error: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getSyncStatus": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          connected: boolean;
          pending: number;
          parked: number;
          lastSentAt?: string;
          reconciliation?: {
            date: string;
            at: string;
            checked: number;
            differences: {
              code: string;
              maHoSo: string;
              kind: "missing" | "status" | "appointment";
              ours?: string | number;
              theirs?: string | number;
            }[];
            errors: {
              code: string;
              error: string;
            }[];
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listPayments": {
    parameters: { query: { from: string; to: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          from: string;
          to: string;
          payments: {
            paymentId: string;
            dossierCode: string;
            procedureCode: string;
            unit: string;
            method: "online" | "cash" | "card";
            total: number;
            paidAt: string;
            receipt: {
              invoiceTemplateNo: string;
              invoiceIssueNo: string;
              invoiceNo: string;
            };
            reconcile?: string;
          }[];
          total: number;
          byDay: {
            [key: string]: {
              count: number;
              total: number;
            } | undefined;
          };
          byMethod: {
            [key: string]: {
              count: number;
              total: number;
            } | undefined;
          };
          byProcedure: {
            [key: string]: {
              count: number;
              total: number;
            } | undefined;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "paymentReceiptPdf": {
    parameters: { query?: never; header?: never; path: { paymentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          filename: string;
          mediaType: "application/pdf";
          base64: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "refundPayment": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { paymentId: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        reason: string;
        amount?: number;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          refundId: string;
          paymentId: string;
          dossierCode: string;
          method: "online" | "cash" | "card";
          amount: number;
          ground: "not-owed" | "paid-twice" | "refused" | "withdrawn";
          state: "requested" | "refunded" | "failed";
          requestedAt: string;
          refundedAt?: string;
        } } };
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          refundId: string;
          paymentId: string;
          dossierCode: string;
          method: "online" | "cash" | "card";
          amount: number;
          ground: "not-owed" | "paid-twice" | "refused" | "withdrawn";
          state: "requested" | "refunded" | "failed";
          requestedAt: string;
          refundedAt?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      502: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "paymentsReconciliation": {
    parameters: { query: { date: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          date: string;
          platform: {
            count: number;
            total: number;
          };
          hub: {
            count: number;
            total: number;
          };
          refunds: {
            platform: {
              count: number;
              total: number;
            };
            hub: {
              count: number;
              total: number;
            };
          };
          counter: {
            paid: {
              count: number;
              total: number;
            };
            refunded: {
              count: number;
              total: number;
            };
            net: number;
          };
          net: {
            hub: number;
            online: number;
            counter: number;
            total: number;
          };
          balanced: boolean;
          mismatches: {
            paymentId: string;
            refundId?: string;
            kind: "hub-only" | "platform-only" | "amount-differs" | "flagged" | "refund-hub-only" | "refund-platform-only" | "refund-amount-differs";
            platformAmount?: number;
            hubAmount?: number;
            note?: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      502: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "listProcedures": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          procedures: {
            code: string;
            version: number;
            effectiveFrom: string;
            name: {
              vi: string;
              en: string;
            };
            field: {
              vi: string;
              en: string;
            };
            legalHours: number;
            routeHours: number;
            receivingAgency: string;
            stages: {
              stage: number;
              steps: {
                stepId: string;
                agency: string;
                name: {
                  vi: string;
                  en: string;
                };
                budgetHours: number;
              }[];
            }[];
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "putProcedure": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        effectiveFrom: string;
        name: {
          vi: string;
          en: string;
        };
        field: {
          vi: string;
          en: string;
        };
        legalHours: number;
        receivingAgency: string;
        stages: {
          steps: {
            stepId: string;
            agency: string;
            name: {
              vi: string;
              en: string;
            };
            budgetHours: number;
          }[];
        }[];
        retentionYears?: number;
        online?: {
          level: "none" | "partly" | "fully";
          form: {
            name: string;
            label: {
              vi: string;
              en: string;
            };
            type: "text" | "textarea" | "date" | "number" | "email" | "tel" | "select" | "checkbox";
            required?: boolean;
            pattern?: string;
            patternHint?: {
              vi: string;
              en: string;
            };
            help?: {
              vi: string;
              en: string;
            };
            options?: {
              value: string;
              label: {
                vi: string;
                en: string;
              };
            }[];
            maxLength?: number;
            prefill?: "name" | "identityNumber" | "email" | "phone" | "address";
          }[];
          documents: {
            id: string;
            name: {
              vi: string;
              en: string;
            };
            required: boolean;
            eCopy: boolean;
            reusable: boolean;
          }[];
        };
        fees?: {
          code: string;
          kind: "phi" | "le-phi";
          name: {
            vi: string;
            en: string;
          };
          amount?: number;
          amountBy?: {
            field: string;
            values: {
              [key: string]: number | undefined;
            };
          };
        }[];
        feesDue?: "submission" | "before-return";
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          version: number;
          effectiveFrom: string;
          name: {
            vi: string;
            en: string;
          };
          routeHours: number;
          [key: string]: unknown;
        } } };
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          version: number;
          effectiveFrom: string;
          name: {
            vi: string;
            en: string;
          };
          routeHours: number;
          [key: string]: unknown;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "createApplication": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        procedureCode: string;
        desk?: string;
        answers?: {
          [key: string]: string | number | boolean | undefined;
        };
        documents?: {
          requirement: string;
          documentId: string;
        }[];
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          status: "draft" | "submitted";
          procedureCode: string;
          version: number;
          desk: string;
          answers: {
            [key: string]: string | number | boolean | undefined;
          };
          documents: {
            requirement: string;
            documentId: string;
            name?: string;
            contentType?: string;
            size?: number;
          }[];
          updatedAt: string;
          code?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getApplication": {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          status: "draft" | "submitted";
          procedureCode: string;
          version: number;
          desk: string;
          answers: {
            [key: string]: string | number | boolean | undefined;
          };
          documents: {
            requirement: string;
            documentId: string;
            name?: string;
            contentType?: string;
            size?: number;
          }[];
          updatedAt: string;
          code?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "updateApplication": {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        desk?: string;
        answers: {
          [key: string]: string | number | boolean | undefined;
        };
        documents?: {
          requirement: string;
          documentId: string;
        }[];
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          status: "draft" | "submitted";
          procedureCode: string;
          version: number;
          desk: string;
          answers: {
            [key: string]: string | number | boolean | undefined;
          };
          documents: {
            requirement: string;
            documentId: string;
            name?: string;
            contentType?: string;
            size?: number;
          }[];
          updatedAt: string;
          code?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "uploadApplicationDocument": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { id: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        name: string;
        contentType: "application/pdf" | "image/jpeg" | "image/png";
        size: number;
        sha256: string;
        purpose?: "dossier" | "result";
        requirement: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          upload: {
            url: string;
            fields: {
              [key: string]: string | undefined;
            };
          };
          expiresAt: string;
          maxBytes: number;
          complete?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "completeApplicationDocument": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { id: string; documentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          status: "draft" | "submitted";
          procedureCode: string;
          version: number;
          desk: string;
          answers: {
            [key: string]: string | number | boolean | undefined;
          };
          documents: {
            requirement: string;
            documentId: string;
            name?: string;
            contentType?: string;
            size?: number;
          }[];
          updatedAt: string;
          code?: string;
        } } };
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: string;
          status: "draft" | "submitted";
          procedureCode: string;
          version: number;
          desk: string;
          answers: {
            [key: string]: string | number | boolean | undefined;
          };
          documents: {
            requirement: string;
            documentId: string;
            name?: string;
            contentType?: string;
            size?: number;
          }[];
          updatedAt: string;
          code?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "submitApplication": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          status: 1;
          submittedAt: string;
          checkDueAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicCentre": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          name: {
            vi: string;
            en: string;
          };
          address: {
            vi: string;
            en: string;
          };
          openingHours: {
            vi: string;
            en: string;
          };
          hotline: string;
          portalUrl: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicLookup": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string }; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          status: number;
          statusText: {
            vi: string;
            en: string;
          };
          procedure: {
            code: string;
            name: {
              vi: string;
              en: string;
            };
          };
          receivedAt: string;
          appointmentAt: string;
          collection: {
            from: string;
            until: string;
          } | null;
          history: {
            at: string;
            event: string;
            text: {
              vi: string;
              en: string;
            };
          }[];
          supplement: {
            requestedAt: string;
            agency: {
              vi: string;
              en: string;
            };
            missing: string[];
            reason: string;
          } | null;
          stop: {
            kind: "refused" | "withdrawn";
            at: string;
            reason: string;
          } | null;
          returnedAt: string | null;
          canWithdraw: boolean;
          canRate: boolean;
          rating: {
            score: number;
            at: string;
          } | null;
          documents: {
            documentId: string;
            name: string;
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            size: number;
            sha256: string;
            purpose: "dossier" | "result";
            stage: "intake" | "supplement" | "processing" | "result";
            round?: string;
            uploadedAt: string;
            recordedAt: string;
            deletedAt?: string;
          }[];
          desk?: {
            name: {
              vi: string;
              en: string;
            };
            address: {
              vi: string;
              en: string;
            };
            openingHours: {
              vi: string;
              en: string;
            };
            hotline: string;
          };
          fees?: {
            due: "submission" | "before-return";
            lines: {
              code: string;
              kind: "phi" | "le-phi";
              name: {
                vi: string;
                en: string;
              };
              amount: number;
            }[];
            total: number;
            paid: boolean;
            paidAt?: string;
            refunded?: number;
            receipt?: {
              paymentId: string;
              invoiceTemplateNo: string;
              invoiceIssueNo: string;
              invoiceNo: string;
              method: "online" | "cash" | "card";
              total: number;
            };
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicUploadDocument": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string; "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        name: string;
        contentType: "application/pdf" | "image/jpeg" | "image/png";
        size: number;
        sha256: string;
        purpose?: "dossier" | "result";
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          upload: {
            url: string;
            fields: {
              [key: string]: string | undefined;
            };
          };
          expiresAt: string;
          maxBytes: number;
          complete?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicGetDocument": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string }; path: { code: string; documentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          url: string;
          expiresAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      410: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      423: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicCompleteDocument": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string; "Idempotency-Key"?: string }; path: { code: string; documentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          name: string;
          contentType: "application/pdf" | "image/jpeg" | "image/png";
          size: number;
          sha256: string;
          purpose: "dossier" | "result";
          stage: "intake" | "supplement" | "processing" | "result";
          round?: string;
          uploadedBy: string;
          uploaderKind: "desk" | "agency" | "citizen";
          agency?: string;
          uploadedAt: string;
          recordedAt: string;
          deletedAt?: string;
        } } };
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          name: string;
          contentType: "application/pdf" | "image/jpeg" | "image/png";
          size: number;
          sha256: string;
          purpose: "dossier" | "result";
          stage: "intake" | "supplement" | "processing" | "result";
          round?: string;
          uploadedBy: string;
          uploaderKind: "desk" | "agency" | "citizen";
          agency?: string;
          uploadedAt: string;
          recordedAt: string;
          deletedAt?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicEvaluationForm": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string }; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          criteria: {
            id: string;
            label: {
              vi: string;
              en: string;
            };
            max: number;
            scale: {
              vi: string;
              en: string;
            }[];
          }[];
          source: string;
          given: boolean;
          canEvaluate: boolean;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicEvaluate": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string; "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        answers: {
          [key: string]: number | undefined;
        };
        comment?: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          officers: number;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicPay": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string; "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': Record<string, never> } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          paymentId: string;
          dossierCode: string;
          total: number;
          currency: "VND";
          payUrl: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      502: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicReceiptPdf": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string }; path: { code: string; paymentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          filename: string;
          mediaType: "application/pdf";
          base64: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicPinReminder": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        confirmation?: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          confirmed: true;
          message: {
            vi: string;
            en: string;
          };
        } } };
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          message: {
            vi: string;
            en: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicRating": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string; "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        score: number;
        comment?: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          score: number;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicSupplement": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string; "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        documents: ({
          name: string;
          ref: string;
        } | {
          documentId: string;
        })[];
        note?: string;
        steps?: string[];
      } } };
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          suppliedAt: string;
          stepId?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicWithdraw": {
    parameters: { query?: never; header: { "X-Lookup-Pin": string; "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        reason?: string;
      } } };
    responses: {
      202: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          status: 7;
          withdrawnAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicSearchFeedback": {
    parameters: { query?: { q?: string; limit?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            code: string;
            kind: "rule" | "handling" | "question" | "suggestion";
            question: string;
            answer: string;
            agency?: {
              vi: string;
              en: string;
            };
            answeredAt: string;
            publishedAt: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicSendFeedback": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        kind: "rule" | "handling" | "question" | "suggestion";
        text: string;
        name?: string;
        email?: string;
        phone?: string;
        dossierCode?: string;
        procedureCode?: string;
        agencyCode?: string;
        rule?: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          dueAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicMe": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          citizen: {
            identityNumber: string;
            name: string;
            email?: string;
            phone?: string;
            address?: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicMyDossiers": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossiers: {
            code: string;
            procedure: {
              code: string;
              name: {
                vi: string;
                en: string;
              };
            };
            status: number;
            statusText: {
              vi: string;
              en: string;
            };
            channel: "counter" | "online" | "post";
            receivedAt: string | null;
            appointmentAt: string | null;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicMyDossier": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          status: number;
          statusText: {
            vi: string;
            en: string;
          };
          procedure: {
            code: string;
            name: {
              vi: string;
              en: string;
            };
          };
          receivedAt: string | null;
          appointmentAt: string | null;
          collection: {
            from: string;
            until: string;
          } | null;
          history: {
            at: string;
            event: string;
            text: {
              vi: string;
              en: string;
            };
          }[];
          supplement: {
            requestedAt: string;
            agency: {
              vi: string;
              en: string;
            };
            missing: string[];
            reason: string;
          } | null;
          stop: {
            kind: "refused" | "withdrawn";
            at: string;
            reason: string;
          } | null;
          returnedAt: string | null;
          canWithdraw: boolean;
          canRate: boolean;
          rating: {
            score: number;
            at: string;
          } | null;
          documents: {
            documentId: string;
            name: string;
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            size: number;
            sha256: string;
            purpose: "dossier" | "result";
            stage: "intake" | "supplement" | "processing" | "result";
            round?: string;
            uploadedAt: string;
            recordedAt: string;
            deletedAt?: string;
          }[];
          desk?: {
            name: {
              vi: string;
              en: string;
            };
            address: {
              vi: string;
              en: string;
            };
            openingHours: {
              vi: string;
              en: string;
            };
            hotline: string;
          };
          fees?: {
            due: "submission" | "before-return";
            lines: {
              code: string;
              kind: "phi" | "le-phi";
              name: {
                vi: string;
                en: string;
              };
              amount: number;
            }[];
            total: number;
            paid: boolean;
            paidAt?: string;
            refunded?: number;
            receipt?: {
              paymentId: string;
              invoiceTemplateNo: string;
              invoiceIssueNo: string;
              invoiceNo: string;
              method: "online" | "cash" | "card";
              total: number;
            };
          };
          online: {
            level: "partly" | "fully";
            applicationId: string;
            submittedAt: string;
            checkDueAt: string | null;
            completion: {
              askedAt: string;
              missing: string[];
              reason: string;
            } | null;
            check: {
              outcome: "receive" | "refuse";
              at: string;
              reason?: string;
            } | null;
          } | null;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "completeOnlineDossier": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        answers?: {
          [key: string]: string | number | boolean | undefined;
        };
        documents?: {
          requirement: string;
          documentId: string;
        }[];
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          status: number;
          completedAt: string;
          checkDueAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicMyEvaluationForm": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          criteria: {
            id: string;
            label: {
              vi: string;
              en: string;
            };
            max: number;
            scale: {
              vi: string;
              en: string;
            }[];
          }[];
          source: string;
          given: boolean;
          canEvaluate: boolean;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicMyEvaluate": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': {
        answers: {
          [key: string]: number | undefined;
        };
        comment?: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          dossierCode: string;
          officers: number;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicMyPay": {
    parameters: { query?: never; header?: { "Idempotency-Key"?: string }; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': Record<string, never> } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          paymentId: string;
          dossierCode: string;
          total: number;
          currency: "VND";
          payUrl: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicMyReceiptPdf": {
    parameters: { query?: never; header?: never; path: { code: string; paymentId: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          filename: string;
          mediaType: "application/pdf";
          base64: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicGetResult": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          documentId: string;
          url: string;
          expiresAt: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      409: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      410: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      423: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "pushNationalPortalDossier": {
    parameters: { query?: never; header: { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string }; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        MaHoSo: string;
        MaTTHC: string;
        MaDonVi: string;
        NgayNopHoSo: string;
        ChuHoSo: {
          HoVaTen: string;
          SoDinhDanh: string;
          ThuDienTu?: string;
          SoDienThoai?: string;
          DiaChi?: string;
        };
        TruongThongTin?: {
          [key: string]: string | number | boolean | undefined;
        };
        TaiLieuNop?: {
          TepDinhKemId: string;
          TenTepDinhKem: string;
        }[];
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          MaHoSo: string;
          status: number;
          submittedAt: string;
          checkDueAt: string;
          duplicate: boolean;
        } } };
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          MaHoSo: string;
          status: number;
          submittedAt: string;
          checkDueAt: string;
          duplicate: boolean;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "confirmPayment": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        paymentId: string;
        dossierCode: string;
        amount: number;
        currency: string;
        status: "paid" | "cancelled" | "failed";
        hubRef: string;
        paidAt: string;
        signature: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          paymentId: string;
          outcome: "recorded" | "duplicate" | "cancelled" | "failed";
          reconcile?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "confirmRefund": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        refundId: string;
        paymentId: string;
        amount: number;
        currency: string;
        status: "refunded" | "failed";
        hubRef: string;
        refundedAt: string;
        signature: string;
      } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          refundId: string;
          outcome: "refunded" | "duplicate" | "failed";
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      422: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicProcedures": {
    parameters: { query?: { q?: string; field?: string; level?: "none" | "partly" | "fully" }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            code: string;
            version: number;
            name: {
              vi: string;
              en: string;
            };
            field: {
              vi: string;
              en: string;
            };
            legalHours: number;
            level: "none" | "partly" | "fully";
            receivingAgency: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicProcedure": {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          code: string;
          version: number;
          name: {
            vi: string;
            en: string;
          };
          field: {
            vi: string;
            en: string;
          };
          legalHours: number;
          level: "none" | "partly" | "fully";
          receivingAgency: string;
          effectiveFrom: string;
          online: {
            level: "none" | "partly" | "fully";
            form: {
              name: string;
              label: {
                vi: string;
                en: string;
              };
              type: "text" | "textarea" | "date" | "number" | "email" | "tel" | "select" | "checkbox";
              required?: boolean;
              pattern?: string;
              patternHint?: {
                vi: string;
                en: string;
              };
              help?: {
                vi: string;
                en: string;
              };
              options?: {
                value: string;
                label: {
                  vi: string;
                  en: string;
                };
              }[];
              maxLength?: number;
              prefill?: "name" | "identityNumber" | "email" | "phone" | "address";
            }[];
            documents: {
              id: string;
              name: {
                vi: string;
                en: string;
              };
              required: boolean;
              eCopy: boolean;
              reusable: boolean;
            }[];
          };
          desks: {
            code: string;
            main: boolean;
            name: {
              vi: string;
              en: string;
            };
            address: {
              vi: string;
              en: string;
            };
            openingHours: {
              vi: string;
              en: string;
            };
            hotline: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicSignIn": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': {
        code: string;
        codeVerifier: string;
        redirectUri: string;
        nonce: string;
      } } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": {
          token: string;
          expiresAt: string;
          citizen: {
            identityNumber: string;
            name: string;
            email?: string;
            phone?: string;
            address?: string;
          };
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      404: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "publicSignOut": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          signedOut: true;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      429: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getPanel766": {
    parameters: { query: { from: string; to: string; branch?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          from: string;
          to: string;
          decision: string;
          components: {
            id: string;
            group: "transparency" | "progress" | "digitisation" | "online" | "satisfaction";
            name: {
              vi: string;
              en: string;
            };
            value: number | null;
            numerator: number;
            denominator: number;
            how: string;
            dossiers: {
              numerator: string[];
              denominator: string[];
            };
          }[];
          notComputed: {
            group: "transparency" | "progress" | "digitisation" | "online" | "satisfaction";
            name: {
              vi: string;
              en: string;
            };
            why: string;
          }[];
          skipped: {
            code: string;
            reason: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getOfficerFigures": {
    parameters: { query: { from: string; to: string; officer?: string; agency?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          from: string;
          to: string;
          scope: "own" | "agency" | "all";
          officers: {
            key: string;
            handled: {
              count: number;
              dossiers: string[];
            };
            onTime: {
              count: number;
              dossiers: string[];
            };
            late: {
              count: number;
              steps: {
                code: string;
                stepId: string;
                agency: string;
                officer: string | null;
                decided: boolean;
              }[];
            };
            evaluations: {
              count: number;
              dossiers: string[];
              criteria: {
                id: string;
                label: {
                  vi: string;
                  en: string;
                };
                max: number;
                count: number;
                mean: number | null;
                top: number;
              }[];
              comments: string[];
            };
          }[];
          agencies: {
            key: string;
            handled: {
              count: number;
              dossiers: string[];
            };
            onTime: {
              count: number;
              dossiers: string[];
            };
            late: {
              count: number;
              steps: {
                code: string;
                stepId: string;
                agency: string;
                officer: string | null;
                decided: boolean;
              }[];
            };
            evaluations: {
              count: number;
              dossiers: string[];
              criteria: {
                id: string;
                label: {
                  vi: string;
                  en: string;
                };
                max: number;
                count: number;
                mean: number | null;
                top: number;
              }[];
              comments: string[];
            };
          }[];
          skipped: {
            code: string;
            reason: string;
          }[];
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getPeriodicReport": {
    parameters: { query: { period: string; format?: "json" | "xlsx" | "csv"; branch?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          period: string;
          from: string;
          to: string;
          carriedOverSince: string;
          byBranch: {
            key: string;
            newReception: number;
            preExisting: number;
            totalSolved: number;
            solvedInTime: number;
            solvedLate: number;
            withdrawn: number;
            refused: number;
            pending: number;
            pendingLate: number;
            dossiers: {
              [key: string]: string[] | undefined;
            };
          }[];
          byAgency: {
            key: string;
            newReception: number;
            preExisting: number;
            totalSolved: number;
            solvedInTime: number;
            solvedLate: number;
            withdrawn: number;
            refused: number;
            pending: number;
            pendingLate: number;
            dossiers: {
              [key: string]: string[] | undefined;
            };
          }[];
          byProcedure: {
            key: string;
            newReception: number;
            preExisting: number;
            totalSolved: number;
            solvedInTime: number;
            solvedLate: number;
            withdrawn: number;
            refused: number;
            pending: number;
            pendingLate: number;
            dossiers: {
              [key: string]: string[] | undefined;
            };
          }[];
          total: {
            key: string;
            newReception: number;
            preExisting: number;
            totalSolved: number;
            solvedInTime: number;
            solvedLate: number;
            withdrawn: number;
            refused: number;
            pending: number;
            pendingLate: number;
            dossiers: {
              [key: string]: string[] | undefined;
            };
          };
          dailyIntake: {
            date: string;
            desk: string;
            received: number;
            dossiers: string[];
          }[];
          lateDossiers: {
            code: string;
            fate: string;
            steps: {
              code: string;
              stepId: string;
              agency: string;
              officer: string | null;
              decided: boolean;
            }[];
          }[];
          skipped: {
            code: string;
            reason: string;
          }[];
        } | {
          filename: string;
          mediaType: string;
          base64: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getTimelinessReport": {
    parameters: { query: { from: string; to: string; by?: "agency" | "procedure"; branch?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          from: string;
          to: string;
          by: "agency" | "procedure";
          skipped: {
            code: string;
            reason: string;
          }[];
          [key: string]: unknown;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
  "getTimelinessDossiers": {
    parameters: { query: { from: string; to: string; by?: "agency" | "procedure"; key: string; measure: "steps" | "early" | "onTime" | "late" | "pending" | "stopped" | "apologies" | "supplements" | "refusals" | "received" | "returned" | "returnedOnTime" | "dossierLate" | "withdrawn" | "dossierStopped" | "rated"; branch?: string; cursor?: string; limit?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": {
          from: string;
          to: string;
          by: string;
          key: string;
          measure: string;
          count: number;
          dossiers: string[];
          next?: string;
        } } };
      400: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      401: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      403: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      500: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
      503: { headers: { [name: string]: unknown }; content: { "application/problem+json": components['schemas']["Problem"] } };
    };
  };
}

export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      detail?: string;
      instance?: string;
      errors?: {
        field: string;
        code?: string;
        label?: string;
        message: string;
      }[];
    };
  };
}

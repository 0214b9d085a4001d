import type { RouteSpec } from './registry';

/**
 * Routes not yet declared as route modules (functions/<name>/route.ts), as plain data: functions/commons/api.ts reads it
 * without importing the registry, so a legacy handler's bundle does not carry the route modules
 * (their handlers, and the AWS calls they make: test/infra/iam-calls.test.ts).
 */
export const legacyRoutes: RouteSpec[] = [
  { method: 'POST', path: '/dossiers', function: 'create-dossier', roles: ['desk'] },
  { method: 'GET', path: '/dossiers/{code}', function: 'get-dossier', roles: ['desk', 'operator', 'agency'], scopes: ['motcua/dossiers.read'] },
  {
    method: 'POST',
    path: '/dossiers/{code}/steps/{stepId}/delay',
    function: 'report-delay',
    roles: ['agency'],
    scopes: ['motcua/steps.decide'],
  },
  { method: 'POST', path: '/dossiers/{code}/supplement', function: 'supply-documents', roles: ['desk'] },
  { method: 'GET', path: '/agencies/{agencyCode}/tasks', function: 'list-agency-tasks', roles: ['agency', 'desk'], scopes: ['motcua/tasks.read'] },
  { method: 'GET', path: '/dossiers/{code}/control-sheet', function: 'get-control-sheet', roles: ['desk', 'operator', 'agency'], scopes: ['motcua/dossiers.read'] },
  { method: 'GET', path: '/agencies/{agencyCode}/logbook', function: 'get-logbook', roles: ['agency', 'desk', 'operator'], scopes: ['motcua/tasks.read'] },
  { method: 'GET', path: '/reports/timeliness', function: 'get-timeliness-report', roles: ['operator'] },
  { method: 'POST', path: '/ops/dossiers/{code}/resume', function: 'resume-dossier', roles: ['operator'] },
  { method: 'GET', path: '/ops/dossiers', function: 'list-dossiers', roles: ['operator'] },
  { method: 'GET', path: '/ops/applicants/export', function: 'export-applicant', roles: ['operator'] },
  { method: 'GET', path: '/public/dossiers/{code}', function: 'public-lookup', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/supplement', function: 'public-supplement', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/rating', function: 'public-rating', roles: ['public'] },
  { method: 'GET', path: '/public/centre', function: 'public-centre', roles: ['public'] },
  { method: 'PUT', path: '/procedures/{code}', function: 'put-procedure', roles: ['operator'] },
  { method: 'GET', path: '/calendars/{year}', function: 'get-calendar', roles: ['operator', 'desk', 'agency'] },
  { method: 'PUT', path: '/calendars/{year}', function: 'put-calendar', roles: ['operator'] },
  { method: 'GET', path: '/agencies', function: 'list-agencies', roles: ['authenticated'] },
  { method: 'PUT', path: '/agencies/{code}', function: 'put-agency', roles: ['operator'] },
  { method: 'POST', path: '/ops/emails/{id}/resend', function: 'resend-email', roles: ['operator'] },
  { method: 'GET', path: '/agencies/{agencyCode}/contacts', function: 'list-contacts', roles: ['desk'] },
  { method: 'GET', path: '/ops/emails', function: 'list-emails', roles: ['operator'] },
  { method: 'GET', path: '/reports/timeliness/dossiers', function: 'get-timeliness-dossiers', roles: ['operator'] },
  { method: 'GET', path: '/ops/overdue', function: 'list-overdue', roles: ['operator'] },
  { method: 'GET', path: '/dossiers', function: 'search-dossiers', roles: ['desk', 'operator'] },
  { method: 'POST', path: '/documents/drafts', function: 'draft-document', roles: ['desk'] },
  { method: 'POST', path: '/dossiers/{code}/documents', function: 'upload-document', roles: ['desk', 'agency'] },
  { method: 'POST', path: '/dossiers/{code}/documents/{documentId}/complete', function: 'complete-document', roles: ['desk', 'agency'] },
  { method: 'GET', path: '/dossiers/{code}/documents/{documentId}', function: 'get-document', roles: ['desk', 'operator', 'agency'] },
  { method: 'POST', path: '/public/dossiers/{code}/documents', function: 'public-upload-document', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/documents/{documentId}/complete', function: 'public-complete-document', roles: ['public'] },
  { method: 'GET', path: '/public/dossiers/{code}/documents/{documentId}', function: 'public-get-document', roles: ['public'] },
  { method: 'POST', path: '/dossiers/{code}/pin', function: 'reissue-pin', roles: ['desk'] },
  { method: 'POST', path: '/public/dossiers/{code}/pin-reminder', function: 'public-pin-reminder', roles: ['public'] },
];

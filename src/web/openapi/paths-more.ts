import { STATUSPAGE_PATHS } from '../routes/statuspage.ts';
import { jsonResponse } from './schemas-common.ts';

/** Public operations need no credentials (the document's default is the admin bearer token). */
const PUBLIC = { security: [] } as const;
const lang = { name: 'lang', in: 'query', required: false, description: 'Language of the text (Polish by default; Accept-Language is read too).', schema: { type: 'string', enum: ['pl', 'en'] } };
const body = (description: string, type: string): object => ({ description, content: { [type]: { schema: { type: 'string' } } } });
const error = (description: string): object => jsonResponse(description, 'Error');
const id = (name: string): object => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const json = (schema: string): object => ({ required: true, content: { 'application/json': { schema: { type: 'object', description: `See the ${schema} input rules in docs/operators.md.` } } } });
const ADMIN_ERRORS = {
  400: error('VALIDATION_FAILED: every bad field listed.'),
  401: error('UNAUTHORIZED: no or an unknown bearer token.'),
  403: error('FORBIDDEN: a viewer token tried to write.'),
  429: error('RATE_LIMITED.'),
};

const SP_BODIES: Record<(typeof STATUSPAGE_PATHS)[number], object> = {
  'summary.json': { type: 'object', required: ['page', 'components', 'incidents', 'scheduled_maintenances', 'status'], properties: { page: { $ref: '#/components/schemas/SpPage' }, components: { type: 'array', items: { $ref: '#/components/schemas/SpComponent' } }, incidents: { type: 'array', items: { $ref: '#/components/schemas/SpIncident' } }, scheduled_maintenances: { type: 'array', items: { $ref: '#/components/schemas/SpMaintenance' } }, status: { $ref: '#/components/schemas/SpStatus' } } },
  'status.json': { type: 'object', required: ['page', 'status'], properties: { page: { $ref: '#/components/schemas/SpPage' }, status: { $ref: '#/components/schemas/SpStatus' } } },
  'components.json': { type: 'object', required: ['page', 'components'], properties: { page: { $ref: '#/components/schemas/SpPage' }, components: { type: 'array', items: { $ref: '#/components/schemas/SpComponent' } } } },
  'incidents.json': { type: 'object', required: ['page', 'incidents'], properties: { page: { $ref: '#/components/schemas/SpPage' }, incidents: { type: 'array', items: { $ref: '#/components/schemas/SpIncident' } } } },
  'incidents/unresolved.json': { type: 'object', required: ['page', 'incidents'], properties: { page: { $ref: '#/components/schemas/SpPage' }, incidents: { type: 'array', items: { $ref: '#/components/schemas/SpIncident' } } } },
  'scheduled-maintenances.json': { type: 'object', required: ['page', 'scheduled_maintenances'], properties: { page: { $ref: '#/components/schemas/SpPage' }, scheduled_maintenances: { type: 'array', items: { $ref: '#/components/schemas/SpMaintenance' } } } },
  'scheduled-maintenances/upcoming.json': { type: 'object', required: ['page', 'scheduled_maintenances'], properties: { page: { $ref: '#/components/schemas/SpPage' }, scheduled_maintenances: { type: 'array', items: { $ref: '#/components/schemas/SpMaintenance' } } } },
  'scheduled-maintenances/active.json': { type: 'object', required: ['page', 'scheduled_maintenances'], properties: { page: { $ref: '#/components/schemas/SpPage' }, scheduled_maintenances: { type: 'array', items: { $ref: '#/components/schemas/SpMaintenance' } } } },
};

const statuspagePaths = Object.fromEntries(
  STATUSPAGE_PATHS.map((p) => [
    `/api/v2/${p}`,
    { get: { ...PUBLIC, operationId: `statuspage_${p.replace(/\.json$/, '').replace(/[^A-Za-z0-9]+/g, '_')}`, tags: ['statuspage'], summary: `Statuspage v2-compatible ${p}`, parameters: [lang], responses: { 200: { description: 'Statuspage v2 field names and enums.', content: { 'application/json': { schema: SP_BODIES[p] } } }, 406: body('No acceptable content coding.', 'text/plain') } } },
  ]),
);

/** Every public path beyond status, triage and profile expiry. */
export const publicPaths = {
  '/api/v1/maintenance': { get: { ...PUBLIC, operationId: 'getMaintenance', tags: ['public'], summary: 'Active, upcoming and past maintenance and outage windows', responses: { 200: jsonResponse('The windows.', 'MaintenanceResponse') } } },
  '/maintenance.ics': { get: { ...PUBLIC, operationId: 'getMaintenanceCalendar', tags: ['public'], summary: 'Active and upcoming windows as an iCalendar feed (UTC times)', responses: { 200: body('RFC 5545 calendar.', 'text/calendar') } } },
  '/feed.rss': { get: { ...PUBLIC, operationId: 'getFeedRss', tags: ['feeds'], summary: 'RSS 2.0 feed of incidents and windows', parameters: [lang], responses: { 200: body('RSS 2.0.', 'application/rss+xml'), 406: body('No acceptable content coding.', 'text/plain') } } },
  '/feed.atom': { get: { ...PUBLIC, operationId: 'getFeedAtom', tags: ['feeds'], summary: 'Atom feed of incidents and windows', parameters: [lang], responses: { 200: body('Atom (RFC 4287).', 'application/atom+xml'), 406: body('No acceptable content coding.', 'text/plain') } } },
  '/feed.json': { get: { ...PUBLIC, operationId: 'getFeedJson', tags: ['feeds'], summary: 'JSON Feed 1 of incidents and windows', parameters: [lang], responses: { 200: body('JSON Feed 1.', 'application/feed+json'), 406: body('No acceptable content coding.', 'text/plain') } } },
  '/badge/{component}.svg': { get: { ...PUBLIC, operationId: 'getBadge', tags: ['public'], summary: 'A status badge for one component', parameters: [id('component'), lang], responses: { 200: body('SVG badge.', 'image/svg+xml'), 404: error('UNKNOWN_COMPONENT: no such component.') } } },
  '/healthz': { get: { ...PUBLIC, operationId: 'liveness', tags: ['operations'], summary: 'Liveness: the process answers', responses: { 200: jsonResponse('Alive.', 'Health') } } },
  '/readyz': { get: { ...PUBLIC, operationId: 'readiness', tags: ['operations'], summary: 'Readiness: the store answers', responses: { 200: jsonResponse('Ready.', 'Health'), 503: error('STORE_UNAVAILABLE.') } } },
  '/metrics': { get: { ...PUBLIC, operationId: 'metrics', tags: ['operations'], summary: 'Prometheus metrics', responses: { 200: body('Prometheus text exposition format 0.0.4.', 'text/plain') } } },
  '/api/v1/events': { get: { ...PUBLIC, operationId: 'events', tags: ['public'], summary: 'Server-sent events: a `status` event whenever the status changes', responses: { 200: body('An event stream (never ends on its own).', 'text/event-stream'), 429: error('RATE_LIMITED: too many streams from this address.') } } },
  '/api/openapi.json': { get: { ...PUBLIC, operationId: 'openApi', tags: ['operations'], summary: 'This OpenAPI document', responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'paths'] } } } } } } },
  '/': { get: { ...PUBLIC, operationId: 'statusPage', tags: ['public'], summary: 'The status page (Polish; ?lang=en for English)', parameters: [lang], responses: { 200: body('HTML page.', 'text/html'), 406: body('No acceptable content coding.', 'text/plain') } } },
  '/fragment': { get: { ...PUBLIC, operationId: 'statusFragment', tags: ['public'], summary: 'The live part of the page, for the page script', parameters: [lang], responses: { 200: body('HTML fragment.', 'text/html') } } },
  '/deklaracja-dostepnosci': { get: { ...PUBLIC, operationId: 'accessibilityPl', tags: ['public'], summary: 'Deklaracja dostępności', responses: { 200: body('HTML page.', 'text/html') } } },
  '/accessibility': { get: { ...PUBLIC, operationId: 'accessibilityEn', tags: ['public'], summary: 'Accessibility statement', responses: { 200: body('HTML page.', 'text/html') } } },
  '/historia': { get: { ...PUBLIC, operationId: 'historyPl', tags: ['public'], summary: 'Historia zgłoszeń i przerw z ostatnich 90 dni (Polish; ?lang=en for English)', parameters: [lang], responses: { 200: body('HTML page.', 'text/html'), 406: body('No acceptable content coding.', 'text/plain') } } },
  '/history': { get: { ...PUBLIC, operationId: 'historyEn', tags: ['public'], summary: 'The last 90 days of incidents and maintenance windows (English; ?lang=pl for Polish)', parameters: [lang], responses: { 200: body('HTML page.', 'text/html'), 406: body('No acceptable content coding.', 'text/plain') } } },
  '/pomoc': {
    get: { ...PUBLIC, operationId: 'helpFormPl', tags: ['helpdesk'], summary: 'Triage form (Polish)', responses: { 200: body('HTML form.', 'text/html') } },
    post: { ...PUBLIC, operationId: 'helpFormPlSubmit', tags: ['helpdesk'], summary: 'Triage form answer (Polish)', requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } }, responses: { 200: body('HTML answer.', 'text/html'), 400: body('The form with errors.', 'text/html'), 429: body('Too many requests.', 'text/html') } },
  },
  '/help': {
    get: { ...PUBLIC, operationId: 'helpFormEn', tags: ['helpdesk'], summary: 'Triage form (English)', responses: { 200: body('HTML form.', 'text/html') } },
    post: { ...PUBLIC, operationId: 'helpFormEnSubmit', tags: ['helpdesk'], summary: 'Triage form answer (English)', requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } }, responses: { 200: body('HTML answer.', 'text/html'), 400: body('The form with errors.', 'text/html'), 429: body('Too many requests.', 'text/html') } },
  },
  ...statuspagePaths,
};

/** The admin API under /api/v1/admin: every operation needs the bearer token (the document default). */
export const adminPaths = {
  '/api/v1/admin/incidents': {
    get: { operationId: 'adminListIncidents', tags: ['admin'], summary: 'All kept incidents', responses: { 200: jsonResponse('Incidents.', 'AdminIncidentList'), ...ADMIN_ERRORS } },
    post: { operationId: 'adminCreateIncident', tags: ['admin'], summary: 'Open an incident', requestBody: json('incident'), responses: { 201: jsonResponse('Created.', 'AdminIncident'), 409: error('CONFLICT.'), ...ADMIN_ERRORS } },
  },
  '/api/v1/admin/incidents/{id}': {
    get: { operationId: 'adminGetIncident', tags: ['admin'], summary: 'One incident', parameters: [id('id')], responses: { 200: jsonResponse('The incident.', 'AdminIncident'), 404: error('NOT_FOUND.'), ...ADMIN_ERRORS } },
    patch: { operationId: 'adminEditIncident', tags: ['admin'], summary: 'Edit title, impact or components', parameters: [id('id')], requestBody: json('incident edit'), responses: { 200: jsonResponse('Edited.', 'AdminIncident'), 404: error('NOT_FOUND.'), ...ADMIN_ERRORS } },
  },
  '/api/v1/admin/incidents/{id}/updates': { post: { operationId: 'adminPostIncidentUpdate', tags: ['admin'], summary: 'Post an update', parameters: [id('id')], requestBody: json('incident update'), responses: { 201: jsonResponse('Updated.', 'AdminIncident'), 404: error('NOT_FOUND.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/incidents/{id}/approve': { post: { operationId: 'adminApproveIncident', tags: ['admin'], summary: 'Publish an automatic draft (drafts are on no public face until then)', parameters: [id('id')], responses: { 200: jsonResponse('Published.', 'AdminIncident'), 404: error('NOT_FOUND.'), 409: error('NOT_EDITABLE: not a draft.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/incidents/{id}/resolve': { post: { operationId: 'adminResolveIncident', tags: ['admin'], summary: 'Resolve an incident', parameters: [id('id')], requestBody: json('resolve'), responses: { 200: jsonResponse('Resolved.', 'AdminIncident'), 404: error('NOT_FOUND.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/maintenance': {
    get: { operationId: 'adminListWindows', tags: ['admin'], summary: 'Every kept window', responses: { 200: jsonResponse('Windows.', 'AdminWindowList'), ...ADMIN_ERRORS } },
    post: { operationId: 'adminCreateWindow', tags: ['admin'], summary: 'Announce a manual maintenance window', requestBody: json('maintenance'), responses: { 201: jsonResponse('Created.', 'WindowView'), ...ADMIN_ERRORS } },
  },
  '/api/v1/admin/maintenance/{id}': { patch: { operationId: 'adminEditWindow', tags: ['admin'], summary: 'Edit (reschedule) a manual window', parameters: [id('id')], requestBody: json('maintenance edit'), responses: { 200: jsonResponse('Edited.', 'WindowView'), 404: error('NOT_FOUND.'), 409: error('NOT_EDITABLE.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/maintenance/{id}/cancel': { post: { operationId: 'adminCancelWindow', tags: ['admin'], summary: 'Cancel a window', parameters: [id('id')], responses: { 200: jsonResponse('Cancelled.', 'WindowView'), 404: error('NOT_FOUND.'), 409: error('NOT_EDITABLE.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/overrides': {
    get: { operationId: 'adminListOverrides', tags: ['admin'], summary: 'Active status overrides', responses: { 200: jsonResponse('Overrides.', 'OverrideList'), ...ADMIN_ERRORS } },
    post: { operationId: 'adminSetOverride', tags: ['admin'], summary: 'Force a component status for a while', requestBody: json('override'), responses: { 201: jsonResponse('Set.', 'Override'), ...ADMIN_ERRORS } },
  },
  '/api/v1/admin/overrides/{component}': { delete: { operationId: 'adminClearOverride', tags: ['admin'], summary: 'Clear an override', parameters: [id('component')], responses: { 200: jsonResponse('Cleared.', 'Override'), 404: error('NOT_FOUND.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/reclassifications': { get: { operationId: 'adminListReclassifications', tags: ['admin'], summary: 'Past periods reclassified', responses: { 200: jsonResponse('Reclassifications.', 'ReclassificationList'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/reclassify': { post: { operationId: 'adminReclassify', tags: ['admin'], summary: 'Reclassify a past outage period as maintenance', requestBody: json('reclassify'), responses: { 201: jsonResponse('Recorded.', 'Reclassification'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/notices/pending': { get: { operationId: 'adminPendingNotices', tags: ['admin'], summary: 'Low-confidence notice suggestions awaiting review', responses: { 200: jsonResponse('Suggestions.', 'PendingNoticeList'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/notices/{id}/confirm': { post: { operationId: 'adminConfirmNotice', tags: ['admin'], summary: 'Confirm a suggestion (it then acts on status), optionally correcting kind, start, end and components', parameters: [id('id')], requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', description: 'See the notice review input rules in docs/notices.md.' } } } }, responses: { 200: jsonResponse('Confirmed.', 'PendingNotice'), 404: error('NOT_FOUND.'), 409: error('NOT_EDITABLE.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/notices/{id}/reject': { post: { operationId: 'adminRejectNotice', tags: ['admin'], summary: 'Reject a suggestion (it stays cancelled)', parameters: [id('id')], responses: { 200: jsonResponse('Rejected.', 'PendingNotice'), 404: error('NOT_FOUND.'), 409: error('NOT_EDITABLE.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/quarantine': { get: { operationId: 'adminQuarantine', tags: ['admin'], summary: 'Stored records that failed validation when read', responses: { 200: jsonResponse('Quarantined records.', 'QuarantineList'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/quarantine/{id}': { delete: { operationId: 'adminDeleteQuarantined', tags: ['admin'], summary: 'Delete a quarantined record for good', parameters: [id('id')], responses: { 200: jsonResponse('Deleted (without its raw text).', 'QuarantinedRecord'), 404: error('NOT_FOUND.'), ...ADMIN_ERRORS } } },
  '/api/v1/admin/audit': {
    get: {
      operationId: 'adminAudit', tags: ['admin'], summary: 'Who changed what, newest first',
      parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } }, { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } }],
      responses: { 200: jsonResponse('A page of audit rows.', 'AuditPage'), ...ADMIN_ERRORS },
    },
  },
};

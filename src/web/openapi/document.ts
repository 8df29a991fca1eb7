import { adminPaths, publicPaths } from './paths-more.ts';
import { commonSchemas, errorResponses, jsonResponse } from './schemas-common.ts';
import { moreSchemas } from './schemas-more.ts';
import { statusSchemas } from './schemas-status.ts';
import { triageSchemas } from './schemas-triage.ts';

const expiryParams = [
  { name: 'confirmedAt', in: 'query', required: false, description: 'Day the profile was confirmed (YYYY-MM-DD).', schema: { type: 'string', format: 'date' } },
  { name: 'extendedAt', in: 'query', required: false, description: 'Day of the last extension (YYYY-MM-DD); not before confirmedAt.', schema: { type: 'string', format: 'date' } },
];

/** The OpenAPI 3.1 document served at /api/openapi.json. */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'ikp-status API',
      version: '1.0.0',
      description: 'Why cannot a patient log in to IKP (pacjent.gov.pl)? Current status of every login path, helpdesk triage and trusted-profile expiry.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative: the document describes whichever host serves it.
    servers: [{ url: '/', description: 'This ikp-status instance' }],
    tags: [
      { name: 'public', description: 'Status, maintenance, badges and live events' },
      { name: 'helpdesk', description: 'Triage and trusted-profile expiry' },
      { name: 'feeds', description: 'RSS, Atom and JSON Feed' },
      { name: 'statuspage', description: 'Statuspage v2-compatible read API' },
      { name: 'operations', description: 'Health and metrics' },
      { name: 'admin', description: 'Operator API (bearer token)' },
    ],
    // The admin token is the default; every public operation says `security: []`.
    security: [{ bearerAuth: [] }],
    paths: {
      '/api/v1/status': {
        get: { security: [], tags: ['public'], operationId: 'getStatus', summary: 'Current status: components, login-method matrix, maintenance', responses: { 200: jsonResponse('The current status.', 'StatusResponse') } },
      },
      '/api/v1/triage': {
        post: {
          security: [],
          tags: ['helpdesk'],
          operationId: 'triage',
          summary: 'Why can this patient not log in? Ranked causes with evidence, alternatives and a ready escalation',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/TriageRequest' } } } },
          responses: { 200: jsonResponse('Ranked causes (never empty).', 'TriageResult'), ...errorResponses },
        },
      },
      '/api/v1/profile-expiry': {
        get: {
          security: [],
          tags: ['helpdesk'],
          operationId: 'profileExpiry',
          summary: 'When a trusted profile expires (3 years, art. 112 k.c., end of day in Europe/Warsaw); stateless',
          parameters: expiryParams,
          responses: { 200: jsonResponse('The computed expiry.', 'ProfileExpiry'), 400: errorResponses[400], 429: errorResponses[429] },
        },
      },
      '/api/v1/profile-expiry.ics': {
        get: {
          security: [],
          tags: ['helpdesk'],
          operationId: 'profileExpiryReminder',
          summary: 'An iCalendar reminder 30 days before the trusted profile expires',
          parameters: expiryParams,
          responses: {
            200: { description: 'One all-day event.', content: { 'text/calendar': { schema: { type: 'string' } } } },
            400: errorResponses[400],
            429: errorResponses[429],
          },
        },
      },
      ...publicPaths,
      ...adminPaths,
    },
    components: {
      schemas: { ...commonSchemas, ...statusSchemas, ...triageSchemas, ...moreSchemas },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An admin token from config (operator or viewer role).' } },
    },
  };
}

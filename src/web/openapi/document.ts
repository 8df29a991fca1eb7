import { commonSchemas, errorResponses, jsonResponse } from './schemas-common.ts';
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
    paths: {
      '/api/v1/status': {
        get: { operationId: 'getStatus', summary: 'Current status: components, login-method matrix, maintenance', responses: { 200: jsonResponse('The current status.', 'StatusResponse') } },
      },
      '/api/v1/triage': {
        post: {
          operationId: 'triage',
          summary: 'Why can this patient not log in? Ranked causes with evidence, alternatives and a ready escalation',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/TriageRequest' } } } },
          responses: { 200: jsonResponse('Ranked causes (never empty).', 'TriageResult'), ...errorResponses },
        },
      },
      '/api/v1/profile-expiry': {
        get: {
          operationId: 'profileExpiry',
          summary: 'When a trusted profile expires (3 years, art. 112 k.c., end of day in Europe/Warsaw); stateless',
          parameters: expiryParams,
          responses: { 200: jsonResponse('The computed expiry.', 'ProfileExpiry'), 400: errorResponses[400], 429: errorResponses[429] },
        },
      },
      '/api/v1/profile-expiry.ics': {
        get: {
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
    },
    components: { schemas: { ...commonSchemas, ...statusSchemas, ...triageSchemas } },
  };
}

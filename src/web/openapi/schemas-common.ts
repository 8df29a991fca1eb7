/** Shared OpenAPI 3.1 (JSON Schema 2020-12) schemas: errors and small value types. */

const localized = { type: 'object', required: ['pl', 'en'], properties: { pl: { type: 'string' }, en: { type: 'string' } }, additionalProperties: false } as const;

/** `#/components/schemas/*` entries used by every path. */
export const commonSchemas = {
  Localized: localized,
  ComponentStatus: { type: 'string', enum: ['operational', 'degraded', 'maintenance', 'outage', 'unknown'] },
  Meaning: {
    type: 'string',
    enum: ['works', 'slow', 'partial', 'unverified', 'maintenance', 'outage', 'unknown'],
    description:
      'What the status means to a patient: slow = measured latency; partial = some methods or functions fail while others work; unverified = the check was blocked (WAF) or the page changed, so we cannot tell; unknown = no current data.',
  },
  FieldError: {
    type: 'object',
    description: 'One bad field, named by its dotted path (never its value).',
    required: ['field', 'pl', 'en'],
    properties: { field: { type: 'string' }, pl: { type: 'string' }, en: { type: 'string' } },
    additionalProperties: false,
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
            description: 'Stable code; classify errors by it, never by message text.',
            examples: ['VALIDATION_FAILED', 'PESEL_REJECTED', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST'],
          },
          message: { $ref: '#/components/schemas/Localized' },
          fields: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
} as const;

/** A JSON response referring to a component schema. */
export function jsonResponse(description: string, schema: string): object {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } };
}

/** The standard error responses by status. */
export const errorResponses = {
  400: jsonResponse('VALIDATION_FAILED (every bad field listed, in Polish and English), PESEL_REJECTED or BAD_REQUEST (malformed JSON).', 'Error'),
  413: jsonResponse('PAYLOAD_TOO_LARGE: the body is over 16 KB.', 'Error'),
  415: jsonResponse('UNSUPPORTED_MEDIA_TYPE: send application/json.', 'Error'),
  429: jsonResponse('RATE_LIMITED: too many requests from this address; see the RateLimit headers.', 'Error'),
} as const;

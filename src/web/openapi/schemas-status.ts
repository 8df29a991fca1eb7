/** OpenAPI schemas of GET /api/v1/status (see src/web/routes/status.ts and status-view.ts). */

const isoOrNull = { type: ['string', 'null'], format: 'date-time' } as const;
const status = { $ref: '#/components/schemas/ComponentStatus' } as const;
const meaning = { $ref: '#/components/schemas/Meaning' } as const;

/** `#/components/schemas/*` entries of the status API. */
export const statusSchemas = {
  ComponentView: {
    type: 'object',
    required: ['id', 'kind', 'name', 'homepage', 'status', 'meaning', 'since', 'lastCheckedAt', 'lastCheckAgeSeconds', 'reason', 'rootCause', 'dependsOn'],
    properties: {
      id: { type: 'string', examples: ['profil-zaufany', 'bank:mbank'] },
      kind: { type: 'string', enum: ['service', 'bank'] },
      name: { $ref: '#/components/schemas/Localized' },
      homepage: { type: ['string', 'null'], format: 'uri' },
      status,
      meaning,
      since: isoOrNull,
      lastCheckedAt: isoOrNull,
      lastCheckAgeSeconds: { type: ['integer', 'null'], minimum: 0 },
      reason: { type: 'string', description: 'Probe reason (timeout, http_status, …) or engine reason (no_data, stale, monitor_offline, maintenance, outage_notice).' },
      rootCause: { type: ['string', 'null'], description: 'Deepest failing dependency, when elsewhere in the graph.' },
      dependsOn: { type: 'array', items: { type: 'string' } },
      journeyStep: {
        type: ['object', 'null'],
        description: 'The journey probe step where logging in stops, when a journey decided this status.',
        required: ['probe', 'step', 'name'],
        properties: {
          journeyOf: { type: ['string', 'null'], description: 'The component the journey probe checks (whose login path it walks).' },
          probe: { type: 'string', examples: ['journey-pz'] },
          step: { type: 'string', examples: ['login-gov-chooser'] },
          name: { oneOf: [{ $ref: '#/components/schemas/Localized' }, { type: 'null' }] },
        },
      },
    },
  },
  LoginMethodRow: {
    type: 'object',
    required: ['id', 'method', 'bank', 'path', 'works', 'status', 'meaning', 'blockedBy'],
    properties: {
      id: { type: 'string', examples: ['profil-zaufany', 'mojeid:mbank'] },
      method: { type: 'string' },
      bank: { type: ['string', 'null'] },
      path: { type: 'array', items: { type: 'string' } },
      works: { type: ['boolean', 'null'], description: 'null when a component on the path is unknown and none is down.' },
      status,
      meaning: { ...meaning, description: 'works or slow when it works; outage or maintenance when it does not; unverified or unknown when we cannot tell.' },
      blockedBy: { type: ['string', 'null'] },
    },
  },
  WindowView: {
    type: 'object',
    required: ['id', 'kind', 'state', 'active', 'components', 'start', 'end', 'effectiveEnd', 'title', 'text', 'link', 'source', 'publishedAt', 'updatedAt'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string', enum: ['maintenance', 'outage'] },
      state: { type: 'string', enum: ['announced', 'withdrawn', 'cancelled', 'pending'] },
      active: { type: 'boolean' },
      components: { type: 'array', items: { type: 'string' } },
      start: { type: 'string', format: 'date-time' },
      end: isoOrNull,
      effectiveEnd: { type: 'string', format: 'date-time' },
      title: { type: 'string' },
      text: { type: 'string' },
      link: { type: ['string', 'null'] },
      source: { type: 'string' },
      publishedAt: isoOrNull,
      updatedAt: { type: 'string', format: 'date-time' },
      revision: { type: 'integer', minimum: 0, description: 'Grows with every edit of the window, cancellation and withdrawal included (the SEQUENCE in maintenance.ics).' },
      wasAnnounced: { type: 'boolean', description: 'False for suggestions nobody confirmed: pending, rejected, or dropped by their source while pending.' },
      calledOff: {
        type: ['object', 'null'],
        description: 'Set when an announced window was cancelled by an operator, or withdrawn by its source before its end; it no longer counts.',
        required: ['how', 'at', 'beforeStart'],
        properties: {
          how: { type: 'string', enum: ['cancelled', 'withdrawn'] },
          at: { type: 'string', format: 'date-time' },
          beforeStart: { type: 'boolean', description: 'Called off before it began: it never took place.' },
        },
      },
    },
  },
  StatusResponse: {
    type: 'object',
    required: ['generatedAt', 'overall', 'monitor', 'components', 'loginMethods', 'maintenance'],
    properties: {
      generatedAt: { type: 'string', format: 'date-time' },
      overall: {
        type: 'object',
        required: ['status', 'counts'],
        properties: { status, counts: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } },
      },
      monitor: {
        type: 'object',
        required: ['blind', 'lastCheckedAt'],
        properties: {
          blind: { type: 'boolean', description: 'True when the monitor cannot trust its own probes (self-connectivity guard).' },
          lastCheckedAt: isoOrNull,
          stale: { type: 'boolean', description: 'True when some component is shown unknown/stale because its newest check is past the stale limit (e.g. during a store outage).' },
          dataAsOf: isoOrNull,
          dataAgeSeconds: { type: ['integer', 'null'], minimum: 0, description: 'Seconds since the newest check behind this answer.' },
          storeReadAt: isoOrNull,
        },
      },
      components: { type: 'array', items: { $ref: '#/components/schemas/ComponentView' } },
      loginMethods: { type: 'array', items: { $ref: '#/components/schemas/LoginMethodRow' } },
      maintenance: {
        type: 'object',
        required: ['active', 'upcoming'],
        properties: {
          active: { type: 'array', items: { $ref: '#/components/schemas/WindowView' } },
          upcoming: { type: 'array', items: { $ref: '#/components/schemas/WindowView' } },
        },
      },
      incidents: { type: 'array', description: 'Operator incidents, newest first.', items: { $ref: '#/components/schemas/IncidentView' } },
    },
  },
} as const;

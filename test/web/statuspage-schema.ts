// JSON Schemas of the Statuspage v2 public API bodies (field set and enums as Statuspage documents them).
// additionalProperties: false, so a renamed or invented field fails the schema test.

const nullableString = { type: ['string', 'null'] };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { anyOf: [dateTime, { type: 'null' }] };

export const pageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'url', 'time_zone', 'updated_at'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, url: { type: 'string', format: 'uri' }, time_zone: { type: 'string' }, updated_at: dateTime },
};

export const componentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'status', 'created_at', 'updated_at', 'position', 'description', 'showcase', 'start_date', 'group_id', 'page_id', 'group', 'only_show_if_degraded'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    status: { enum: ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] },
    created_at: dateTime,
    updated_at: dateTime,
    position: { type: 'integer' },
    description: nullableString,
    showcase: { type: 'boolean' },
    start_date: nullableString,
    group_id: nullableString,
    page_id: { type: 'string' },
    group: { type: 'boolean' },
    only_show_if_degraded: { type: 'boolean' },
    components: { type: 'array', items: { type: 'string' } },
  },
};

const updateSchema = (statuses: string[]) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at'],
  properties: {
    id: { type: 'string' },
    status: { enum: statuses },
    body: { type: 'string' },
    incident_id: { type: 'string' },
    created_at: dateTime,
    updated_at: dateTime,
    display_at: dateTime,
    affected_components: { type: 'array' },
    deliver_notifications: { type: 'boolean' },
    custom_tweet: nullableString,
    tweet_id: nullableString,
  },
});

const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'];
const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'];

const incidentProperties = (statuses: string[]) => ({
  id: { type: 'string' },
  name: { type: 'string' },
  status: { enum: statuses },
  created_at: dateTime,
  updated_at: dateTime,
  monitoring_at: nullableDateTime,
  resolved_at: nullableDateTime,
  impact: { enum: ['none', 'minor', 'major', 'critical', 'maintenance'] },
  shortlink: { type: 'string' },
  started_at: dateTime,
  page_id: { type: 'string' },
  incident_updates: { type: 'array', items: updateSchema(statuses) },
  components: { type: 'array', items: componentSchema },
});

const INCIDENT_REQUIRED = ['id', 'name', 'status', 'created_at', 'updated_at', 'monitoring_at', 'resolved_at', 'impact', 'shortlink', 'page_id', 'incident_updates'];

export const incidentSchema = { type: 'object', additionalProperties: false, required: INCIDENT_REQUIRED, properties: incidentProperties(INCIDENT_STATUSES) };

export const maintenanceSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...INCIDENT_REQUIRED, 'scheduled_for', 'scheduled_until'],
  // A maintenance has started_at only once it has actually started.
  properties: { ...incidentProperties(MAINTENANCE_STATUSES), started_at: nullableDateTime, scheduled_for: dateTime, scheduled_until: dateTime },
};

export const statusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['indicator', 'description'],
  properties: { indicator: { enum: ['none', 'minor', 'major', 'critical', 'maintenance'] }, description: { type: 'string' } },
};

const body = (extra: Record<string, object>) => ({
  type: 'object',
  additionalProperties: false,
  required: ['page', ...Object.keys(extra)],
  properties: { page: pageSchema, ...extra },
});

/** Schemas of every endpoint by its path under /api/v2. */
export const ENDPOINT_SCHEMAS: Record<string, object> = {
  'summary.json': body({
    components: { type: 'array', items: componentSchema },
    incidents: { type: 'array', items: incidentSchema },
    scheduled_maintenances: { type: 'array', items: maintenanceSchema },
    status: statusSchema,
  }),
  'status.json': body({ status: statusSchema }),
  'components.json': body({ components: { type: 'array', items: componentSchema } }),
  'incidents.json': body({ incidents: { type: 'array', items: incidentSchema } }),
  'incidents/unresolved.json': body({ incidents: { type: 'array', items: incidentSchema } }),
  'scheduled-maintenances.json': body({ scheduled_maintenances: { type: 'array', items: maintenanceSchema } }),
  'scheduled-maintenances/upcoming.json': body({ scheduled_maintenances: { type: 'array', items: maintenanceSchema } }),
  'scheduled-maintenances/active.json': body({ scheduled_maintenances: { type: 'array', items: maintenanceSchema } }),
};

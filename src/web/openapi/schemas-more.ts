/** OpenAPI schemas for incidents, health, admin objects and the Statuspage v2 bodies. */
import { UNKNOWN_DESCRIPTION } from '../statuspage/mapping.ts';

const iso = { type: 'string', format: 'date-time' } as const;
const isoOrNull = { anyOf: [iso, { type: 'null' }] } as const;
const text = { type: 'object', required: ['pl'], properties: { pl: { type: 'string' }, en: { type: 'string' } } } as const;
const impact = { type: 'string', enum: ['minor', 'major', 'critical'] } as const;
const state = { type: 'string', enum: ['investigating', 'identified', 'monitoring', 'resolved'] } as const;
const list = (key: string, ref: string): object => ({ type: 'object', required: [key], properties: { [key]: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } } } });

const spPage = { type: 'object', required: ['id', 'name', 'url', 'time_zone', 'updated_at'], properties: { id: { type: 'string' }, name: { type: 'string' }, url: { type: 'string', format: 'uri' }, time_zone: { type: 'string' }, updated_at: iso } };
const spStatusValues = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
const spAffected = { type: 'object', required: ['code', 'name', 'old_status', 'new_status'], properties: { code: { type: 'string' }, name: { type: 'string' }, old_status: { enum: spStatusValues }, new_status: { enum: spStatusValues } } };
const spUpdate = {
  type: 'object',
  required: ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at', 'affected_components'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' }, status: { type: 'string' }, body: { type: 'string' }, incident_id: { type: 'string' }, created_at: iso, updated_at: iso, display_at: iso, affected_components: { type: 'array', items: spAffected } },
};
const spIncidentProps = {
  id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' }, name: { type: 'string' }, status: { type: 'string' }, created_at: iso, updated_at: iso, monitoring_at: isoOrNull, resolved_at: isoOrNull,
  impact: { type: 'string', enum: ['none', 'minor', 'major', 'critical', 'maintenance'] }, shortlink: { type: 'string', format: 'uri' }, started_at: isoOrNull, page_id: { type: 'string' },
  incident_updates: { type: 'array', items: spUpdate }, components: { type: 'array', items: { $ref: '#/components/schemas/SpComponent' } },
};

/** `#/components/schemas/*` entries beyond status and triage. */
export const moreSchemas = {
  IncidentView: {
    type: 'object',
    description: 'An operator (or automatic) incident as the public APIs show it.',
    required: ['id', 'title', 'impact', 'state', 'components', 'createdAt', 'updatedAt', 'resolvedAt', 'updates'],
    properties: {
      id: { type: 'string' }, title: text, impact, state, components: { type: 'array', items: { type: 'string' } }, createdAt: iso, updatedAt: iso, resolvedAt: isoOrNull, automatic: { type: 'boolean' },
      updates: { type: 'array', description: 'Newest first.', items: { type: 'object', required: ['at', 'state', 'body'], properties: { at: iso, state, body: { type: 'string' }, bodyEn: { type: 'string' } } } },
    },
  },
  MaintenanceResponse: {
    type: 'object',
    required: ['active', 'upcoming', 'history'],
    properties: { active: { type: 'array', items: { $ref: '#/components/schemas/WindowView' } }, upcoming: { type: 'array', items: { $ref: '#/components/schemas/WindowView' } }, history: { type: 'array', items: { $ref: '#/components/schemas/WindowView' } } },
  },
  Health: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok', 'ready'] } } },
  AdminIncident: {
    type: 'object',
    required: ['id', 'version', 'title', 'impact', 'state', 'components', 'automatic', 'draft', 'createdAt', 'createdBy', 'updatedAt', 'resolvedAt', 'updates'],
    properties: {
      id: { type: 'string' }, version: { type: 'integer', minimum: 1 }, title: text, impact, state, components: { type: 'array', items: { type: 'string' } }, automatic: { type: 'boolean' }, draft: { type: 'boolean' },
      createdAt: iso, createdBy: { type: 'string' }, updatedAt: iso, resolvedAt: isoOrNull,
      updates: { type: 'array', description: 'Oldest first.', items: { type: 'object', required: ['id', 'at', 'state', 'body', 'by'], properties: { id: { type: 'string' }, at: iso, state, body: text, by: { type: 'string' } } } },
    },
  },
  AdminIncidentList: list('incidents', 'AdminIncident'),
  AdminWindowList: list('windows', 'WindowView'),
  Override: { type: 'object', required: ['component', 'status', 'createdAt', 'expiresAt'], properties: { component: { type: 'string' }, status: { $ref: '#/components/schemas/ComponentStatus' }, createdAt: iso, expiresAt: iso } },
  OverrideList: list('overrides', 'Override'),
  Reclassification: { type: 'object', required: ['component', 'from', 'to', 'createdAt'], properties: { component: { type: 'string' }, from: iso, to: iso, createdAt: iso } },
  ReclassificationList: list('reclassifications', 'Reclassification'),
  PendingNotice: {
    allOf: [{ $ref: '#/components/schemas/WindowView' }],
    type: 'object',
    required: ['confidence', 'evidence', 'review'],
    properties: {
      confidence: { anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'null' }] },
      evidence: { type: 'array', items: { type: 'string' } },
      review: { anyOf: [{ type: 'null' }, { type: 'object', required: ['decision', 'by', 'at'], properties: { decision: { enum: ['confirmed', 'rejected'] }, by: { type: 'string' }, at: { type: 'number' } } }] },
    },
  },
  PendingNoticeList: list('pending', 'PendingNotice'),
  QuarantinedRecord: {
    type: 'object',
    required: ['id', 'kind', 'location', 'at', 'problems'],
    properties: { id: { type: 'string' }, kind: { type: 'string' }, location: { type: 'string' }, at: { type: 'number' }, problems: { type: 'array', items: { type: 'string' } }, raw: { type: 'string' } },
  },
  QuarantineList: list('records', 'QuarantinedRecord'),
  AuditPage: {
    type: 'object',
    required: ['entries', 'limit', 'offset'],
    properties: { entries: { type: 'array', items: { type: 'object', required: ['at', 'action'], properties: { at: iso, action: { type: 'string' } } } }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  },
  SpComponent: {
    type: 'object',
    required: ['id', 'name', 'status', 'created_at', 'updated_at', 'position', 'page_id', 'group'],
    properties: { id: { type: 'string' }, name: { type: 'string' }, status: { enum: spStatusValues }, created_at: iso, updated_at: iso, position: { type: 'integer' }, page_id: { type: 'string' }, group: { type: 'boolean' } },
  },
  SpIncident: { type: 'object', required: Object.keys(spIncidentProps), properties: spIncidentProps },
  SpMaintenance: {
    type: 'object',
    required: [...Object.keys(spIncidentProps), 'scheduled_for', 'scheduled_until'],
    properties: { ...spIncidentProps, status: { enum: ['scheduled', 'in_progress', 'verifying', 'completed'] }, scheduled_for: iso, scheduled_until: iso },
  },
  SpStatus: {
    type: 'object',
    required: ['indicator', 'description'],
    properties: { indicator: { enum: ['none', 'minor', 'major', 'critical', 'maintenance'] }, description: {
        enum: ['All Systems Operational', 'Minor Service Outage', 'Partial System Outage', 'Major System Outage', 'Service Under Maintenance', ...Object.values(UNKNOWN_DESCRIPTION)],
        description: "Atlassian's five strings, plus three of ours for states Statuspage has no word for (no current data, some checks blocked): there 'Minor Service Outage' would claim an outage nobody saw. The indicator stays 'minor'.",
      } },
  },
  SpPage: spPage,
} as const;

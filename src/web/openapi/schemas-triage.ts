import { MEANINGS } from '../../domain/public-state.ts';
import { CAUSE_CODES, ERROR_TEXT_CLASSES, METHODS, SYMPTOMS } from '../../triage/types.ts';

/** OpenAPI schemas of the triage and profile-expiry APIs (built from the same constants as the code). */

const date = { type: 'string', format: 'date' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const localized = { $ref: '#/components/schemas/Localized' } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;
const obj = (required: string[], properties: Record<string, unknown>, extra: object = {}): object => ({ type: 'object', required, properties, additionalProperties: false, ...extra });
const nullable = (s: object): object => ({ anyOf: [s, { type: 'null' }] });
const dateInput = { type: ['string', 'null'], maxLength: 40, description: 'YYYY-MM-DD (or an ISO date-time, reduced to its Warsaw day).', examples: ['2024-02-29'] };
const profileBasis = { type: 'string', enum: ['validUntil', 'confirmedAt', 'extendedAt'] } as const;

const evidence = {
  oneOf: [
    obj(['kind', 'component', 'status', 'meaning', 'reason', 'since', 'rootCause', 'step'], {
      kind: { const: 'component' }, component: { type: 'string' }, status: { $ref: '#/components/schemas/ComponentStatus' },
      meaning: { type: 'string', enum: [...MEANINGS], description: 'What the status means, as the status page says it (slow, partial, unverified, …).' },
      reason: { type: 'string' }, since: nullable(dateTime), rootCause: { type: ['string', 'null'] },
      step: nullable(obj(['probe', 'step'], { probe: { type: 'string' }, step: { type: 'string' } })),
    }),
    obj(['kind', 'row', 'works', 'meaning', 'blockedBy', 'until', 'unknownOn'], {
      kind: { const: 'login' }, row: { type: 'string', description: 'The public login row (`method` or `method:bank`), as in /api/v1/status loginMethods.' },
      works: { type: ['boolean', 'null'] }, meaning: { type: 'string', enum: [...MEANINGS] }, blockedBy: { type: ['string', 'null'] }, until: nullable(dateTime), unknownOn: strings,
    }),
    obj(['kind', 'windowId', 'windowKind', 'components', 'start', 'end', 'link', 'title'], {
      kind: { const: 'window' }, windowId: { type: 'string' }, windowKind: { type: 'string', enum: ['maintenance', 'outage'] }, components: strings,
      start: dateTime, end: nullable(dateTime), link: { type: ['string', 'null'] }, title: { type: 'string' },
    }),
    obj(['kind', 'basis', 'lastValidDay', 'validThrough', 'daysLeft'], { kind: { const: 'profile' }, basis: profileBasis, lastValidDay: date, validThrough: dateTime, daysLeft: { type: 'integer' } }),
    obj(['kind', 'symptom', 'errorTextClasses'], {
      kind: { const: 'symptom' }, symptom: { enum: [...SYMPTOMS, null] }, errorTextClasses: { type: 'array', items: { type: 'string', enum: [...ERROR_TEXT_CLASSES] } },
    }),
    obj(['kind', 'blind', 'unknownComponents'], { kind: { const: 'monitor' }, blind: { type: 'boolean' }, unknownComponents: strings }),
  ],
};

/** `#/components/schemas/*` entries of the triage and profile-expiry APIs. */
export const triageSchemas = {
  TriageRequest: obj([], {
    method: { enum: [...METHODS, null], default: 'unknown', description: 'How the patient logs in; `unknown` when they cannot tell (a bank then implies the method).' },
    bank: { type: ['string', 'null'], maxLength: 64, description: 'A configured bank id (`mbank` or `bank:mbank`), for methods through a bank.' },
    occurredAt: { type: ['string', 'null'], maxLength: 40, description: 'ISO date-time (no offset = Europe/Warsaw); default now; at most 90 days back.', examples: ['2026-05-01T10:30:00+02:00'] },
    symptom: { enum: [...SYMPTOMS, null] },
    errorText: { type: ['string', 'null'], maxLength: 2000, description: 'What the patient saw; only keyword classes are used, the text is never stored or logged.' },
    profile: nullable(obj([], { validUntil: dateInput, confirmedAt: dateInput, extendedAt: dateInput })),
  }, { description: 'Unknown fields are rejected; the body is capped at 16 KB; a PESEL anywhere is rejected (PESEL_REJECTED).' }),
  Evidence: evidence,
  Cause: obj(['code', 'confidence', 'component', 'evidence', 'advice'], {
    code: { type: 'string', enum: [...CAUSE_CODES] },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    component: { type: ['string', 'null'] },
    evidence: { type: 'array', items: { $ref: '#/components/schemas/Evidence' } },
    advice: localized,
  }),
  Alternative: obj(['id', 'method', 'bank', 'name'], { id: { type: 'string' }, method: { type: 'string' }, bank: { type: ['string', 'null'] }, name: localized }),
  ProfileVerdict: obj(['basis', 'lastValidDay', 'validThrough', 'status', 'daysLeft', 'text'], {
    basis: profileBasis, lastValidDay: date, validThrough: dateTime, status: { type: 'string', enum: ['valid', 'expiring-soon', 'expired'] }, daysLeft: { type: 'integer' },
    text: { ...localized, description: 'The validity in words; the last day counts in full (art. 112 k.c.): "ważny do 6 grudnia 2026 (włącznie)", "wygasł z końcem dnia 6 grudnia 2026 (…)".' },
  }),
  Escalation: obj(['recommended', 'to', 'phone', 'subject', 'text', 'mailto'], {
    recommended: { type: 'boolean', description: 'False when a known cause explains the failure and a ticket would not help.' },
    to: { type: 'string', format: 'email' }, phone: { type: 'string' }, subject: localized, text: localized,
    mailto: obj(['pl', 'en'], { pl: { type: 'string', pattern: '^mailto:' }, en: { type: 'string', pattern: '^mailto:' } }),
  }, { description: 'Never contains the error text, PESEL, passwords, SMS codes or health data.' }),
  TriageResult: obj(['occurredAt', 'basis', 'method', 'bank', 'monitor', 'causes', 'alternatives', 'whereToCheck', 'profile', 'escalation'], {
    occurredAt: dateTime,
    basis: { type: 'string', enum: ['live', 'history'] },
    method: { type: 'string', enum: [...METHODS] },
    bank: { type: ['string', 'null'] },
    monitor: obj(['blind'], { blind: { type: 'boolean' } }),
    causes: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Cause' } },
    alternatives: {
      anyOf: [{ type: 'array', items: { $ref: '#/components/schemas/Alternative' } }, { type: 'null' }],
      description: 'Exactly the alternatives of the public login row(s) of the patient (as /api/v1/status lists them). null: nothing to say (the login works, or we cannot tell); []: no other method is known to work.',
    },
    whereToCheck: { type: 'array', items: obj(['url', 'label'], { url: { type: 'string', format: 'uri' }, label: localized }) },
    profile: nullable({ $ref: '#/components/schemas/ProfileVerdict' }),
    escalation: { $ref: '#/components/schemas/Escalation' },
  }),
  ProfileExpiry: obj(['basis', 'start', 'lastValidDay', 'validThrough', 'expiresAt', 'status', 'daysLeft', 'text', 'reminder', 'rule'], {
    basis: { type: 'string', enum: ['confirmedAt', 'extendedAt'] },
    start: date,
    lastValidDay: { ...date, description: 'Art. 112 k.c.: the day matching the start date 3 years later (29 Feb → 28 Feb).' },
    validThrough: { ...dateTime, description: 'End of the last valid day in Europe/Warsaw.' },
    expiresAt: { ...dateTime, description: 'First instant the profile is no longer valid.' },
    status: { type: 'string', enum: ['valid', 'expiring-soon', 'expired'] },
    daysLeft: { type: 'integer' },
    text: { ...localized, description: 'The validity in words, the last day counting in full.' },
    reminder: obj(['date', 'ics'], { date, ics: { type: 'string' } }),
    rule: localized,
  }),
} as const;

import type { Config } from '../config/schema.ts';
import { ERRORS, type ErrorCode } from '../domain/errors.ts';
import { atSentenceStart } from '../domain/polish-text.ts';
import { humanDates } from './human-dates.ts';
import type { FieldError } from './field-errors.ts';
import { en } from './i18n/en.ts';
import { pl, type TriageDictionary } from './i18n/pl.ts';
import { bankMethods } from './input-schema.ts';
import { causeTitle } from './cause-title.ts';
import { stepName } from './component-causes.ts';
import { METHODS, SYMPTOMS, type Cause, type Evidence, type TriageResult } from './types.ts';

/** The form's own fields, as sent (strings; empty means not given). */
export const FORM_FIELDS = ['method', 'bank', 'occurredAt', 'symptom', 'errorText', 'validUntil', 'confirmedAt', 'extendedAt'] as const;
/** Submitted form values by field. */
export type FormValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

/** One cause as the patient reads it. */
export interface CauseView {
  code: string;
  title: string;
  advice: string;
  /** Percent; null for "we do not know the cause", which has none to speak of (its evidence says what we know). */
  confidence: number | null;
  evidence: string[];
  links: { url: string; label: string }[];
}

/** Everything views/triage/form.ejs renders; all strings are escaped by the view. */
export interface FormModel {
  d: TriageDictionary;
  action: string;
  values: FormValues;
  methods: { value: string; label: string }[];
  bankGroups: { label: string; options: { value: string; label: string }[] }[];
  symptoms: { value: string; label: string }[];
  /** Field id → message; `errors` lists them in form order for the summary. */
  fieldErrors: Record<string, string>;
  errors: { id: string; message: string }[];
  generalError: string | null;
  result: {
    basisNote: string;
    first: CauseView;
    others: CauseView[];
    /** The heading and the rows' alternatives; null: nothing is said about other methods. */
    alternatives: { heading: string; none: string; names: string[] } | null;
    whereToCheck: { url: string; label: string }[];
    profileLine: string | null;
    escalation: { recommended: boolean; note: string; mailto: string; text: string };
  } | null;
}

const dictFor = (lang: 'pl' | 'en'): TriageDictionary => (lang === 'pl' ? pl : en);

/** Maps an API field path to the form control that holds it; null for fields the form does not have. */
export function formFieldId(field: string): string | null {
  const id = field.replace(/^profile\./, '');
  return (FORM_FIELDS as readonly string[]).includes(id) ? id : null;
}

// A list item starts like a sentence: "Aplikacja mObywatel: działa", never "aplikacja mObywatel: …".
const itemStart = (text: string, lang: 'pl' | 'en'): string => (lang === 'pl' ? atSentenceStart(text) : text);

/**
 * One evidence line in words. The profile is left out (the result prints its line once), and so
 * are login rows, the symptom and the monitor (the cause's advice already says them).
 */
function evidenceLine(e: Evidence, d: TriageDictionary, config: Config, names: Map<string, string>, blamed: string | null): string | null {
  const lang = d.lang === 'en' ? 'en' : 'pl';
  const dates = humanDates(lang);
  const shown = (iso: string): string => dates.at(Date.parse(iso));
  if (e.kind === 'component') {
    // The step belongs to the journey that stopped there: told with the cause it blames, not as "what we checked" for another login.
    const step = e.component === blamed ? stepName(config, e.step ?? undefined) : null;
    const since = e.since ? ` (${d.result.since} ${shown(e.since)})` : '';
    return `${itemStart(names.get(e.component) ?? e.component, lang)}: ${d.meanings[e.meaning]}${since}${step ? `; ${d.result.stepAt.replace('{step}', step[lang])}` : ''}`;
  }
  if (e.kind === 'window') return `${d.result.window}: ${e.title} — ${d.result.windowFrom} ${shown(e.start)} ${e.end ? `${d.result.windowTo} ${shown(e.end)}` : d.result.windowOpen}`;
  return null;
}

function causeView(c: Cause, lang: 'pl' | 'en', config: Config, names: Map<string, string>): CauseView {
  const d = dictFor(lang);
  return {
    code: c.code,
    title: causeTitle(c, lang, names),
    advice: c.advice[lang],
    confidence: c.code === 'NO_KNOWN_CAUSE' ? null : Math.round(c.confidence * 100),
    evidence: c.evidence.map((e) => evidenceLine(e, d, config, names, c.component)).filter((l): l is string => l !== null),
    links: c.evidence.flatMap((e) => (e.kind === 'window' && e.link && /^https?:\/\//.test(e.link) ? [{ url: e.link, label: `${d.result.notice}: ${e.title}` }] : [])),
  };
}

/** Builds the form model: choices from the config, the values to refill, errors and the result. */
export function formModel(
  config: Config,
  lang: 'pl' | 'en',
  action: string,
  values: FormValues,
  outcome: { result?: TriageResult; fields?: FieldError[]; code?: ErrorCode },
): FormModel {
  const d = dictFor(lang);
  const names = new Map(config.components.map((c) => [c.id, c.name[lang]]));
  const fieldErrors: Record<string, string> = {};
  const errors: FormModel['errors'] = [];
  for (const f of outcome.fields ?? []) {
    const id = formFieldId(f.field);
    if (id && !(id in fieldErrors)) fieldErrors[id] = f[lang];
  }
  for (const id of FORM_FIELDS) if (fieldErrors[id]) errors.push({ id, message: fieldErrors[id] });
  const unplaced = (outcome.fields ?? []).find((f) => formFieldId(f.field) === null);
  const generalError = unplaced ? unplaced[lang] : outcome.code && errors.length === 0 ? ERRORS[outcome.code][lang] : null;
  const r = outcome.result;
  return {
    d,
    action,
    values,
    methods: METHODS.map((m) => ({ value: m, label: d.form.methods[m] })),
    bankGroups: [...bankMethods(config)].map(([method, banks]) => ({
      label: config.loginMethods.find((m) => m.id === method)?.name[lang] ?? method,
      options: banks.map((b) => ({ value: b, label: names.get(`bank:${b}`) ?? b })),
    })),
    symptoms: SYMPTOMS.map((s) => ({ value: s, label: d.form.symptoms[s] })),
    fieldErrors,
    errors,
    generalError,
    result: r
      ? {
          basisNote: `${r.basis === 'live' ? d.result.basisLive : d.result.basisHistory} ${humanDates(lang).at(Date.parse(r.occurredAt))}`,
          first: causeView(r.causes[0]!, lang, config, names),
          others: r.causes.slice(1).map((c) => causeView(c, lang, config, names)),
          alternatives:
            r.alternatives === null
              ? null
              : {
                  heading: r.basis === 'live' ? d.result.alternatives : d.result.alternativesThen,
                  none: r.basis === 'live' ? d.result.alternativesNone : d.result.alternativesNoneThen,
                  names: r.alternatives.map((a) => itemStart(a.name[lang], lang)),
                },
          whereToCheck: r.whereToCheck.map((w) => ({ url: w.url, label: w.label[lang] })),
          profileLine: r.profile ? r.profile.text[lang] : null,
          escalation: {
            recommended: r.escalation.recommended,
            note: r.escalation.recommended ? d.result.escalationNeeded : d.result.escalationNotNeeded,
            mailto: r.escalation.mailto[lang],
            text: r.escalation.text[lang],
          },
        }
      : null,
  };
}

/** The form's own values as strings (anything else is dropped: it cannot be refilled). */
export function formValues(raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const k of FORM_FIELDS) if (typeof raw[k] === 'string' && raw[k] !== '') out[k] = raw[k];
  return out;
}

/** The triage body a submitted form stands for (empty controls are absent; odd values go to validation as they are). */
export function formBody(raw: Record<string, unknown>): Record<string, unknown> {
  const v = (k: (typeof FORM_FIELDS)[number]): unknown => (raw[k] === '' ? undefined : raw[k]);
  const profile = { validUntil: v('validUntil'), confirmedAt: v('confirmedAt'), extendedAt: v('extendedAt') };
  return {
    method: v('method'),
    bank: v('bank'),
    occurredAt: v('occurredAt'),
    symptom: v('symptom'),
    errorText: v('errorText'),
    profile: Object.values(profile).some((x) => x !== undefined) ? profile : undefined,
  };
}

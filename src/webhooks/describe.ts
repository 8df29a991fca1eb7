import type { Meaning } from '../domain/public-state.ts';
import type { ComponentReason, ComponentStatus } from '../domain/types.ts';
import { writtenDateTime } from '../domain/written-dates.ts';
import { effectiveEnd } from '../domain/windows.ts';
import { publicMeaning } from '../status/public-state.ts';
import type { IncidentImpact, IncidentState } from '../incidents/types.ts';
import type { WebhookEvent } from './types.ts';
import { isDictKey, translator } from '../i18n/index.ts';

// Reason codes are written as the page writes them: no code ever reaches a Polish reader.
const t = translator('pl');
const reasonPl = (code: string): string => {
  const key = `reason.${code}`;
  return isDictKey(key) ? t(key) : t('reason.no_data');
};

/** A chat message (Slack, Teams) for an event, in Polish: operators are CeZ on-call staff. */
export interface EventText {
  /** What kind of event this is, in Polish words (the event type code stays in the generic JSON). */
  kind: string;
  title: string;
  /** Paragraphs of plain text (operator text is included as written). */
  lines: string[];
  facts: { name: string; value: string }[];
}

// Worded by the public meaning, as the page words it: "wolniej" is measured slowness and nothing else.
const MEANING: Record<Meaning, string> = {
  works: 'działa',
  slow: 'działa wolniej',
  partial: 'działa częściowo',
  unverified: 'nie możemy sprawdzić',
  maintenance: 'przerwa techniczna',
  outage: 'awaria',
  unknown: 'brak danych',
};
const ICON: Record<Meaning, string> = { works: '✅', slow: '🟡', partial: '🟠', unverified: '❔', maintenance: '🔧', outage: '🔴', unknown: '⚪' };
// Events queued before `fromReason` existed: a degraded state of unknown kind claims neither slowness nor a partial failure.
const DEGRADED_OF_UNKNOWN_KIND = 'działa z utrudnieniami';
const STATE: Record<IncidentState, string> = { investigating: 'badamy przyczynę', identified: 'przyczyna ustalona', monitoring: 'obserwujemy', resolved: 'rozwiązany' };
const KIND: Record<WebhookEvent['type'], string> = {
  'component.status_changed': 'zmiana stanu usługi',
  'incident.created': 'nowy incydent',
  'incident.updated': 'aktualizacja incydentu',
  'incident.resolved': 'incydent rozwiązany',
  'maintenance.started': 'początek przerwy technicznej',
  'maintenance.ended': 'koniec przerwy technicznej',
};
const IMPACT: Record<IncidentImpact, string> = { minor: 'niewielki', major: 'poważny', critical: 'krytyczny' };

/** Polish time as prose writes it, with the year: `28 marca 2026, 22:00`. */
export function warsawText(ms: number): string {
  return writtenDateTime(ms, 'pl');
}

/** A component status in words, by what it means to a patient (the reason tells slow from partial or unverified). */
function statusText(status: ComponentStatus, reason: ComponentReason | undefined): { text: string; icon: string } {
  if (reason === undefined && status === 'degraded') return { text: DEGRADED_OF_UNKNOWN_KIND, icon: ICON.partial };
  const { meaning } = publicMeaning(status, reason ?? 'ok');
  return { text: MEANING[meaning], icon: ICON[meaning] };
}

/** Builds the message for an event; `names` maps component ids to Polish names. */
export function describeEvent(event: WebhookEvent, names: ReadonlyMap<string, string>): EventText {
  return { kind: KIND[event.type], ...describeBody(event, names) };
}

function describeBody(event: WebhookEvent, names: ReadonlyMap<string, string>): Omit<EventText, 'kind'> {
  const name = (id: string): string => names.get(id) ?? id;
  const list = (ids: string[]): string => ids.map(name).join(', ');
  switch (event.type) {
    case 'component.status_changed': {
      const c = event.data.change;
      const from = statusText(c.from, c.fromReason);
      const to = statusText(c.to, c.reason);
      return {
        title: `${to.icon} ${name(c.component)}: ${to.text}`,
        lines: [`Było: ${from.text}. Teraz: ${to.text}. ${reasonPl(c.reason)}`, ...(c.rootCause ? [`Prawdopodobna przyczyna: ${name(c.rootCause)}.`] : [])],
        facts: [{ name: 'Od', value: warsawText(event.at) }],
      };
    }
    case 'incident.created':
    case 'incident.updated':
    case 'incident.resolved': {
      const i = event.data.incident;
      const head = { 'incident.created': '📢 Nowy incydent', 'incident.updated': '📝 Aktualizacja incydentu', 'incident.resolved': '✅ Incydent rozwiązany' }[event.type];
      const latest = i.updates.at(-1);
      return {
        title: `${head}: ${i.title.pl}`,
        lines: latest ? [latest.body.pl] : [],
        facts: [
          { name: 'Stan', value: STATE[i.state] },
          { name: 'Wpływ', value: IMPACT[i.impact] },
          { name: 'Dotyczy', value: list(i.components) },
          ...(i.automatic ? [{ name: 'Źródło', value: i.draft ? 'wykryty automatycznie (szkic)' : 'wykryty automatycznie' }] : []),
        ],
      };
    }
    case 'maintenance.started':
    case 'maintenance.ended': {
      const w = event.data.window;
      const started = event.type === 'maintenance.started';
      return {
        title: `${started ? '🔧 Rozpoczęła się przerwa techniczna' : '✅ Zakończyła się przerwa techniczna'}: ${list(w.components)}`,
        lines: [w.title, ...(w.text ? [w.text] : [])],
        facts: [
          { name: 'Od', value: warsawText(w.start) },
          { name: 'Do', value: w.end === null ? `nie podano (liczymy do ${warsawText(effectiveEnd(w))})` : warsawText(w.end) },
          { name: 'Źródło', value: w.source === 'manual' ? 'ogłoszenie operatora' : 'komunikat na stronie usługi' },
        ],
      };
    }
  }
}

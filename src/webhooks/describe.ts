import { DateTime } from 'luxon';
import type { ComponentStatus } from '../domain/types.ts';
import { effectiveEnd } from '../engine/overlays.ts';
import type { IncidentImpact, IncidentState } from '../incidents/types.ts';
import type { WebhookEvent } from './types.ts';
import { isDictKey, translator } from '../web/i18n/index.ts';

// Reason codes are written as the page writes them: no code ever reaches a Polish reader.
const t = translator('pl');
const reasonPl = (code: string): string => {
  const key = `reason.${code}`;
  return isDictKey(key) ? t(key) : t('reason.no_data');
};

/** A chat message (Slack, Teams) for an event, in Polish: operators are CeZ on-call staff. */
export interface EventText {
  title: string;
  /** Paragraphs of plain text (operator text is included as written). */
  lines: string[];
  facts: { name: string; value: string }[];
}

const STATUS: Record<ComponentStatus, string> = {
  operational: 'działa',
  degraded: 'działa wolniej',
  maintenance: 'przerwa techniczna',
  outage: 'awaria',
  unknown: 'nie wiemy (brak aktualnych danych)',
};
const ICON: Record<ComponentStatus, string> = { operational: '✅', degraded: '🟡', maintenance: '🔧', outage: '🔴', unknown: '⚪' };
const STATE: Record<IncidentState, string> = { investigating: 'badamy przyczynę', identified: 'przyczyna ustalona', monitoring: 'obserwujemy', resolved: 'rozwiązany' };
const IMPACT: Record<IncidentImpact, string> = { minor: 'niewielki', major: 'poważny', critical: 'krytyczny' };

/** Europe/Warsaw wall-clock time, e.g. `28.03.2026 22:00`. */
export function warsawText(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'Europe/Warsaw' }).toFormat('dd.MM.yyyy HH:mm');
}

/** Builds the message for an event; `names` maps component ids to Polish names. */
export function describeEvent(event: WebhookEvent, names: ReadonlyMap<string, string>): EventText {
  const name = (id: string): string => names.get(id) ?? id;
  const list = (ids: string[]): string => ids.map(name).join(', ');
  switch (event.type) {
    case 'component.status_changed': {
      const c = event.data.change;
      return {
        title: `${ICON[c.to]} ${name(c.component)}: ${STATUS[c.to]}`,
        lines: [`Było: ${STATUS[c.from]}. Teraz: ${STATUS[c.to]}. ${reasonPl(c.reason)}`, ...(c.rootCause ? [`Prawdopodobna przyczyna: ${name(c.rootCause)}.`] : [])],
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

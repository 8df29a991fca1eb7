import type { ComponentStatus } from '../../domain/types.ts';
import type { TimeFormat } from '../../i18n/format.ts';
import { isDictKey, type Translate } from '../../i18n/index.ts';
import type { ComponentView } from '../../status/status-view.ts';
import { anchorId, safeHttpUrl } from './safe-url.ts';

/** An instant shown as text plus its machine-readable form for `<time datetime>`. */
export interface ShownTime {
  iso: string;
  text: string;
}

/** One component card. */
export interface ComponentCard {
  id: string;
  anchor: string;
  name: string;
  kind: 'service' | 'bank';
  status: ComponentStatus;
  statusText: string;
  since: ShownTime | null;
  checked: ShownTime | null;
  /** Patient-friendly reason, omitted when all is well. */
  reason: string | null;
  cause: string | null;
  /** Which hop of the login path failed, in plain words, when a journey probe found it. */
  step: string | null;
  homepage: string | null;
}

/** Builds the component cards from the public state: status word, its window or since, how fresh the data is, and a reason a patient understands. */
export function componentCards(components: ComponentView[], names: Map<string, string>, t: Translate, fmt: TimeFormat): ComponentCard[] {
  return components.map((c) => ({
    id: c.id,
    anchor: anchorId('c', c.id),
    name: names.get(c.id) ?? c.id,
    kind: c.kind,
    status: c.status,
    statusText: statusText(c, t),
    since: sinceText(c, t, fmt),
    checked: checkedText(c, t, fmt),
    reason: c.status === 'operational' && c.reason === 'ok' ? null : reasonText(c.reason, t),
    cause: causeText(c, components, names, t),
    step: stepText(c, t),
    homepage: safeHttpUrl(c.homepage),
  }));
}

/**
 * The status word by the public meaning. A working bank or service that logins through it cannot
 * use (its root cause is down) says what works, so no green "Działa" stands next to "nie działa".
 */
function statusText(c: ComponentView, t: Translate): string {
  if (loginBlocked(c)) return t(c.kind === 'bank' ? 'meaning.bankWorksLoginBlocked' : 'meaning.serviceWorksLoginBlocked');
  return t(`meaning.${c.meaning}`);
}

function loginBlocked(c: ComponentView): boolean {
  return c.meaning === 'works' && c.rootCause !== null && c.rootCause !== c.id;
}

/** A window's own times when one is behind the status, else since when. */
function sinceText(c: ComponentView, t: Translate, fmt: TimeFormat): ShownTime | null {
  if (!c.since) return null;
  const start = Date.parse(c.since);
  if (c.windowId !== null || c.until !== null) return { iso: c.since, text: t('components.window', { range: fmt.range(start, c.until === null ? null : Date.parse(c.until)) }) };
  return { iso: c.since, text: t('components.since', { time: fmt.at(start) }) };
}

/** "Sprawdzono 2 min temu" only for fresh data; otherwise the age of the last result, so nobody reads old data as now. */
function checkedText(c: ComponentView, t: Translate, fmt: TimeFormat): ShownTime | null {
  if (!c.lastCheckedAt) return null;
  const at = Date.parse(c.lastCheckedAt);
  // A blind monitor's recent runs say nothing about the service: no "checked just now".
  if (c.reason === 'monitor_offline') return { iso: c.lastCheckedAt, text: t('components.blindChecked') };
  return { iso: c.lastCheckedAt, text: c.fresh ? t('components.checked', { ago: fmt.ago(at) }) : t('components.lastResult', { time: fmt.at(at), ago: fmt.ago(at) }) };
}

/** The patient text for a reason code; an unexpected code falls back to the generic "no data" text. */
export function reasonText(reason: string, t: Translate): string {
  const key = `reason.${reason}`;
  return t(isDictKey(key) ? key : 'reason.no_data');
}

/** Names the root cause: as the cause of a failing component, or plainly that logging in through a working one fails. */
function causeText(c: ComponentView, all: ComponentView[], names: Map<string, string>, t: Translate): string | null {
  if (!c.rootCause || c.rootCause === c.id) return null;
  const name = names.get(c.rootCause) ?? c.rootCause;
  if (c.status === 'outage' || c.status === 'maintenance') return t('components.cause', { name });
  const problem = t(`login.problem.${all.find((x) => x.id === c.rootCause)?.status === 'maintenance' ? 'maintenance' : 'outage'}`);
  return t(c.kind === 'bank' ? 'components.bankBlocked' : 'components.serviceBlocked', { name, problem });
}

/** "Logowanie zatrzymuje się na etapie: …" from the journey step's configured name. */
export function stepText(c: Pick<ComponentView, 'journeyStep' | 'status'>, t: Translate): string | null {
  const name = c.journeyStep?.name;
  if (!name || c.status === 'operational') return null;
  return t('components.step', { step: t('locale') === 'en' ? name.en : name.pl });
}

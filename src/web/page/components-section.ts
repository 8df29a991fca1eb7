import type { ComponentStatus } from '../../domain/types.ts';
import type { TimeFormat } from '../i18n/format.ts';
import { isDictKey, type Translate } from '../i18n/index.ts';
import type { ComponentView } from '../status-view.ts';
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

/** Builds the component cards: status word, since, last checked ("2 min temu") and a reason a patient understands. */
export function componentCards(components: ComponentView[], names: Map<string, string>, t: Translate, fmt: TimeFormat): ComponentCard[] {
  return components.map((c) => ({
    id: c.id,
    anchor: anchorId('c', c.id),
    name: names.get(c.id) ?? c.id,
    kind: c.kind,
    status: c.status,
    statusText: t(`status.${c.status}`),
    since: c.since ? { iso: c.since, text: t('components.since', { time: fmt.at(Date.parse(c.since)) }) } : null,
    checked: c.lastCheckedAt ? { iso: c.lastCheckedAt, text: t('components.checked', { ago: fmt.ago(Date.parse(c.lastCheckedAt)) }) } : null,
    reason: c.status === 'operational' && c.reason === 'ok' ? null : reasonText(c.reason, t),
    cause: causeText(c, components, names, t),
    step: stepText(c, t),
    homepage: safeHttpUrl(c.homepage),
  }));
}

/** The patient text for a reason code; an unexpected code falls back to the generic "no data" text. */
export function reasonText(reason: string, t: Translate): string {
  const key = `reason.${reason}`;
  return t(isDictKey(key) ? key : 'reason.no_data');
}

/** Names the root cause: as the cause of a failing component, or as a warning on a working one. */
function causeText(c: ComponentView, all: ComponentView[], names: Map<string, string>, t: Translate): string | null {
  if (!c.rootCause || c.rootCause === c.id) return null;
  const name = names.get(c.rootCause) ?? c.rootCause;
  if (c.status !== 'operational' && c.status !== 'degraded') return t('components.cause', { name });
  const problem = all.find((x) => x.id === c.rootCause)?.status === 'maintenance' ? 'maintenance' : 'outage';
  return t('components.dependsOnFailing', { name, problem: t(`login.problem.${problem}`) });
}

/** "Logowanie zatrzymuje się na etapie: …" from the journey step's configured name. */
export function stepText(c: Pick<ComponentView, 'journeyStep' | 'status'>, t: Translate): string | null {
  const name = c.journeyStep?.name;
  if (!name || c.status === 'operational') return null;
  return t('components.step', { step: t('locale') === 'en' ? name.en : name.pl });
}

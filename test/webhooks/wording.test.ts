import { describe, expect, it } from 'vitest';
import type { ComponentReason, ComponentState, ComponentStatus } from '../../src/domain/types.ts';
import { describeEvent } from '../../src/webhooks/describe.ts';
import { componentChanged } from '../../src/domain/event-builders.ts';
import { FORMATTERS } from '../../src/webhooks/format.ts';
import type { WebhookEvent } from '../../src/webhooks/types.ts';
import { events, NAMES, T, webhook } from './fixtures.ts';

const state = (status: ComponentStatus, reason: ComponentReason): ComponentState => ({ id: 'ikp', status, since: T - 3_600_000, lastCheckedAt: T, reason, rootCause: null });
const change = (from: [ComponentStatus, ComponentReason], to: [ComponentStatus, ComponentReason]): WebhookEvent => componentChanged(state(...from), { ...state(...to), since: T }, T);

describe('component change worded by its public meaning', () => {
  it.each([
    { from: ['operational', 'ok'], to: ['degraded', 'slow'], title: '🟡 IKP: działa wolniej', line: 'Było: działa. Teraz: działa wolniej.' },
    { from: ['operational', 'ok'], to: ['degraded', 'journey_step_failed'], title: '🟠 IKP: działa częściowo', line: 'Było: działa. Teraz: działa częściowo.' },
    { from: ['operational', 'ok'], to: ['degraded', 'page_changed'], title: '❔ IKP: nie możemy sprawdzić', line: 'Było: działa. Teraz: nie możemy sprawdzić.' },
    { from: ['degraded', 'slow'], to: ['unknown', 'blocked'], title: '❔ IKP: nie możemy sprawdzić', line: 'Było: działa wolniej. Teraz: nie możemy sprawdzić.' },
    { from: ['degraded', 'journey_step_failed'], to: ['unknown', 'monitor_offline'], title: '⚪ IKP: brak danych', line: 'Było: działa częściowo. Teraz: brak danych.' },
    { from: ['degraded', 'slow'], to: ['outage', 'timeout'], title: '🔴 IKP: awaria', line: 'Było: działa wolniej. Teraz: awaria.' },
    { from: ['outage', 'timeout'], to: ['operational', 'ok'], title: '✅ IKP: działa', line: 'Było: awaria. Teraz: działa.' },
  ] as const)('when IKP goes from $from to $to, then the title is "$title"', ({ from, to, title, line }) => {
    const text = describeEvent(change([...from], [...to]), NAMES);
    expect(text.title).toBe(title);
    expect(text.lines[0]).toMatch(new RegExp(`^${line.replace(/[.]/g, '\\.')} `));
  });

  it('when a change queued by an older version has no reason for the state it left, then a degraded one claims neither slowness nor a partial failure', () => {
    const event = change(['degraded', 'slow'], ['outage', 'timeout']);
    if (event.type !== 'component.status_changed') throw new Error('unexpected event');
    delete event.data.change.fromReason;
    expect(describeEvent(event, NAMES).lines[0]).toMatch(/^Było: działa z utrudnieniami\. Teraz: awaria\. /);
  });
});

describe('Polish notification text', () => {
  it.each([
    { which: 'component', fact: 'Od', value: '28 marca 2026, 22:00' },
    { which: 'maintenance', fact: 'Od', value: '28 marca 2026, 22:00' },
    // Eight hours later across the spring-forward night: Polish summer time.
    { which: 'maintenance', fact: 'Do', value: '29 marca 2026, 7:00' },
  ] as const)('when a $which event is described, then "$fact" reads "$value" (a Polish date in words)', ({ which, fact, value }) => {
    expect(describeEvent(events()[which], NAMES).facts.find((f) => f.name === fact)?.value).toBe(value);
  });

  const readable = (kind: 'slack' | 'teams', event: WebhookEvent): string => {
    const body = JSON.parse(FORMATTERS[kind]({ webhook: webhook({ kind, secret: undefined }), event, deliveryId: 'd-1', now: T, names: NAMES }).body);
    // Every string a person reads, wherever the format puts it.
    const strings: string[] = [];
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string' && !['type', 'contentType', '$schema', 'version', 'weight', 'size'].includes(key)) strings.push(v);
      else if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(body);
    return strings.join('\n');
  };
  const all = { ...events(), slow: change(['operational', 'ok'], ['degraded', 'slow']), ended: { ...events().maintenance, type: 'maintenance.ended' } as WebhookEvent };

  it.each(['slack', 'teams'] as const)('when any event goes to %s, then its text carries no event code, zone id or numeric date', (kind) => {
    for (const event of Object.values(all)) {
      const text = readable(kind, event);
      expect(text).not.toMatch(/\b(component|incident|maintenance)\.(status_)?(changed|created|updated|resolved|started|ended)\b/);
      expect(text).not.toContain('Europe/Warsaw');
      expect(text).not.toMatch(/\b\d{1,2}\.\d{1,2}\.\d{4}\b/);
    }
  });

  it('when a component change goes to Slack, then its footer names the kind of event in Polish', () => {
    const msg = JSON.parse(FORMATTERS.slack({ webhook: webhook({ kind: 'slack', secret: undefined }), event: all.slow, deliveryId: 'd-1', now: T, names: NAMES }).body);
    expect(msg.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'ikp-status · zmiana stanu usługi' }] });
  });
});

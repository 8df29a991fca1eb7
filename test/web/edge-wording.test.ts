import { describe, expect, it } from 'vitest';
import type { ComponentState, ComponentStatus, MaintenanceWindow } from '../../src/domain/types.ts';
import { timeFormat } from '../../src/i18n/format.ts';
import { translator, type Lang } from '../../src/i18n/index.ts';
import { bannerModel } from '../../src/web/page/banner.ts';
import { componentCards } from '../../src/web/page/components-section.ts';
import { loginSection } from '../../src/web/page/login-section.ts';
import type { PublishInput } from '../../src/web/publish-input.ts';
import { buildStatusView, type StatusView } from '../../src/status/status-view.ts';
import { spStatus } from '../../src/web/statuspage/build.ts';
import { fixtureConfig, T0 } from './fixture.ts';

/**
 * Issue 20, item 10: sentences that stated a falsehood in edge states. Each case builds the public
 * state from engine states and reads what the page and Statuspage JSON say about it.
 */
const config = fixtureConfig();
const names = (lang: Lang): Map<string, string> => new Map(config.components.map((c) => [c.id, c.name[lang]]));

type Over = Record<string, [ComponentStatus, ComponentState['reason'], Partial<ComponentState>?]>;

function view(over: Over, opts: { windows?: MaintenanceWindow[]; checkedAt?: number | null } = {}): StatusView {
  const checkedAt = opts.checkedAt === undefined ? T0 - 5_000 : opts.checkedAt;
  const states = new Map<string, ComponentState>(
    config.components.map((c) => {
      const [status, reason, extra] = over[c.id] ?? ['operational', 'ok'];
      return [c.id, { id: c.id, status, reason, rootCause: null, since: T0 - 600_000, lastCheckedAt: checkedAt, ...extra }];
    }),
  );
  return buildStatusView(config, states, opts.windows ?? [], T0);
}

function page(v: StatusView, lang: Lang = 'pl') {
  const t = translator(lang);
  const fmt = timeFormat(t, T0);
  return {
    banner: bannerModel(v, names(lang), lang, t, fmt),
    logins: loginSection({ view: v, methods: config.loginMethods, names: names(lang), lang, t, fmt }),
    cards: componentCards(v.components, names(lang), t, fmt),
  };
}

/** Every sentence the page shows for this view, in one string. */
function allText(v: StatusView): string {
  const p = page(v);
  return [
    p.banner.title,
    ...p.banner.lines,
    p.banner.you,
    ...p.logins.flatMap((g) => [g.line.worksText, g.line.why ?? '', ...(g.banks ?? []).flatMap((b) => [b.worksText, b.why ?? ''])]),
    ...p.cards.flatMap((c) => [c.statusText, c.reason ?? '', c.cause ?? '']),
  ].join('\n');
}

const loginWindow: MaintenanceWindow = {
  id: 'w-login', source: 'manual', noticeKey: 'w-login', kind: 'maintenance', components: ['login-gov'], start: T0 - 1_800_000, end: T0 + 5_400_000,
  title: 'Przerwa', text: '', link: null, publishedAt: null, firstSeenAt: T0, lastSeenAt: T0, updatedAt: T0, state: 'announced',
};

describe('edge states never produce a false sentence', () => {
  it.each([
    ['the PZ form changed', { 'profil-zaufany': ['degraded', 'page_changed'] }],
    ['the chooser lost the PZ tile while others pass it', { 'login-gov': ['degraded', 'journey_step_failed'] }],
    ['a WAF blocked the PZ journey', { 'profil-zaufany': ['unknown', 'blocked'] }],
    ['an official notice reports trouble the checks do not see', { mojeid: ['degraded', 'outage_notice'] }],
  ] as [string, Over][])('when %s, then nothing on the page says "wolniej" and nothing says everything works', (_what, over) => {
    const text = allText(view(over));
    expect(text).not.toMatch(/wolniej|dłużej/);
    expect(text).not.toContain(translator('pl')('banner.ok.title'));
  });

  it('when a WAF blocks the PZ journey, then the PZ rows say we cannot check them, and the headline says so', () => {
    const p = page(view({ 'profil-zaufany': ['unknown', 'blocked'] }));
    expect(p.banner.kind).toBe('unverified');
    const pz = p.logins.find((g) => g.id === 'profil-zaufany')!;
    expect(pz.line).toMatchObject({ works: null, worksText: 'Nie możemy sprawdzić' });
    expect(pz.line.why).toContain('Nie możemy teraz sprawdzić: Profil Zaufany');
  });

  it('when PZ is measured slow, then "Działa wolniej" is said, for PZ alone', () => {
    const text = allText(view({ 'profil-zaufany': ['degraded', 'slow'] }));
    expect(text).toContain('Działa wolniej: Profil Zaufany.');
  });

  it("when mBank's journey finds mojeID down, then the SGB row blames mojeID, not mBank's login page", () => {
    const v = view({ mojeid: ['outage', 'journey_step_failed', { journeyStep: { probe: 'journey-mojeid-mbank', step: 'bank-login' } }] });
    const mojeid = page(v).logins.find((g) => g.id === 'mojeid')!;
    const sgb = mojeid.banks!.find((b) => b.id === 'mojeid:sgb')!;
    expect(sgb.why).not.toContain('mBank');
    expect(sgb.why).toContain('mojeID');
    // mBank's own row may name the step its journey stopped at.
    expect(mojeid.banks!.find((b) => b.id === 'mojeid:mbank')!.why).toContain('mBanku');
  });

  it('when login.gov.pl is in maintenance and no method works, then the banner does not send patients to "log in another way"', () => {
    const p = page(view({ 'login-gov': ['maintenance', 'maintenance'] }, { windows: [loginWindow] }));
    expect(p.banner.kind).toBe('maintenance');
    expect(p.banner.you).not.toContain('inaczej');
    expect(p.banner.you).toBe(translator('pl')('banner.maintenance.youNoOther'));
  });

  it('when only PZ is down, then the outage banner still points to the methods that work', () => {
    expect(page(view({ 'profil-zaufany': ['outage', 'http_status'] })).banner.you).toBe(translator('pl')('banner.outage.you'));
  });

  it('when PZ is down, then a working PZ bank\u2019s card says the bank works, not a bare "Działa", beside "logowanie … nie działa"', () => {
    const card = page(view({ 'profil-zaufany': ['outage', 'http_status'] })).cards.find((c) => c.id === 'bank:pko-bp')!;
    expect(card.statusText).toBe('Bank działa');
    expect(card.cause).toContain('nie działa');
  });

  it('when the monitor lost connectivity, then the offline banner still says when it last checked', () => {
    const all = Object.fromEntries(config.components.map((c) => [c.id, ['unknown', 'monitor_offline'] as [ComponentStatus, ComponentState['reason']]]));
    const p = page(view(all));
    expect(p.banner.kind).toBe('blind');
    expect(p.banner.lastCheck).toContain(timeFormat(translator('pl'), T0).at(T0 - 5_000));
  });

  it('when nothing was ever checked, then banner and cards both say "no data" and Statuspage says the status is unknown', () => {
    // The engine says no_data before any canary has run (test/engine/evaluate.test.ts).
    const all = Object.fromEntries(config.components.map((c) => [c.id, ['unknown', 'no_data'] as [ComponentStatus, ComponentState['reason']]]));
    const v = view(all, { checkedAt: null });
    const p = page(v);
    expect(p.banner.lines).toContain(translator('pl')('banner.noData.text'));
    expect(p.cards.every((c) => c.reason === translator('pl')('reason.no_data'))).toBe(true);
    const status = spStatus({ view: v } as unknown as PublishInput) as { indicator: string; description: string };
    expect(status.indicator).not.toBe('none');
    expect(status.description).not.toBe('Minor Service Outage');
    expect(status.description).toMatch(/Unknown/);
  });

  it('when the guard fired before any component result, then the banner says the monitor lost connectivity, as the cards do', () => {
    const all = Object.fromEntries(config.components.map((c) => [c.id, ['unknown', 'monitor_offline'] as [ComponentStatus, ComponentState['reason']]]));
    const p = page(view(all, { checkedAt: null }));
    expect(p.banner.lines).toContain(translator('pl')('banner.blind.text'));
    expect(p.banner.lines).not.toContain(translator('pl')('banner.noData.text'));
  });

  it('when an operator forces mojeID down for an hour, then no row claims mojeID is back at the override\u2019s expiry', () => {
    const states = new Map<string, ComponentState>(config.components.map((c) => [c.id, { id: c.id, status: 'operational', reason: 'ok', rootCause: null, since: T0 - 600_000, lastCheckedAt: T0 - 5_000 }]));
    const v = buildStatusView(config, states, [], T0, [], [{ component: 'mojeid', status: 'outage', reason: 'bank mówi, że awaria', createdBy: 'op', createdAt: T0 - 60_000, expiresAt: T0 + 3_600_000 }]);
    const text = allText(v);
    expect(text).toContain('mojeID');
    expect(text).not.toMatch(/\(do \d/);
  });
});

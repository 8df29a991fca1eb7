import { describe, expect, it } from 'vitest';
import type { ComponentState } from '../../src/domain/types.ts';
import { freshness, publicState } from '../../src/status/public-state.ts';
import { fixtureConfig } from '../web/fixture.ts';

const config = fixtureConfig();
const NOW = Date.parse('2026-12-07T14:05:00Z');

/** Every component measured fine 20 s ago: on their own, the checks would say all works. */
function run(recordsUnavailable: boolean | undefined) {
  const states = new Map<string, ComponentState>(
    config.components.map((c) => [c.id, { id: c.id, status: 'operational', reason: 'ok', since: NOW - 600_000, lastCheckedAt: NOW - 20_000, rootCause: null }]),
  );
  return publicState({ now: NOW, components: config.components, loginMethods: config.loginMethods, states, windows: [], incidents: [], overrides: [], ...freshness(config), recordsUnavailable });
}

describe('publicState when the operator records cannot be read', () => {
  it('when the records are unavailable, then nothing is said to work or to be down: blind headline, overall unknown, every component and login row unknown', () => {
    const p = run(true);
    expect(p).toMatchObject({ blind: true, recordsUnavailable: true, banner: 'blind', overall: { status: 'unknown' } });
    expect(p.overall.indicator).not.toBe('none');
    for (const c of p.components) expect(c).toMatchObject({ status: 'unknown', meaning: 'unknown', reason: 'records_unavailable', fresh: false, behind: null });
    for (const l of p.logins) expect(l).toMatchObject({ works: null, meaning: 'unknown', alternatives: null });
    // The measurements themselves are kept: the page still says when the last check ran.
    expect(p.dataAsOf).toBe(NOW - 20_000);
  });

  it.each([undefined, false])('when the records are readable (%s), then the same checks say all works and no flag is set', (flag) => {
    const p = run(flag);
    expect(p.banner).toBe('ok');
    expect(p.blind).toBe(false);
    expect(p.recordsUnavailable).toBeUndefined();
  });
});

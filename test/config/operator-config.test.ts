import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.ts';
import { WEBHOOK_EVENT_TYPES } from '../../src/config/operator-schema.ts';

const BASE = 'components:\n  - { id: ikp, name: { pl: IKP, en: IKP } }\n';
const HASH = 'scrypt$16384$8$1$BwcHBwcHBwcHBwcHBwcHBw$CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk';

describe('operator config sections', () => {
  it('when admin, webhooks and incidents are omitted, then the defaults apply: no tokens, no webhooks, automatic incidents after 10 minutes', () => {
    const config = parseConfigText(BASE, 'test.yaml');
    expect(config.admin).toEqual({ tokens: [], rateLimit: { window: 60_000, max: 120 }, auditKeep: 10_000, scryptPerSecond: 10, console: { idleTimeout: 1_800_000, maxAge: 43_200_000, signInRateLimit: 10 } });
    expect(config.webhooks).toEqual([]);
    expect(config.incidents).toEqual({ autoOpen: true, autoOpenAfter: 600_000 });
  });

  it('when a webhook gives only its id, kind, url and secret, then it subscribes to every event with the default retry policy', () => {
    const config = parseConfigText(`${BASE}webhooks:\n  - { id: ops, kind: generic, url: "https://ops.example.org/h", secret: "sixteen-chars-or-more" }\n`, 'test.yaml');
    expect(config.webhooks[0]).toMatchObject({ events: [...WEBHOOK_EVENT_TYPES], timeout: 5_000, maxAttempts: 6, backoff: 2_000 });
  });

  it('when every operator key is set, then the values are read (durations in ms)', () => {
    const yaml = `${BASE}admin:\n  tokens: [{ name: alice, role: operator, hash: "${HASH}" }]\n  rateLimit: { window: 5m, max: 30 }\n  auditKeep: 500\n  scryptPerSecond: 3\nincidents: { autoOpen: false, autoOpenAfter: 20m }\n`;
    const config = parseConfigText(yaml, 'test.yaml');
    expect(config.admin).toEqual({ tokens: [{ name: 'alice', role: 'operator', hash: HASH }], rateLimit: { window: 300_000, max: 30 }, auditKeep: 500, scryptPerSecond: 3, console: { idleTimeout: 1_800_000, maxAge: 43_200_000, signInRateLimit: 10 } });
    expect(config.incidents).toEqual({ autoOpen: false, autoOpenAfter: 1_200_000 });
  });
});

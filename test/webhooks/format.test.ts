import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attemptOutcome, MAX_RETRY_DELAY_MS, retryDelay } from '../../src/webhooks/backoff.ts';
import { describeEvent } from '../../src/webhooks/describe.ts';
import { FORMATTERS } from '../../src/webhooks/format.ts';
import { signBody, verifySignature } from '../../src/webhooks/sign.ts';
import { events, NAMES, SECRET, T, webhook } from './fixtures.ts';

const input = (kind: 'generic' | 'slack' | 'teams', which: keyof ReturnType<typeof events> = 'incident') => ({
  webhook: webhook(kind === 'generic' ? {} : { kind, secret: undefined }),
  event: events()[which],
  deliveryId: 'd-1',
  now: T + 1_500,
  names: NAMES,
});

describe('generic webhook format', () => {
  it('when an event is formatted, then the body is signed with HMAC-SHA256 of the raw bytes and carries its timestamp', () => {
    const { body, headers } = FORMATTERS.generic(input('generic'));
    const expected = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(body, 'utf8')).digest('hex')}`;
    expect(headers['x-ikp-signature']).toBe(expected);
    expect(verifySignature(SECRET, body, headers['x-ikp-signature'])).toBe(true);
    expect(verifySignature('another-secret-entirely', body, headers['x-ikp-signature'])).toBe(false);
    expect(verifySignature(SECRET, `${body} `, headers['x-ikp-signature'])).toBe(false);
    expect(verifySignature(SECRET, body, undefined)).toBe(false);
    const parsed = JSON.parse(body);
    expect(parsed).toMatchObject({ id: 'incident:inc-1:v1', type: 'incident.created', occurredAt: new Date(T).toISOString(), delivery: 'd-1', data: { incident: { id: 'inc-1' } } });
    expect(String(parsed.timestamp)).toBe(headers['x-ikp-timestamp']);
    expect(headers).toMatchObject({ 'x-ikp-event': 'incident.created', 'x-ikp-event-id': 'incident:inc-1:v1', 'x-ikp-delivery': 'd-1' });
  });

  it('when a body is signed, then the signature is sha256= and 64 hex digits', () => {
    expect(signBody(SECRET, '{}')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});

describe('chat formats', () => {
  it.each(['component', 'incident', 'maintenance'] as const)('when a %s event goes to Slack, then it has fallback text and Block Kit blocks with escaped text', (which) => {
    const msg = JSON.parse(FORMATTERS.slack(input('slack', which)).body);
    const text = describeEvent(events()[which], NAMES);
    expect(msg.text.startsWith(text.title)).toBe(true);
    expect(msg.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: text.title, emoji: true } });
    expect(msg.blocks.at(-1).type).toBe('context');
    expect(JSON.stringify(msg.blocks)).not.toContain('<serwisowe>');
  });

  it('when a maintenance event goes to Slack, then markup characters are escaped', () => {
    const msg = JSON.parse(FORMATTERS.slack(input('slack', 'maintenance')).body);
    expect(msg.blocks[1].text.text).toContain('Prace &lt;serwisowe&gt; &amp; aktualizacja');
  });

  it.each(['component', 'incident', 'maintenance'] as const)('when a %s event goes to Teams, then it is a message with one Adaptive Card', (which) => {
    const msg = JSON.parse(FORMATTERS.teams(input('teams', which)).body);
    expect(msg.type).toBe('message');
    expect(msg.attachments).toHaveLength(1);
    const [att] = msg.attachments;
    expect(att.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(att.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(att.content.body[0]).toMatchObject({ type: 'TextBlock', weight: 'Bolder', text: describeEvent(events()[which], NAMES).title });
    expect(att.content.body.at(-1).type).toBe('FactSet');
  });

  it.each([
    { which: 'component', title: '🔴 IKP: awaria', fact: 'Od' },
    { which: 'incident', title: '📢 Nowy incydent: Awaria e-recept', fact: 'Wpływ' },
    { which: 'maintenance', title: '🔧 Rozpoczęła się przerwa techniczna: Profil Zaufany', fact: 'Do' },
  ] as const)('when a $which event is described, then the Polish title is "$title"', ({ which, title, fact }) => {
    const text = describeEvent(events()[which], NAMES);
    expect(text.title).toBe(title);
    expect(text.facts.map((f) => f.name)).toContain(fact);
  });

  it('when a component change has a root cause, then the message names it', () => {
    expect(describeEvent(events().component, NAMES).lines.join(' ')).toContain('Prawdopodobna przyczyna: login.gov.pl.');
  });
});

describe('retry policy', () => {
  it.each([
    { attempt: 1, random: 0, ms: 500 },
    { attempt: 1, random: 1, ms: 1_000 },
    { attempt: 2, random: 0, ms: 1_000 },
    { attempt: 3, random: 1, ms: 4_000 },
    { attempt: 30, random: 1, ms: MAX_RETRY_DELAY_MS },
    { attempt: 30, random: 0, ms: MAX_RETRY_DELAY_MS / 2 },
  ])('when retry $attempt is scheduled with jitter $random and a 1 s base, then it waits $ms ms', ({ attempt, random, ms }) => {
    expect(retryDelay(attempt, 1_000, () => random)).toBe(ms);
  });

  it.each([
    { status: 200, outcome: 'delivered' },
    { status: 204, outcome: 'delivered' },
    { status: null, outcome: 'retry' },
    { status: 408, outcome: 'retry' },
    { status: 429, outcome: 'retry' },
    { status: 500, outcome: 'retry' },
    { status: 503, outcome: 'retry' },
    { status: 301, outcome: 'give-up' },
    { status: 400, outcome: 'give-up' },
    { status: 404, outcome: 'give-up' },
    { status: 410, outcome: 'give-up' },
  ])('when an endpoint answers $status, then the attempt is $outcome', ({ status, outcome }) => {
    expect(attemptOutcome(status)).toBe(outcome);
  });
});

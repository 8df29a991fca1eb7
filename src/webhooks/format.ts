import type { WebhookConfig } from '../config/operator-schema.ts';
import { describeEvent, type EventText } from './describe.ts';
import { signBody } from './sign.ts';
import type { WebhookEvent } from './types.ts';

/** One HTTP request to a webhook endpoint. */
export interface WebhookRequest {
  body: string;
  headers: Record<string, string>;
}

/** What every formatter gets for one attempt. */
export interface FormatInput {
  webhook: WebhookConfig;
  event: WebhookEvent;
  /** Stable across retries of the same delivery, so receivers can drop repeats. */
  deliveryId: string;
  /** Epoch ms of this attempt. */
  now: number;
  names: ReadonlyMap<string, string>;
}

type Formatter = (input: FormatInput) => WebhookRequest;

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const SLACK_TEXT_MAX = 2_900;

/** Generic JSON, signed: HMAC-SHA256 of the raw body in `X-Ikp-Signature`; the signed body repeats `X-Ikp-Timestamp`. */
function generic({ webhook, event, deliveryId, now }: FormatInput): WebhookRequest {
  const timestamp = Math.floor(now / 1000);
  const body = JSON.stringify({ id: event.id, type: event.type, occurredAt: new Date(event.at).toISOString(), timestamp, delivery: deliveryId, data: event.data });
  return {
    body,
    headers: {
      ...JSON_TYPE,
      'x-ikp-event': event.type,
      'x-ikp-event-id': event.id,
      'x-ikp-delivery': deliveryId,
      'x-ikp-timestamp': String(timestamp),
      'x-ikp-signature': signBody(webhook.secret ?? '', body),
    },
  };
}

/** Slack incoming webhook: `text` for notifications plus Block Kit blocks. */
function slack(input: FormatInput): WebhookRequest {
  const t = describeEvent(input.event, input.names);
  const blocks: object[] = [{ type: 'header', text: { type: 'plain_text', text: cut(t.title, 150), emoji: true } }];
  if (t.lines.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(t.lines.map(slackEscape).join('\n\n'), SLACK_TEXT_MAX) } });
  if (t.facts.length > 0) blocks.push({ type: 'section', fields: t.facts.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: cut(`*${slackEscape(f.name)}*\n${slackEscape(f.value)}`, 2_000) })) });
  // Polish words for the kind of event: the type code is for machines (generic JSON), not for readers.
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `ikp-status · ${slackEscape(t.kind)}` }] });
  return { body: JSON.stringify({ text: cut(plain(t), SLACK_TEXT_MAX), blocks }), headers: { ...JSON_TYPE } };
}

/** Microsoft Teams (incoming webhook or Workflows): a message carrying one Adaptive Card. */
function teams(input: FormatInput): WebhookRequest {
  const t = describeEvent(input.event, input.names);
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: t.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...t.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true })),
      { type: 'FactSet', facts: t.facts.map((f) => ({ title: f.name, value: f.value })) },
    ],
  };
  const message = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
  return { body: JSON.stringify(message), headers: { ...JSON_TYPE } };
}

/** The one place a webhook kind picks its format. */
export const FORMATTERS: Record<WebhookConfig['kind'], Formatter> = { generic, slack, teams };

function plain(t: EventText): string {
  return [t.title, ...t.lines].join('\n');
}

function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, prng, type Gen } from '../helpers/prng.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { at, PESELS, triageConfig } from './fixtures.ts';
import { startHarness, type Harness } from './harness.ts';

const NOW = at('2026-11-22T10:00:00Z');
const RUNS = 5_000;
const SEED = 0x1cb5;

const FIELDS = ['method', 'bank', 'occurredAt', 'symptom', 'errorText', 'profile', 'validUntil', 'confirmedAt', 'extendedAt', 'pesel', '__proto__', 'constructor', ''];
const STRINGS = ['profil-zaufany', 'pz-bank', 'mojeid', 'mobywatel', 'e-dowod', 'unknown', 'mbank', 'bank:mbank', 'pko-bp', 'no-sms-code', 'other', '2024-02-29', '2026-11-22T09:00', '2026-11-22T09:00:00Z', '2030-01-01', '1999-13-45', '2026-02-30', '', ' ', 'null', '<script>alert(1)</script>', 'żółć', '\u0000', '\ud800', '9'.repeat(30)];

function value(r: Gen, depth: number): unknown {
  const k = r();
  if (depth > 4 || k < 0.25) return pick(r, STRINGS);
  if (k < 0.35) return pick(r, [0, -1, 1e308, 3.14, Number.MAX_SAFE_INTEGER, 20270228]);
  if (k < 0.42) return pick(r, [true, false, null]);
  if (k < 0.5) return 'x'.repeat(Math.floor(r() * 20_000));
  if (k < 0.6) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
  return body(r, depth + 1);
}

function body(r: Gen, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(r() * 6);
  for (let i = 0; i < n; i++) out[pick(r, FIELDS)] = value(r, depth);
  if (r() < 0.3) out.profile = { [pick(r, ['validUntil', 'confirmedAt', 'extendedAt', 'x'])]: value(r, depth + 3) };
  return out;
}

/** Plants a PESEL somewhere: a value, a nested value or a key. */
function withPesel(r: Gen, b: Record<string, unknown>): Record<string, unknown> {
  const p = pick(r, PESELS);
  const where = r();
  if (where < 0.4) return { ...b, [pick(r, FIELDS)]: pick(r, [p, `PESEL ${p}`, Number(p)]) };
  if (where < 0.7) return { ...b, profile: { [pick(r, ['validUntil', 'confirmedAt', 'extendedAt'])]: p } };
  if (where < 0.85) return { ...b, deep: [[{ x: p }]] };
  return { ...b, [p]: 1 };
}

interface Req { type: string | null; payload: string; pesel: boolean }

function request(r: Gen): Req {
  const k = r();
  if (k < 0.05) return { type: 'application/json', payload: `${'['.repeat(1 + Math.floor(r() * 7_000))}1`, pesel: false };
  if (k < 0.1) {
    const d = 1 + Math.floor(r() * 3_000);
    return { type: 'application/json', payload: `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`, pesel: false };
  }
  if (k < 0.15) return { type: pick(r, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', null]), payload: 'method=mojeid', pesel: false };
  if (k < 0.2) return { type: pick(r, ['application/json; charset=latin1', 'application/json; charset=utf-16']), payload: '{}', pesel: false };
  const pesel = r() < 0.3;
  const b = pesel ? withPesel(r, body(r)) : body(r);
  let payload = JSON.stringify(b);
  // Invalid JSON: cut it anywhere or break a brace.
  if (r() < 0.1) payload = payload.slice(0, Math.floor(r() * payload.length)) + pick(r, ['', '}', ',', '\\', '"']);
  return { type: 'application/json', payload, pesel };
}

describe('fuzz: POST /api/v1/triage never fails on input', () => {
  let h: Harness;
  let server: WebServer;
  beforeAll(async () => {
    h = await startHarness(triageConfig(), NOW);
    server = await startWebServer(h.app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  it(`when ${RUNS} random and malformed bodies are sent (seed ${SEED}), then every answer is 200, 400, 413 or 415 and no PESEL comes back`, async () => {
    const r = prng(SEED);
    const cases = Array.from({ length: RUNS }, () => request(r));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i]!;
        const res = await fetch(`${server.url}/api/v1/triage`, { method: 'POST', headers: c.type ? { 'content-type': c.type } : {}, body: c.payload });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (![200, 400, 413, 415].includes(res.status)) failures.push(`#${i} → ${res.status}: ${c.payload.slice(0, 120)}`);
        else if (res.status !== 200 && !/"code":"[A-Z_]+"/.test(text)) failures.push(`#${i} → ${res.status} without an error code`);
        if (c.pesel && res.status === 200) failures.push(`#${i} → a PESEL was accepted`);
        if (PESELS.some((p) => text.includes(p))) failures.push(`#${i} → a PESEL was echoed`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(failures).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    // The mix really exercised every outcome.
    for (const s of [200, 400, 413, 415]) expect(statuses.get(s) ?? 0).toBeGreaterThan(0);
    expect(h.logs.join('')).not.toMatch(/unhandled error/);
  }, 120_000);
});

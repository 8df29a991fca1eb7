import type { Meaning } from '../../src/domain/public-state.ts';
import type { ComponentStatus } from '../../src/domain/types.ts';
import { anchorId } from '../../src/web/page/safe-url.ts';

/** /api/v1/status as these tests read it. */
export interface ApiStatus {
  fingerprint: string;
  overall: { status: ComponentStatus; indicator: string };
  monitor: { blind: boolean; stale: boolean };
  components: { id: string; status: ComponentStatus; meaning: Meaning; fresh: boolean; confidence: string; since: string | null; reason: string }[];
  loginMethods: { id: string; method: string; bank: string | null; path: string[]; works: boolean | null; status: ComponentStatus; meaning: Meaning; alternatives: string[] | null }[];
  maintenance: { active: { id: string; components: string[] }[]; upcoming: { id: string; components: string[] }[] };
  incidents: { id: string; state: string }[];
}

/** The parts of POST /api/v1/triage these tests compare. */
export interface TriageAnswer {
  causes: { code: string; advice: { pl: string } }[];
  alternatives: { id: string }[] | null;
  monitor: { blind: boolean };
}

/** Every face read once, with the API read before and after so a moving state can be told apart. */
export interface Sample {
  /** Wall-clock ms when the first read began. */
  at: number;
  before: ApiStatus;
  after: ApiStatus;
  /** The Polish live fragment of the page. */
  fragment: string;
  /** Triage answers by the method asked about (`unknown` and every configured login method). */
  triage: Map<string, TriageAnswer>;
  /** JSON Feed item ids. */
  feedIds: string[];
}

/** Reads the faces of the app at `baseUrl`; each triage request comes from its own forwarded address, so the per-IP limit never answers instead. */
export function faceReader(baseUrl: string, methods: readonly string[]): () => Promise<Sample> {
  let client = 0;
  const get = async (path: string): Promise<string> => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { 'accept-language': 'pl' } });
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return res.text();
  };
  const api = async (): Promise<ApiStatus> => JSON.parse(await get('/api/v1/status')) as ApiStatus;
  const triage = async (method: string): Promise<[string, TriageAnswer]> => {
    client += 1;
    const res = await fetch(`${baseUrl}/api/v1/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'pl', 'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` },
      body: JSON.stringify({ method }),
    });
    if (!res.ok) throw new Error(`triage for ${method} answered ${res.status}: ${await res.text()}`);
    return [method, (await res.json()) as TriageAnswer];
  };
  return async () => {
    const at = Date.now();
    const before = await api();
    const [fragment, answers, feed] = await Promise.all([
      get('/fragment'),
      Promise.all(['unknown', ...methods].map(triage)),
      get('/feed.json').then((b) => JSON.parse(b) as { items: { id: string }[] }),
    ]);
    const after = await api();
    return { at, before, after, fragment, triage: new Map(answers), feedIds: feed.items.map((i) => i.id) };
  };
}

/** The fragment's fingerprint (`data-state`), which the live script compares with the API's. */
export function fragmentState(fragment: string): string | null {
  return /<div id="status-region"[^>]* data-state="([^"]*)"/.exec(fragment)?.[1] ?? null;
}

/** The fragment up to its history section: what it says about now (the history speaks of past days). */
export function fragmentNow(fragment: string): string {
  const at = fragment.indexOf('aria-labelledby="history-heading"');
  return at < 0 ? fragment : fragment.slice(0, at);
}

/** A component card: its status class and its inner HTML, or null when the fragment has none. */
export function card(fragment: string, id: string): { status: string; html: string } | null {
  const m = new RegExp(`<li class="card status-(\\w+)" id="${anchorId('c', id)}">([\\s\\S]*?)</li>`).exec(fragment);
  return m ? { status: m[1]!, html: m[2]! } : null;
}

/** A login method as the fragment shows it: the method line and, for bank methods, one line per bank in order. */
export interface FragmentMethod {
  status: string;
  text: string;
  banks: { status: string; label: string; text: string }[];
}

export function loginMethod(fragment: string, method: string): FragmentMethod | null {
  const start = fragment.indexOf(`id="login-${method}">`);
  if (start < 0) return null;
  const head = fragment.lastIndexOf('<li class="method status-', start);
  const rest = fragment.slice(start);
  const ends = [rest.indexOf('<li class="method '), rest.indexOf('</section>')].filter((i) => i >= 0);
  const block = rest.slice(0, Math.min(...ends));
  const status = /^<li class="method status-(\w+)"/.exec(fragment.slice(head))?.[1] ?? '';
  const text = /<p class="state">[\s\S]*?<strong>([^<]*)<\/strong>/.exec(block)?.[1] ?? '';
  const banks = [...block.matchAll(/<li class="status-(\w+)">[\s\S]*?<strong>([^<]*):<\/strong> ([^<]*?)(?:\. |<\/span>)/g)].map((m) => ({ status: m[1]!, label: m[2]!, text: m[3]! }));
  return { status, text, banks };
}

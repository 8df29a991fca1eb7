import type { LoginMethodConfig } from '../../config/schema.ts';
import type { ComponentStatus } from '../../domain/types.ts';
import type { TimeFormat } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { LoginView, StatusView } from '../../status/status-view.ts';
import { stepText } from './components-section.ts';

/** One line of the login matrix: a method, or one bank of a method. */
export interface LoginLine {
  id: string;
  label: string;
  works: boolean | null;
  /** Icon/status of the line: operational, outage (or maintenance) or unknown. */
  status: ComponentStatus;
  worksText: string;
  /** Root cause sentence when it does not work, or what is unknown. */
  why: string | null;
}

/** One login method with its lines and, when some line fails, what else works. */
export interface LoginGroup {
  id: string;
  name: string;
  /** Null for methods without banks (the group is its own single line). */
  banks: LoginLine[] | null;
  line: LoginLine;
  /** Other methods that work; [] when none does; null when none is asked or we cannot tell (never a claim from no data). */
  alternatives: string[] | null;
}

/** Inputs for the login matrix section. */
export interface LoginSectionInput {
  view: StatusView;
  methods: LoginMethodConfig[];
  names: Map<string, string>;
  lang: 'pl' | 'en';
  t: Translate;
  fmt: TimeFormat;
}

/** Builds "Jak mogę się teraz zalogować?" from the public state's login rows: each method, each bank, causes and alternatives. */
export function loginSection(input: LoginSectionInput): LoginGroup[] {
  const { view, methods, lang } = input;
  const rows = view.loginMethods;
  return methods.filter((m) => rows.some((r) => r.method === m.id)).map((m) => {
    const mine = rows.filter((r) => r.method === m.id);
    const name = m.name[lang];
    const hasBanks = mine.some((r) => r.bank !== null);
    const banks = hasBanks ? mine.map((r) => line(input, r, input.names.get(`bank:${r.bank}`) ?? r.bank ?? r.id)) : null;
    const summary = hasBanks ? groupLine(input, m.id, name, mine) : line(input, mine[0]!, name);
    return { id: m.id, name, banks, line: summary, alternatives: alternativeTexts(input, mine) };
  });
}

/** A bank method as a whole: works everywhere (maybe slower), nowhere, or only in some banks. */
function groupLine(input: LoginSectionInput, id: string, label: string, rows: LoginView[]): LoginLine {
  const working = rows.filter((r) => r.works === true);
  const broken = rows.filter((r) => r.works === false).length;
  const slow = working.some((r) => r.meaning === 'slow');
  const [status, key]: [ComponentStatus, WorksKey] =
    working.length === rows.length
      ? slow ? ['degraded', 'slow'] : ['operational', 'true']
      : working.length > 0
        ? ['degraded', 'some']
        : broken > 0
          ? [rows.every((r) => r.works !== false || r.status === 'maintenance') ? 'maintenance' : 'outage', 'false']
          : rows.some((r) => r.meaning === 'unverified') ? ['unknown', 'unverified'] : ['unknown', 'null'];
  return { id, label, works: key === 'true' || key === 'slow' ? true : key === 'false' ? false : null, status, worksText: input.t(`login.works.${key}`), why: null };
}

type WorksKey = 'true' | 'slow' | 'false' | 'null' | 'some' | 'unverified';

// The row's public meaning in words: "wolniej" only for measured slowness, "nie możemy sprawdzić" for a blocked check.
const WORKS_KEY: Record<LoginView['meaning'], WorksKey> = {
  works: 'true',
  slow: 'slow',
  partial: 'true',
  outage: 'false',
  maintenance: 'false',
  unverified: 'unverified',
  unknown: 'null',
};

function line(input: LoginSectionInput, row: LoginView, label: string): LoginLine {
  const { t } = input;
  const status: ComponentStatus = row.works === true ? (row.meaning === 'slow' ? 'degraded' : 'operational') : row.works === false ? (row.status === 'maintenance' ? 'maintenance' : 'outage') : 'unknown';
  return { id: row.id, label, works: row.works, status, worksText: t(`login.works.${WORKS_KEY[row.meaning]}`), why: whyText(input, row, label) };
}

/** "Logowanie przez X nie działa, bo Y ma przerwę techniczną (do 23:00)." or what is unknown or slow. */
function whyText(input: LoginSectionInput, row: LoginView, label: string): string | null {
  const { t, view, fmt, names } = input;
  const on = (meaning: LoginView['meaning']): string => row.path.filter((id) => view.components.find((c) => c.id === id)?.meaning === meaning).map((id) => names.get(id) ?? id).join(', ');
  if (row.works === true) return row.meaning === 'slow' ? t('login.slow', { list: on('slow') }) : null;
  if (row.works === null) {
    if (view.public.blind) return t('login.unknownAll');
    if (row.meaning === 'unverified') return t('login.unverified', { list: on('unverified') });
    return t('login.unknown', { list: row.unknownOn.map((id) => names.get(id) ?? id).join(', ') });
  }
  // A journey names the hop where logging in stops, which says more than "X has an outage", but only
  // for rows that journey walked: mBank's journey stopping at mojeID says nothing about SGB's page.
  const blocker = view.components.find(
    (c) => row.path.includes(c.id) && (c.status === 'outage' || c.status === 'maintenance') && c.journeyStep?.name && (c.journeyStep.journeyOf === null || row.path.includes(c.journeyStep.journeyOf)),
  );
  const step = blocker ? stepText(blocker, t) : null;
  if (step !== null) return row.bank === null ? `${t('login.blockedMethodAtStep')} ${step}` : `${t('login.blockedAtStep', { what: label })} ${step}`;
  const cause = row.blockedBy ?? row.path[0] ?? '';
  const causeStatus = view.components.find((c) => c.id === cause)?.status;
  const problem = causeStatus === 'maintenance' ? 'maintenance' : 'outage';
  const until = row.until ? t('login.until', { until: fmt.at(Date.parse(row.until)) }) : '';
  // Method names do not decline in Polish ("przez aplikacja mObywatel"), so method lines avoid naming the method.
  const key = row.bank === null ? 'login.blockedMethod' : cause === `bank:${row.bank}` ? 'login.blockedBank' : 'login.blocked';
  return `${t(key, { what: label, cause: names.get(cause) ?? cause, problem: t(`login.problem.${problem}`) })}${until}.`;
}

/**
 * What else works, from the public state: shown only when some row of this method does not work.
 * null when every row works, or when the public state cannot tell (blind, stale, others unknown).
 */
function alternativeTexts(input: LoginSectionInput, mine: LoginView[]): string[] | null {
  const { methods, names, lang, t, view } = input;
  const failing = mine.filter((r) => r.works !== true);
  if (failing.length === 0 || failing.some((r) => r.alternatives === null)) return null;
  const ids = new Set(failing.flatMap((r) => r.alternatives ?? []));
  const byMethod = new Map<string, LoginView[]>();
  for (const r of view.loginMethods) if (ids.has(r.id)) byMethod.set(r.method, [...(byMethod.get(r.method) ?? []), r]);
  return [...byMethod].map(([method, list]) => {
    const name = methods.find((m) => m.id === method)?.name[lang] ?? method;
    const banks = list.filter((r) => r.bank !== null).map((r) => names.get(`bank:${r.bank}`) ?? r.bank ?? '');
    return banks.length > 0 ? t('login.viaBanks', { method: name, banks: banks.join(', ') }) : name;
  });
}

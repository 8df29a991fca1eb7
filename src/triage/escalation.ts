import type { Config } from '../config/schema.ts';
import { en } from './i18n/en.ts';
import { pl } from './i18n/pl.ts';
import { causeTitle } from './cause-title.ts';
import { humanDates } from './human-dates.ts';
import { profileText } from './profile-text.ts';
import { EXPLAINS } from './causes.ts';
import type { Cause, CauseCode, Escalation, ProfileVerdict, TriageInput, TriageWorld } from './types.ts';

/** The IKP helpdesk mailbox (DESIGN.md §2). */
export const HELPDESK_EMAIL = 'ikp-pomoc@cez.gov.pl';
const HELPDESK_PHONE = '19 239';
// Every other cause is known (an outage, a break, an expired profile): waiting or the patient's own step fixes it, not a ticket.
const TICKET_WORTHY = new Set<CauseCode>(['MONITOR_BLIND', 'NO_KNOWN_CAUSE', 'PZ_EXPIRING_SOON']);

type Lang = 'pl' | 'en';
const LINES = {
  pl: {
    subject: 'IKP: nie mogę się zalogować',
    hello: 'Dzień dobry,\nnie mogę zalogować się do Internetowego Konta Pacjenta.',
    method: 'Metoda logowania',
    bank: 'Bank',
    time: 'Czas (czas polski)',
    symptom: 'Objaw',
    message: 'Rodzaj komunikatu (rozpoznany automatycznie, bez treści)',
    profile: 'Profil Zaufany',
    causes: 'Prawdopodobne przyczyny wg ikp-status',
    ruledOut: 'Wykluczone (działały w tym czasie)',
    none: 'brak',
    privacy: 'Celowo nie podaję numeru PESEL, haseł, kodów SMS ani danych o zdrowiu.',
  },
  en: {
    subject: 'IKP: I cannot log in',
    hello: 'Hello,\nI cannot log in to the Internet Patient Account.',
    method: 'Login method',
    bank: 'Bank',
    time: 'Time (Europe/Warsaw)',
    symptom: 'Symptom',
    message: 'Kind of message (recognised automatically, text not included)',
    profile: 'Trusted Profile',
    causes: 'Likely causes according to ikp-status',
    ruledOut: 'Ruled out (working at that time)',
    none: 'none',
    privacy: 'I am deliberately not including my PESEL, passwords, SMS codes or health data.',
  },
} as const;

function methodName(config: Config, input: TriageInput, lang: Lang): string {
  const dict = lang === 'pl' ? pl : en;
  return config.loginMethods.find((m) => m.id === input.method)?.name[lang] ?? dict.form.methods[input.method];
}

function componentName(config: Config, id: string, lang: Lang): string {
  return config.components.find((c) => c.id === id)?.name[lang] ?? id;
}

/**
 * The report text for one language. Built only from codes, config names and dates: the patient's
 * own error text is never included (only its keyword classes), so no PESEL, password, SMS code or
 * health detail can leak into it.
 */
function reportText(config: Config, input: TriageInput, world: TriageWorld, causes: Cause[], verdict: ProfileVerdict | null, checked: string[], lang: Lang): string {
  const l = LINES[lang];
  const dict = lang === 'pl' ? pl : en;
  const dates = humanDates(lang);
  const names = new Map(config.components.map((c) => [c.id, c.name[lang]]));
  // Ruled out only what the public state says works (not slow, partial or unchecked).
  const works = new Set(world.public.components.filter((c) => c.meaning === 'works').map((c) => c.id));
  const ruledOut = checked.filter((id) => works.has(id)).map((id) => componentName(config, id, lang));
  const lines = [
    l.hello,
    '',
    `- ${l.method}: ${methodName(config, input, lang)}`,
    ...(input.bank ? [`- ${l.bank}: ${componentName(config, `bank:${input.bank}`, lang)}`] : []),
    `- ${l.time}: ${dates.at(input.occurredAt)}`,
    ...(input.symptom ? [`- ${l.symptom}: ${dict.form.symptoms[input.symptom]}`] : []),
    // Codes never reach the reader: every class and cause is written in words of the message's language.
    ...(input.errorTextClasses.length > 0 ? [`- ${l.message}: ${input.errorTextClasses.map((c) => dict.classes[c]).join(', ')}`] : []),
    ...(verdict ? [`- ${l.profile}: ${profileText(verdict)[lang]}`] : []),
    // "We do not know the cause" has no confidence to speak of: it is said plainly.
    `- ${l.causes}: ${causes.map((c) => (c.code === 'NO_KNOWN_CAUSE' ? dict.causes[c.code] : `${causeTitle(c, lang, names)} (${dict.confidence} ${Math.round(c.confidence * 100)}%)`)).join('; ')}`,
    `- ${l.ruledOut}: ${ruledOut.length > 0 ? ruledOut.join(', ') : l.none}`,
    '',
    l.privacy,
  ];
  return lines.join('\n');
}

/** The ready-to-send escalation: text and mailto: in both languages, and whether a ticket is worth it. */
export function buildEscalation(config: Config, input: TriageInput, world: TriageWorld, causes: Cause[], verdict: ProfileVerdict | null, checked: string[]): Escalation {
  const first = causes[0];
  const recommended = first === undefined || TICKET_WORTHY.has(first.code) || first.confidence < EXPLAINS;
  const subject = {
    pl: `${LINES.pl.subject} (${humanDates('pl').at(input.occurredAt)})`,
    en: `${LINES.en.subject} (${humanDates('en').at(input.occurredAt)})`,
  };
  const text = {
    pl: reportText(config, input, world, causes, verdict, checked, 'pl'),
    en: reportText(config, input, world, causes, verdict, checked, 'en'),
  };
  const mailto = (lang: Lang): string => `mailto:${HELPDESK_EMAIL}?subject=${encodeURIComponent(subject[lang])}&body=${encodeURIComponent(text[lang])}`;
  return { recommended, to: HELPDESK_EMAIL, phone: HELPDESK_PHONE, subject, text, mailto: { pl: mailto('pl'), en: mailto('en') } };
}

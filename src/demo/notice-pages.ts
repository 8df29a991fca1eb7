import { DateTime } from 'luxon';
import type { DemoNoticeId } from './scenarios.ts';

const ZONE = 'Europe/Warsaw';

/** A notice as the simulated sites publish it. */
interface DemoNotice {
  title: string;
  text: string;
  href: string;
  published: string;
}

/** The pacjent.gov.pl maintenance banner: a window from the current hour for two hours, published now. */
export function ikpMaintenanceNotice(now: number): DemoNotice {
  const t = DateTime.fromMillis(now, { zone: ZONE });
  const from = t.hour;
  const to = (from + 2) % 24;
  return {
    title: 'Przerwa techniczna w Internetowym Koncie Pacjenta',
    text: `Dziś w godz. ${from}:00–${to}:00 Internetowe Konto Pacjenta będzie niedostępne z powodu prac serwisowych. Przepraszamy za utrudnienia.`,
    href: '/pacjent/komunikaty/przerwa-techniczna',
    published: t.startOf('hour').toISO()!,
  };
}

/** An mBank notice: tomorrow night's maintenance of internet banking (and so of mojeID logins). */
export function bankMaintenanceNotice(now: number): DemoNotice {
  const t = DateTime.fromMillis(now, { zone: ZONE });
  const night = t.plus({ days: 1 });
  const morning = night.plus({ days: 1 }).setLocale('pl');
  return {
    title: 'Prace serwisowe w bankowości internetowej',
    // Genitive month name ("listopada"), as Polish notices write dates.
    text: `W nocy z ${night.day} na ${morning.toFormat('d MMMM')} w godz. 23:00–4:00 logowanie do mBanku i przez mBank (mojeID) będzie niedostępne.`,
    href: '/bank/mbank/komunikaty/prace-serwisowe',
    published: t.startOf('hour').toISO()!,
  };
}

/** Renders a notice list the way the configured CSS selectors expect it. */
export function noticeList(notices: DemoNotice[]): string {
  const items = notices
    .map((n) => `<article class="komunikat"><h2>${n.title}</h2><time datetime="${n.published}"></time><p>${n.text}</p><a href="${n.href}">Szczegóły</a></article>`)
    .join('');
  return `<section class="komunikaty" aria-label="Komunikaty">${items}</section>`;
}

/** Every notice a scenario can publish, made fresh for the current time. */
export const DEMO_NOTICES: Record<DemoNoticeId, (now: number) => DemoNotice> = {
  'ikp-maintenance': ikpMaintenanceNotice,
  'bank-mbank-maintenance': bankMaintenanceNotice,
};

import type { IncidentImpact, LocalizedText } from './types.ts';

/**
 * The public meaning (domain/public-state.ts) a template's words describe. Words are chosen by
 * meaning: "wolniej" is for measured slowness alone, a partial failure has its own template.
 */
export type TemplateMeaning = 'outage' | 'maintenance' | 'partial' | 'slow';

/** A ready-made incident text operators start from at 3 a.m.; components are filtered to the configured ones. */
export interface IncidentTemplate {
  id: string;
  meaning: TemplateMeaning;
  title: LocalizedText & { en: string };
  body: LocalizedText & { en: string };
  impact: IncidentImpact;
  components: string[];
}

/** The shipped templates, for the failures the Ministry lists as the usual reasons logins fail. */
export const INCIDENT_TEMPLATES: readonly IncidentTemplate[] = [
  {
    id: 'pz-outage',
    meaning: 'outage',
    title: { pl: 'Awaria Profilu Zaufanego', en: 'Trusted Profile outage' },
    body: {
      pl: 'Logowanie Profilem Zaufanym nie działa. Zaloguj się przez mojeID w swoim banku, aplikację mObywatel albo e-dowód. Pracujemy nad wyjaśnieniem przyczyny.',
      en: 'Signing in with the Trusted Profile does not work. Sign in with mojeID in your bank, the mObywatel app or an e-ID card. We are looking into the cause.',
    },
    impact: 'major',
    components: ['profil-zaufany'],
  },
  {
    id: 'ikp-maintenance',
    meaning: 'maintenance',
    title: { pl: 'Prace serwisowe IKP', en: 'IKP maintenance' },
    body: {
      pl: 'Trwają prace serwisowe Internetowego Konta Pacjenta. W tym czasie logowanie może nie działać. Spróbuj ponownie po ich zakończeniu.',
      en: 'Maintenance of the Internet Patient Account is in progress. Signing in may not work meanwhile. Try again when it ends.',
    },
    impact: 'major',
    components: ['ikp'],
  },
  {
    id: 'login-gov-outage',
    meaning: 'outage',
    title: { pl: 'Awaria login.gov.pl', en: 'login.gov.pl outage' },
    body: {
      pl: 'Węzeł Krajowy (login.gov.pl) nie działa, więc nie działa żaden sposób logowania do IKP. Spróbuj później.',
      en: 'The national login node (login.gov.pl) is down, so no way of signing in to IKP works. Try again later.',
    },
    impact: 'critical',
    components: ['login-gov'],
  },
  {
    id: 'partial-login',
    meaning: 'partial',
    title: { pl: 'Część sposobów logowania nie działa', en: 'Some ways of signing in do not work' },
    body: {
      pl: 'Część sposobów logowania do IKP nie działa, inne działają. Sprawdź na tej stronie, który sposób logowania działa teraz, i zaloguj się nim. Pracujemy nad wyjaśnieniem przyczyny.',
      en: 'Some ways of signing in to IKP do not work while others do. Check this page for a way of signing in that works now and use it. We are looking into the cause.',
    },
    impact: 'minor',
    components: [],
  },
  {
    // Only for measured slowness: a partial failure is not "wolniej" (use partial-login).
    id: 'slow-login',
    meaning: 'slow',
    title: { pl: 'Logowanie działa wolniej', en: 'Signing in is slow' },
    body: {
      pl: 'Logowanie do IKP trwa dłużej niż zwykle. Poczekaj kilka minut i nie odświeżaj strony w trakcie logowania.',
      en: 'Signing in to IKP takes longer than usual. Wait a few minutes and do not reload the page while signing in.',
    },
    impact: 'minor',
    components: ['ikp'],
  },
];

/** The templates whose words fit a public meaning, e.g. `slow-login` only for `slow`. */
export function templatesFor(meaning: string): IncidentTemplate[] {
  return INCIDENT_TEMPLATES.filter((t) => t.meaning === meaning);
}

/** A template by id, with its components narrowed to those configured; null when unknown. */
export function incidentTemplate(id: string, known: ReadonlySet<string>): IncidentTemplate | null {
  const t = INCIDENT_TEMPLATES.find((x) => x.id === id);
  return t ? { ...t, components: t.components.filter((c) => known.has(c)) } : null;
}

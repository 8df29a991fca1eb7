import type { IncidentImpact, LocalizedText } from './types.ts';

/** A ready-made incident text operators start from at 3 a.m.; components are filtered to the configured ones. */
export interface IncidentTemplate {
  id: string;
  title: LocalizedText & { en: string };
  body: LocalizedText & { en: string };
  impact: IncidentImpact;
  components: string[];
}

/** The shipped templates, for the failures the Ministry lists as the usual reasons logins fail. */
export const INCIDENT_TEMPLATES: readonly IncidentTemplate[] = [
  {
    id: 'pz-outage',
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
    title: { pl: 'Awaria login.gov.pl', en: 'login.gov.pl outage' },
    body: {
      pl: 'Węzeł Krajowy (login.gov.pl) nie działa, więc nie działa żaden sposób logowania do IKP. Spróbuj później.',
      en: 'The national login node (login.gov.pl) is down, so no way of signing in to IKP works. Try again later.',
    },
    impact: 'critical',
    components: ['login-gov'],
  },
  {
    id: 'slow-login',
    title: { pl: 'Logowanie działa wolniej', en: 'Signing in is slow' },
    body: {
      pl: 'Logowanie do IKP trwa dłużej niż zwykle. Poczekaj kilka minut i nie odświeżaj strony w trakcie logowania.',
      en: 'Signing in to IKP takes longer than usual. Wait a few minutes and do not reload the page while signing in.',
    },
    impact: 'minor',
    components: ['ikp'],
  },
];

/** A template by id, with its components narrowed to those configured; null when unknown. */
export function incidentTemplate(id: string, known: ReadonlySet<string>): IncidentTemplate | null {
  const t = INCIDENT_TEMPLATES.find((x) => x.id === id);
  return t ? { ...t, components: t.components.filter((c) => known.has(c)) } : null;
}

import { atSentenceStart, englishList, polishList } from '../domain/polish-text.ts';
import { writtenDateTime } from '../domain/written-dates.ts';
import type { IncidentImpact } from './types.ts';

/**
 * The public meanings (domain/public-state.ts) an automatic incident can describe. Each has its
 * own words: "wolniej" belongs to measured slowness alone, a partial failure says that some ways
 * of signing in do not work. Today the planner (auto.ts) opens incidents for outages only.
 */
export type AutoIncidentKind = 'outage' | 'partial' | 'slow';

/** A component's names as configured. */
export interface Names {
  pl: string;
  en: string;
}

/** Title, first post and impact of an automatic incident, in both languages. */
export interface AutoIncidentText {
  title: { pl: string; en: string };
  body: { pl: string; en: string };
  impact: IncidentImpact;
}

const IMPACT: Record<AutoIncidentKind, IncidentImpact> = { outage: 'major', partial: 'minor', slow: 'minor' };

/**
 * The words of a new automatic incident about `root` (and the components down because of it).
 * Faces print the impact before the title ("Poważna awaria: …"), so a title never repeats it.
 */
export function autoIncidentText(kind: AutoIncidentKind, root: Names, dependants: Names[], since: number): AutoIncidentText {
  const when = { pl: writtenDateTime(since, 'pl'), en: writtenDateTime(since, 'en') };
  const detected = { pl: 'Wykryliśmy to automatycznie i sprawdzamy przyczynę.', en: 'We detected this automatically and are looking into the cause.' };
  switch (kind) {
    case 'outage': {
      const also = dependants.length === 0 ? null : { pl: polishList(dependants.map((d) => d.pl)), en: englishList(dependants.map((d) => d.en)) };
      return {
        title: { pl: `${atSentenceStart(root.pl)} nie działa`, en: `${root.en} is down` },
        body: {
          pl: [`${atSentenceStart(root.pl)} nie działa od ${when.pl}.`, ...(also ? [`Przez to nie działa też: ${also.pl}.`] : []), detected.pl].join(' '),
          en: [`${root.en} has been down since ${when.en}.`, ...(also ? [`Because of it, these do not work either: ${also.en}.`] : []), detected.en].join(' '),
        },
        impact: IMPACT[kind],
      };
    }
    case 'partial':
      return {
        title: { pl: 'Część sposobów logowania nie działa', en: 'Some ways of signing in do not work' },
        body: {
          pl: `Od ${when.pl} część sposobów logowania nie działa, inne działają. Dotyczy: ${root.pl}. ${detected.pl} Sprawdź na stronie, który sposób logowania teraz działa.`,
          en: `Since ${when.en} some ways of signing in do not work while others do. Affected: ${root.en}. ${detected.en} Check the page for a way of signing in that works now.`,
        },
        impact: IMPACT[kind],
      };
    case 'slow':
      return {
        title: { pl: 'Logowanie działa wolniej', en: 'Signing in is slow' },
        body: {
          pl: `Od ${when.pl} logowanie trwa dłużej niż zwykle. Dotyczy: ${root.pl}. ${detected.pl}`,
          en: `Since ${when.en} signing in takes longer than usual. Affected: ${root.en}. ${detected.en}`,
        },
        impact: IMPACT[kind],
      };
  }
}

/** The post that resolves an automatic incident once every component on it works again. */
export function autoRecoveredText(components: Names[]): { pl: string; en: string } {
  if (components.length === 0) return { pl: 'Usługa znów działa. Wykryliśmy to automatycznie.', en: 'The service works again. We detected this automatically.' };
  const pl = polishList(components.map((c) => c.pl));
  const en = englishList(components.map((c) => c.en));
  const many = components.length > 1;
  return {
    pl: `${atSentenceStart(pl)} znów ${many ? 'działają' : 'działa'}. Wykryliśmy to automatycznie.`,
    en: `${en} ${many ? 'work' : 'works'} again. We detected this automatically.`,
  };
}

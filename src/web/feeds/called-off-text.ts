import type { Lang } from '../../i18n/index.ts';
import type { WindowView } from '../../status/window-view.ts';

type How = 'cancelled' | 'withdrawn';
type Kind = WindowView['kind'];

/** Feed wording for called-off windows, by language, how it was called off and the window's kind. */
interface Words {
  /** The item that announces the call-off. */
  entry: Record<How, Record<Kind, string>>;
  /** The original announcement's title, rewritten so a reader's refreshed copy no longer reads as planned. */
  original: Record<How, Record<Kind, string>>;
  /** The sentence saying when it stopped counting. */
  status: Record<How, Record<Kind, string>>;
}

// Kept beside the feed rather than in the shared dictionaries: only the feeds speak of call-offs.
const WORDS: Record<Lang, Words> = {
  pl: {
    entry: {
      cancelled: { maintenance: 'Odwołano przerwę techniczną: {what} ({when})', outage: 'Odwołano komunikat o awarii: {what} ({when})' },
      withdrawn: { maintenance: 'Wycofano zapowiedź przerwy technicznej: {what} ({when})', outage: 'Wycofano komunikat o awarii: {what} ({when})' },
    },
    original: {
      cancelled: { maintenance: 'Przerwa techniczna (odwołana): {what} ({when})', outage: 'Ogłoszona awaria (komunikat odwołany): {what} ({when})' },
      withdrawn: { maintenance: 'Przerwa techniczna (zapowiedź wycofana): {what} ({when})', outage: 'Ogłoszona awaria (komunikat wycofany): {what} ({when})' },
    },
    status: {
      cancelled: {
        maintenance: 'Przerwę odwołano {at}. Nie uwzględniamy jej już w stanie usług.',
        outage: 'Komunikat o awarii odwołano {at}. Nie uwzględniamy go już w stanie usług.',
      },
      withdrawn: {
        maintenance: 'Źródło wycofało zapowiedź tej przerwy {at}. Nie uwzględniamy jej już w stanie usług.',
        outage: 'Źródło wycofało ten komunikat o awarii {at}. Nie uwzględniamy go już w stanie usług.',
      },
    },
  },
  en: {
    entry: {
      cancelled: { maintenance: 'Maintenance cancelled: {what} ({when})', outage: 'Outage notice cancelled: {what} ({when})' },
      withdrawn: { maintenance: 'Maintenance announcement withdrawn: {what} ({when})', outage: 'Outage notice withdrawn: {what} ({when})' },
    },
    original: {
      cancelled: { maintenance: 'Maintenance (cancelled): {what} ({when})', outage: 'Announced outage (notice cancelled): {what} ({when})' },
      withdrawn: { maintenance: 'Maintenance (announcement withdrawn): {what} ({when})', outage: 'Announced outage (notice withdrawn): {what} ({when})' },
    },
    status: {
      cancelled: {
        maintenance: 'The maintenance was cancelled on {at}. It no longer counts in the status of the services.',
        outage: 'The outage notice was cancelled on {at}. It no longer counts in the status of the services.',
      },
      withdrawn: {
        maintenance: 'The source withdrew this maintenance announcement on {at}. It no longer counts in the status of the services.',
        outage: 'The source withdrew this outage notice on {at}. It no longer counts in the status of the services.',
      },
    },
  },
};

/** One phrase with its {placeholders} filled in. */
export function calledOffText(lang: Lang, part: keyof Words, w: Pick<WindowView, 'kind'> & { calledOff: { how: How } }, params: Record<string, string>): string {
  const template = WORDS[lang][part][w.calledOff.how][w.kind];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

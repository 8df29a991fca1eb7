/* The keyword table and the mentions found with it, shared by the attribution rules (components.ts, cooperative.ts). */

/** componentId -> keywords; ids of banks are given in full ("bank:pko-bp"). */
export type KeywordTable = Readonly<Record<string, readonly string[]>>;

/** A keyword found in the text. `rank` breaks ties between equal spans: lower wins. */
export interface Mention {
  id: string;
  start: number;
  end: number;
  phrase: string;
  rank: number;
}

import type { pl } from './pl.ts';

/** A key of the UI dictionaries: the Polish dictionary is the reference. */
export type DictKey = keyof typeof pl;
/** The shape every dictionary has: exactly the Polish keys. */
export type Dict = Record<DictKey, string>;

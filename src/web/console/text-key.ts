import type { pl } from './text-pl.ts';

/** A key of the console's dictionaries: the Polish one is the reference. */
export type ConsoleKey = keyof typeof pl;

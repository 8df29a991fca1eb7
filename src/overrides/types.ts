/** The override record lives in domain/ (the store keeps it); re-exported for the feature's code. */
export type { Override } from '../domain/overrides.ts';

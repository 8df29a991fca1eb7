/** The reclassification record lives in domain/ (the store keeps it); re-exported for the feature's code. */
export type { Reclassification } from '../domain/reclassification.ts';

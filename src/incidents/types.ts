/** Incident model: the records live in domain/ (the store keeps them); re-exported for the feature's code. */
export * from '../domain/incidents.ts';

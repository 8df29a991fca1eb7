/** The audit record lives in domain/ (the store keeps it); re-exported for the feature's code. */
export * from '../domain/audit.ts';

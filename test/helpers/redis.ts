import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the redis-server started by test/setup/global.ts. */
    redisUrl: string;
    /** Path of the redis-server binary, for tests that start more processes. */
    redisServerBin: string;
  }
}

/** URL of the shared test Redis (started once per run by the global setup). */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A random key prefix so parallel test files never see each other's keys. */
export function uniquePrefix(): string {
  return `test-${randomBytes(6).toString('hex')}:`;
}

import { hashToken } from '../../src/domain/token-hash.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { testConfig } from './config.ts';
import { testRedisUrl, uniquePrefix } from './redis.ts';

/** Two in-process replicas on the test Redis (own key prefix), not probing, with one operator token. */
export async function startReplicaPair(operatorToken: string): Promise<{ a: RunningApp; b: RunningApp; stop(): Promise<void> }> {
  const config = testConfig({
    server: { port: 0, host: '127.0.0.1' },
    store: { redisUrl: testRedisUrl(), keyPrefix: uniquePrefix(), snapshotFile: '' },
    admin: { tokens: [{ name: 'alice', role: 'operator', hash: await hashToken(operatorToken) }] },
    incidents: { autoOpen: false },
  });
  const a = await startApp(config, { logger: createLogger('silent'), probing: false });
  const b = await startApp(config, { logger: createLogger('silent'), probing: false });
  return { a, b, stop: async () => void (await Promise.all([a.stop(), b.stop()])) };
}

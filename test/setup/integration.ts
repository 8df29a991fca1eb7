import type { TestProject } from 'vitest/node';
import { ensureDebianBinary } from '../helpers/debian.ts';
import { startLaneRedis } from './redis-server.ts';

/** Global setup of the integration lane: redis-server (installed when missing), started once for the lane. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  return startLaneRedis(project, await ensureDebianBinary('redis-server', 'redis-server'));
}

import type { TestProject } from 'vitest/node';
import { ensureDebianPackages, findBinary, type DebianNeed } from '../helpers/debian.ts';
import { startLaneRedis } from './redis-server.ts';

/**
 * Everything the system lane's files start, installed here once (one apt-get run) so parallel
 * files never race for the dpkg lock: redis-server (replica and shutdown tests), Prometheus and
 * promtool (test/ops, test/standards), Debian's Chromium (test/browser, faces, the journey
 * browser runner), iproute2's `ip` (the offline test's namespace), Compose v1 and the python3
 * validators (test/standards), checked through a file each package installs.
 */
const NEEDS: readonly DebianNeed[] = [
  { bin: 'redis-server', pkg: 'redis-server' },
  { bin: 'promtool', pkg: 'prometheus' },
  { bin: 'prometheus', pkg: 'prometheus' },
  { bin: 'chromium', pkg: 'chromium' },
  { bin: 'ip', pkg: 'iproute2' },
  { bin: 'docker-compose', pkg: 'docker-compose' },
  { file: '/usr/lib/python3/dist-packages/feedparser/__init__.py', pkg: 'python3-feedparser' },
  { file: '/usr/lib/python3/dist-packages/icalendar/__init__.py', pkg: 'python3-icalendar' },
];

/** Global setup of the system lane: installs what is missing, then starts the lane's redis-server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureDebianPackages(NEEDS);
  const redis = await findBinary('redis-server');
  if (!redis) throw new Error('redis-server is missing after its Debian package was installed');
  return startLaneRedis(project, redis);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../helpers/free-port.ts';
import { pollUntil } from '../helpers/poll.ts';

/** A redis-server owned by one test: started on a free port, then killed, frozen or flushed at will. */
export interface RedisProcess {
  url: string;
  port: number;
  /** SIGKILL: every connection drops and the (unsaved) data is gone. */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port. */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers. */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** A client for checks and FLUSHALL (closed by stop()). */
  client(): Redis;
  stop(): Promise<void>;
}

/** Starts a private redis-server (the binary the global setup found) on a free port. */
export async function startRedisProcess(): Promise<RedisProcess> {
  const bin = process.env.IKP_TEST_REDIS_SERVER ?? 'redis-server';
  const port = await freePort();
  let child: ChildProcess | null = null;
  let admin: Redis | null = null;
  const start = async (): Promise<void> => {
    child = spawn(bin, ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
    await pollUntil('redis-server answering', async () => {
      const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG' ? true : undefined;
      } finally {
        probe.disconnect();
      }
    }, 10_000, 50);
  };
  const kill = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGCONT');
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: start,
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    client: () => {
      if (admin) return admin;
      admin = new Redis({ port, host: '127.0.0.1' });
      // It reconnects by itself after a kill; the errors in between are expected.
      admin.on('error', () => undefined);
      return admin;
    },
    stop: async () => {
      admin?.disconnect();
      await kill();
    },
  };
}

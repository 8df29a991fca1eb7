import { Worker } from 'node:worker_threads';
import type { ScryptParams } from '../domain/token-hash.ts';

/** Derives a scrypt key (the verifier's one expensive step). */
export type Derive = (token: string, salt: Buffer, params: ScryptParams, keylen: number) => Promise<Buffer>;

// Plain CommonJS so the worker needs no TypeScript loader. scryptSync runs on the worker's own
// thread, not on libuv's shared pool, where it would queue in front of probes' DNS lookups.
// On Linux a nice value is per thread: the lowest priority keeps scrypt from taking CPU time
// away from the event loop (web requests, probe scheduling) on a busy machine.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try { require('node:os').setPriority(19); } catch {}
parentPort.on('message', (m) => {
  try {
    const key = scryptSync(m.token, Buffer.from(m.salt), m.keylen, { N: m.N, r: m.r, p: m.p, maxmem: 256 * m.N * m.r });
    parentPort.postMessage({ id: m.id, key });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.code) || 'ERR_SCRYPT') });
  }
});
`;

/**
 * One dedicated worker thread for scrypt. Derivations run one after another there, so a burst
 * of them costs at most one core and never occupies the libuv pool that DNS lookups use.
 * The thread starts on first use, does not keep the process alive, and is restarted after a crash.
 */
export class ScryptThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (key: Buffer) => void; reject: (err: Error) => void }>();

  /** Derivations queued or running in the thread. */
  get queued(): number {
    return this.waiting.size;
  }

  derive: Derive = (token, salt, { N, r, p }, keylen) =>
    new Promise<Buffer>((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.thread().postMessage({ id, token, salt: new Uint8Array(salt), keylen, N, r, p });
    });

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('scrypt thread closed'));
    await w?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', (m: { id: number; key?: Uint8Array; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (!w) return;
      if (m.key) w.resolve(Buffer.from(m.key));
      else w.reject(new Error(m.error ?? 'ERR_SCRYPT'));
    });
    const lost = (err: Error): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(err);
    };
    worker.on('error', lost);
    worker.on('exit', () => lost(new Error('scrypt thread exited')));
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}

import { appendFileSync, close, closeSync, existsSync, fdatasync, open, readFileSync, renameSync, unlinkSync, write } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const openFd = promisify(open);
const writeFd = promisify(write);
const syncFd = promisify(fdatasync);
const closeFd = promisify(close);

/**
 * An append-only journal of operators' writes next to the memory store's snapshot: each write is
 * one JSON line, on disk (fdatasync) before the write resolves, so `kill -9` loses nothing an
 * API call confirmed. Writes arriving while a sync is under way are committed together in the
 * next one (group commit), so a burst costs a few syncs, not one per write.
 *
 * Files: `<snapshot>.journal` (current) and `<snapshot>.journal.1` (the generation being
 * compacted into the snapshot; see `rotate`). Both are replayed, oldest first, at start.
 */
export class Journal {
  /** A raw descriptor (not a FileHandle), so rotation can close it synchronously. */
  private fd: number | null = null;
  private pending: { line: string; done: (err?: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly file: string) {}

  /** Path of the current journal. */
  get path(): string {
    return `${this.file}.journal`;
  }

  /** Path of the generation being compacted. */
  get rotatedPath(): string {
    return `${this.file}.journal.1`;
  }

  /** Appends one entry; resolves once it is on disk. */
  append(entry: unknown): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, done: (err) => (err === undefined ? resolve() : reject(err)) });
      this.writing ??= this.drain();
    });
  }

  /** True while appends are queued or being written. */
  get busy(): boolean {
    return this.writing !== null;
  }

  /** Resolves when every append made so far is on disk. */
  async settle(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
  }

  /**
   * Starts a new generation: the current journal becomes `.journal.1` (synchronously, so the
   * caller can take its snapshot in the same tick and know it covers exactly that generation).
   * Call `settle` first so no append is in flight.
   */
  rotate(): void {
    if (this.fd !== null) {
      // Sync close: the rename must happen in the same tick as the caller's snapshot.
      closeSync(this.fd);
      this.fd = null;
    }
    if (!existsSync(this.path)) return;
    // A previous flush failed after rotating: its generation is not in any snapshot yet, so the
    // current one is added after it rather than replacing it.
    if (existsSync(this.rotatedPath)) {
      appendFileSync(this.rotatedPath, readFileSync(this.path));
      unlinkSync(this.path);
    } else renameSync(this.path, this.rotatedPath);
  }

  /** Drops the rotated generation once the snapshot holding it is safely on disk. */
  async dropRotated(): Promise<void> {
    await rm(this.rotatedPath, { force: true });
  }

  /** Every entry of both generations, oldest first; a torn last line (a crash mid-write) is ignored. */
  async readAll(): Promise<{ entries: unknown[]; torn: number }> {
    const entries: unknown[] = [];
    let torn = 0;
    for (const file of [this.rotatedPath, this.path]) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      for (const line of text.split('\n')) {
        if (line.length === 0) continue;
        try {
          entries.push(JSON.parse(line));
        } catch {
          torn++;
        }
      }
    }
    return { entries, torn };
  }

  async close(): Promise<void> {
    await this.settle();
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) await closeFd(fd);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          if (this.fd === null) {
            await mkdir(dirname(this.path), { recursive: true });
            this.fd = await openFd(this.path, 'a');
          }
          const fd = this.fd;
          let data = Buffer.from(batch.map((b) => b.line).join(''), 'utf8');
          while (data.length > 0) data = data.subarray((await writeFd(fd, data)).bytesWritten);
          await syncFd(fd);
          for (const b of batch) b.done();
        } catch (err) {
          for (const b of batch) b.done(err);
        }
      }
    } finally {
      this.writing = null;
    }
  }
}

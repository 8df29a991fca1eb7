/** The CPU-heavy work on untrusted input that runs in a worker thread (see parse-pool.ts). */
import type { NoticeItem } from '../domain/types.ts';
import type { ExtractResult } from '../notices/extract/index.ts';
import { extractPage, type PageInput } from '../notices/extract/page.ts';
import type { ParsedItem } from '../notices/reconcile.ts';
import { parseItem } from '../notices/parse-item.ts';

/** The notice items of one successful read, to be parsed into windows. */
export interface NoticeBatch {
  items: NoticeItem[];
  sourceComponents: string[];
  /** Configured component ids (an array: it crosses a thread boundary). */
  known: string[];
  at: number;
}

/** Each task's input and result; all plain data, since they cross to a worker thread and back. */
export interface ParseOps {
  extract: { input: PageInput; result: ExtractResult };
  notices: { input: NoticeBatch; result: ParsedItem[] };
  /** Answers once the worker has loaded everything the other tasks need. */
  ping: { input: null; result: 'pong' };
}
export type ParseOp = keyof ParseOps;
export type ParseTask<K extends ParseOp = ParseOp> = { [P in K]: { op: P; input: ParseOps[P]['input'] } }[K];

/** Runs one task; the worker's entry point and the inline fallback share it. */
export function runParseTask(task: ParseTask): ParseOps[ParseOp]['result'] {
  switch (task.op) {
    case 'extract':
      return extractPage(task.input);
    case 'notices': {
      const { items, sourceComponents, known, at } = task.input;
      const knownSet = new Set(known);
      return items.map((item) => parseItem(item, sourceComponents, knownSet, at));
    }
    case 'ping':
      return 'pong';
  }
}

/** A built worker (dist/) loads this module as its entry; piscina calls the default export. */
export default runParseTask;

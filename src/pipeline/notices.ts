import type { NoticesProbeConfig } from '../config/notices-schema.ts';
import type { NoticeItem } from '../domain/types.ts';
import { reconcileNotices } from '../notices/reconcile.ts';
import { inlineParser } from '../workers/parse-runner.ts';
import type { PipelineDeps } from './context.ts';

/** Notice parsing is milliseconds per item; far past that, the text is hostile and the read is skipped. */
const NOTICE_PARSE_DEADLINE_MS = 5_000;

/**
 * Parses the items of one successful notice read and stores the resulting windows.
 * Only called on success: a source that is down or changed shape never withdraws windows.
 */
export async function applyNotices(deps: PipelineDeps, probe: NoticesProbeConfig, items: NoticeItem[], at: number): Promise<void> {
  const known = deps.config.components.map((c) => c.id);
  const batch = { items, sourceComponents: probe.notices.components, known, at };
  const run = await (deps.parser ?? inlineParser).run({ op: 'notices', input: batch }, NOTICE_PARSE_DEADLINE_MS);
  if (!run.ok) {
    // Like an unreadable source: the windows already known stay as they are.
    deps.logger.warn({ probe: probe.id, reason: run.reason, detail: run.detail }, 'notice text could not be parsed; windows left unchanged');
    return;
  }
  const parsed = run.value;
  const existing = await deps.stores.windows.getWindows();
  const changed = reconcileNotices(probe.id, existing, parsed, at, deps.config.notices.confidenceThreshold);
  if (changed.length > 0) await deps.stores.windows.putWindows(changed);
}

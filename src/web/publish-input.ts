import type { Config } from '../config/schema.ts';
import type { StatusTransition } from '../domain/types.ts';
import type { Lang } from '../i18n/index.ts';
import type { StatusView } from '../status/status-view.ts';

/** What every machine-readable body (feeds, Statuspage JSON) is built from: one snapshot in one language. */
export interface PublishInput {
  config: Config;
  view: StatusView;
  builtAt: number;
  now: number;
  lang: Lang;
  baseUrl: string;
  /** Per component, its recent status changes oldest first (from the snapshot's history), when the body needs them. */
  transitions?: Record<string, StatusTransition[]>;
}

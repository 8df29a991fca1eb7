import type { Config } from '../config/schema.ts';
import type { Clock } from '../domain/types.ts';
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';

/** Dependencies every pipeline step receives (wired in main.ts). */
export interface PipelineDeps {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
}

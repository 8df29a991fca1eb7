import type { AdminRole } from '../config/operator-schema.ts';

/** Who performs an operator action: a token's name and role, or the monitor itself. */
export interface Actor {
  name: string;
  role: AdminRole | 'system';
}

/** The monitor acting on its own (automatic incidents). */
export const SYSTEM_ACTOR: Readonly<Actor> = Object.freeze({ name: 'system', role: 'system' });

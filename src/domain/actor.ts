/** Roles of admin API tokens: operators write, viewers only read. */
export const ADMIN_ROLES = ['operator', 'viewer'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Who performs an operator action: a token's name and role, or the monitor itself. */
export interface Actor {
  name: string;
  role: AdminRole | 'system';
}

/** The monitor acting on its own (automatic incidents). */
export const SYSTEM_ACTOR: Readonly<Actor> = Object.freeze({ name: 'system', role: 'system' });

import { Router } from 'express';
import { PreparedBody, sendPrepared } from '../page/prepared.ts';
import type { StatusSnapshot } from '../../status/snapshot.ts';

/** GET /api/v1/status: overall status, components and the login-method matrix. */
export function statusRoutes(snapshot: StatusSnapshot, now: () => number): Router {
  const router = Router();
  // The body depends on the snapshot and, through the ages, on the current second: serialize once per both.
  let memo: { version: number; second: number; body: PreparedBody } | null = null;
  router.get('/api/v1/status', (req, res) => {
    const current = snapshot.current();
    const t = now();
    const second = Math.floor(t / 1000);
    if (memo === null || memo.version !== current.version || memo.second !== second) {
      const { windows: _history, public: _state, ...view } = current.view;
      const json = JSON.stringify({
        generatedAt: new Date(t).toISOString(),
        ...view,
        // How old the newest data is, so a client can tell "fresh" from "last known".
        monitor: { ...view.monitor, dataAgeSeconds: ageSeconds(view.monitor.lastCheckedAt, t) },
        components: view.components.map((c) => ({
          ...c,
          lastCheckAgeSeconds: ageSeconds(c.lastCheckedAt, t),
        })),
      });
      memo = { version: current.version, second, body: new PreparedBody('application/json; charset=utf-8', json) };
    }
    sendPrepared(req, res, memo.body, { cacheControl: 'no-cache' });
  });
  return router;
}

function ageSeconds(iso: string | null, now: number): number | null {
  return iso === null ? null : Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
}

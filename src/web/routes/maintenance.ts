import { Router } from 'express';
import type { Config } from '../../config/schema.ts';
import { maintenanceCalendar } from '../maintenance-ics.ts';
import { BaseUrls } from '../page/base-url.ts';
import type { StatusSnapshot } from '../../status/snapshot.ts';
import { calledOffAhead } from '../../status/window-view.ts';

/** GET /api/v1/maintenance (active, upcoming, history) and GET /maintenance.ics. */
export function maintenanceRoutes(snapshot: StatusSnapshot, config: Config, now: () => number): Router {
  const router = Router();
  const names = new Map(config.components.map((c) => [c.id, c.name.pl]));
  const bases = new BaseUrls(config.server.publicUrl);
  router.get('/api/v1/maintenance', (_req, res) => {
    const { view } = snapshot.current();
    res.json({ ...view.maintenance, history: view.windows });
  });
  router.get('/maintenance.ics', (req, res) => {
    const { view } = snapshot.current();
    const at = now();
    // Called-off windows stay while their time is ahead, as STATUS:CANCELLED, so calendars holding them drop them.
    const body = maintenanceCalendar([...view.maintenance.active, ...view.maintenance.upcoming, ...calledOffAhead(view.windows, at)], names, bases.of(req).base, at);
    res.type('text/calendar; charset=utf-8').set('content-disposition', 'inline; filename="ikp-maintenance.ics"').send(body);
  });
  return router;
}

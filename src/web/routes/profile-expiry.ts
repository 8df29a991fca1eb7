import { Router, type RequestHandler } from 'express';
import { computeExpiry, expiryAnswer } from '../../triage/expiry-answer.ts';
import { expiryReminderCalendar } from '../../triage/expiry-ics.ts';
import { baseUrl } from '../page/base-url.ts';

/**
 * GET /api/v1/profile-expiry?confirmedAt=…|extendedAt=… (computed expiry, art. 112 k.c.) and
 * GET /api/v1/profile-expiry.ics?… (a reminder 30 days before). Stateless: nothing is stored.
 */
export function profileExpiryRoutes(deps: { now: () => number; limiter: RequestHandler }): Router {
  const router = Router();
  router.get('/api/v1/profile-expiry', deps.limiter, (req, res) => {
    res.set('cache-control', 'no-store').json(expiryAnswer(req.query, deps.now()));
  });
  router.get('/api/v1/profile-expiry.ics', deps.limiter, (req, res) => {
    const { expiry, reminderDay } = computeExpiry(req.query, deps.now());
    const body = expiryReminderCalendar(expiry.lastValidDay, reminderDay, `${baseUrl(req)}/pomoc`);
    res.type('text/calendar; charset=utf-8').set('content-disposition', 'attachment; filename="profil-zaufany.ics"').set('cache-control', 'no-store').send(body);
  });
  return router;
}

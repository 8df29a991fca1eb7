import { Router } from 'express';
import { AppError } from '../../domain/errors.ts';
import { runProbeOnce, type OneOffResult } from '../../probes/once.ts';
import { systemClock } from '../../domain/clock.ts';
import { requireOperator } from './guard.ts';
import { routeParam } from './forms.ts';
import type { ConsoleContext } from './context.ts';

/**
 * POST /admin/probes/{id}/run: runs one probe now with the same one-off runner as `ikp-status probe`
 * and shows its result, journey steps included. Nothing is stored: the scheduled fires decide status.
 */
export function probeRoutes(ctx: ConsoleContext): Router {
  const { config } = ctx.admin.ops;
  const run = ctx.admin.runProbe ?? ((id: string): Promise<OneOffResult | null> => runProbeOnce(config, id, { signal: new AbortController().signal, clock: systemClock }));
  const router = Router();
  router.post('/probes/:id/run', ctx.csrf, requireOperator, async (req, res) => {
    const result = await run(routeParam(req, 'id'));
    if (!result) throw new AppError('NOT_FOUND', 'unknown probe');
    ctx.render.send(req, res, 'probe', { result });
  });
  return router;
}

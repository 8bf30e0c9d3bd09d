import type { Hono } from 'hono';
import type { Logger } from '../log.ts';
import { errorResponse } from './errors.ts';
import { requestLog } from './requests.ts';

/** The store's answer to a real query; throws with the reason when it cannot serve boards. */
export type ReadinessProbe = () => void;

/**
 * `GET /api/ready` (readiness): 200 `{ ok: true }` when the store answered a real query, else
 * 503 `not-ready` with the reason (a deleted or replaced database file, a closed database, a
 * failing disk). `GET /api/health` stays liveness only: the process answers.
 */
export function mountReadyRoute(app: Hono, probe: ReadinessProbe, log: Logger): void {
  app.get('/api/ready', (c) => {
    try {
      probe();
      return c.json({ ok: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      requestLog(c, log).warn('not ready', { reason });
      return errorResponse(c, 503, 'not-ready', `the store cannot serve boards: ${reason}`, {}, { 'Cache-Control': 'no-store' });
    }
  });
}

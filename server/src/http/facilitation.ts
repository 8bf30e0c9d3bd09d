import type { Hono } from 'hono';
import { SERVER_ORIGIN, TimerActionError, applyTimerAction, parseTimerAction, readTimer, writeTimer } from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import { requireBoardAccess, type AuthDeps } from './auth.ts';
import { readJsonBody } from './body.ts';
import { badRequest, HttpError, notFound } from './errors.ts';
import type { LiveBoards } from './live.ts';

export interface FacilitationRoutesDeps extends AuthDeps {
  live: LiveBoards;
}

/**
 * Facilitator actions that need the server: the timer (the server's clock decides when it
 * ends, so every client counts down to the same moment) and revealing private drafts.
 * Locks, focus, private mode on/off and summon are plain document writes of the
 * facilitator's own connection.
 */
export function mountFacilitationRoutes(app: Hono, deps: FacilitationRoutesDeps): void {
  // The server clock, for clients to estimate their offset (no board, no secret).
  app.get('/api/time', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ now: deps.now() });
  });

  app.post('/api/boards/:id/timer', async (c) => {
    const boardId = c.req.param('id');
    requireBoardAccess(c, deps, boardId, 'facilitator');
    const action = parseTimerAction(await readJsonBody(c, SERVER_LIMITS.httpBodyBytes));
    if (!action) {
      throw badRequest('the body must be a timer action: {"type": "start", "durationMs": 300000}, pause, resume, {"type": "add", "ms": 60000} or stop');
    }
    try {
      const timer = deps.live.edit(boardId, (doc) => {
        const next = applyTimerAction(readTimer(doc), action, deps.now());
        writeTimer(doc, next, SERVER_ORIGIN);
        return next;
      });
      if (!timer) throw notFound(`unknown board "${boardId.slice(0, 80)}"`);
      return c.json({ timer, now: deps.now() });
    } catch (error) {
      if (error instanceof TimerActionError) throw new HttpError(409, error.message);
      throw error;
    }
  });

  app.post('/api/boards/:id/private/reveal', (c) => {
    const boardId = c.req.param('id');
    requireBoardAccess(c, deps, boardId, 'facilitator');
    const revealed = deps.live.revealDrafts(boardId);
    if (revealed === undefined) throw notFound(`unknown board "${boardId.slice(0, 80)}"`);
    return c.json({ revealed });
  });
}

import type { Hono } from 'hono';
import {
  SERVER_ORIGIN,
  TimerActionError,
  applyTimerAction,
  readTimer,
  revealRequestSchema,
  timerActionSchema,
  writeTimer,
  type PrivateCountsResponse,
} from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import { boardRole, type AuthDeps } from './auth.ts';
import { jsonBody, validate } from './body.ts';
import { boardNotFound, HttpError } from './errors.ts';
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

  app.post(
    '/api/boards/:id/timer',
    boardRole(deps, 'facilitator'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', timerActionSchema),
    (c) => {
      const boardId = c.req.param('id');
      const action = c.req.valid('json');
      try {
        const timer = deps.live.edit(boardId, (doc) => {
          const next = applyTimerAction(readTimer(doc), action, deps.now());
          writeTimer(doc, next, SERVER_ORIGIN);
          return next;
        });
        if (!timer) throw boardNotFound(boardId);
        return c.json({ timer, now: deps.now() });
      } catch (error) {
        if (error instanceof TimerActionError) throw new HttpError(409, 'timer-conflict', error.message);
        throw error;
      }
    },
  );

  app.post(
    '/api/boards/:id/private/reveal',
    boardRole(deps, 'facilitator'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', revealRequestSchema),
    (c) => {
      const boardId = c.req.param('id');
      const revealed = deps.live.revealDrafts(boardId, c.req.valid('json'));
      if (revealed === undefined) throw boardNotFound(boardId);
      return c.json({ revealed });
    },
  );

  // How many private cards each person holds, for the facilitator's overview; the text stays with its author.
  app.get('/api/boards/:id/private/counts', boardRole(deps, 'facilitator'), (c) => {
    const boardId = c.req.param('id');
    const counts = [...deps.live.privateCounts(boardId)].map(([participantId, count]) => ({ participantId, count }));
    c.header('cache-control', 'no-store');
    return c.json({ counts } satisfies PrivateCountsResponse);
  });
}

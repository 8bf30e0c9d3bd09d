import type { Context, Hono, MiddlewareHandler } from 'hono';
import {
  PARTICIPANT_HEADER,
  compareQuerySchema,
  createSnapshotRequestSchema,
  exportFileName,
  isSnapshotId,
  isValidId,
  judgeCapability,
  readPermissionState,
  type Capability,
  type CompareResponse,
  type RestoreResponse,
  type SnapshotList,
} from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import { boardRole, requireBoardAccess, requireParticipant, type AuthDeps } from './auth.ts';
import { jsonBody, validate } from './body.ts';
import { boardNotFound, HttpError } from './errors.ts';
import type { BoardHistory, HistoryActor } from './history-api.ts';
import type { LiveBoards } from './live.ts';

export interface SnapshotRoutesDeps extends AuthDeps {
  live: LiveBoards;
  history: BoardHistory;
}

const snapshotNotFound = (id: string): HttpError => new HttpError(404, 'snapshot-not-found', `unknown snapshot "${id.slice(0, 80)}"`);

/**
 * The caller may use `capability` (a row of the permission table): 404/401 as for every board
 * route, 403 when the table does not give the link's role this capability right now. The
 * participant headers, when sent, name who did it (and must be theirs).
 */
function requireCapability(deps: SnapshotRoutesDeps, capability: Capability): MiddlewareHandler {
  return async (c, next) => {
    const boardId = c.req.param('id') ?? '';
    const access = requireBoardAccess(c, deps, boardId, 'viewer');
    const verdict = deps.live.read(boardId, (doc) => judgeCapability(access.role, readPermissionState(doc), capability));
    if (!verdict) throw boardNotFound(boardId);
    if (!verdict.ok) throw new HttpError(403, 'forbidden', `the ${access.role}'s link may not do this (${capability})`);
    const participantId = c.req.header(PARTICIPANT_HEADER) === undefined ? null : requireParticipant(c, deps, boardId);
    c.set('actor' as never, { role: access.role, participantId } satisfies HistoryActor as never);
    await next();
  };
}

const actorOf = (c: Context): HistoryActor => c.get('actor' as never) as HistoryActor;

/** A snapshot id from the path, or 404 (a malformed id names no snapshot). */
function snapshotParam(c: Context): string {
  const id = c.req.param('snapshotId') ?? '';
  if (!isSnapshotId(id)) throw snapshotNotFound(id);
  return id;
}

/**
 * The version history (see sync/history.ts): list, take by hand with a name, read one as a
 * board, compare, restore a whole snapshot or one card. Same links and roles as the rest of
 * the API; who may take and restore is the permission table's `snapshotTake` and
 * `snapshotRestore` rows (editors take, the facilitator restores); viewers read.
 */
export function mountSnapshotRoutes(app: Hono, deps: SnapshotRoutesDeps): void {
  const viewer = boardRole(deps, 'viewer');

  app.get('/api/boards/:id/snapshots', viewer, (c) => {
    const boardId = c.req.param('id');
    const snapshots = deps.history.list(boardId);
    if (!snapshots) throw boardNotFound(boardId);
    return c.json({ snapshots, retention: deps.history.retention } satisfies SnapshotList);
  });

  app.post(
    '/api/boards/:id/snapshots',
    requireCapability(deps, 'snapshotTake'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', createSnapshotRequestSchema),
    (c) => {
      const boardId = c.req.param('id');
      const taken = deps.history.take(boardId, c.req.valid('json').name, 'manual', actorOf(c));
      if (!taken) throw boardNotFound(boardId);
      return c.json(taken, 201);
    },
  );

  app.get('/api/boards/:id/snapshots/:snapshotId/board.json', viewer, (c) => {
    const boardId = c.req.param('id');
    const board = deps.history.boardAt(boardId, snapshotParam(c));
    if (!board) throw snapshotNotFound(c.req.param('snapshotId'));
    c.header('content-disposition', `inline; filename="${exportFileName(board.title, 'json')}"`);
    c.header('cache-control', 'no-store');
    return c.json(board);
  });

  app.get('/api/boards/:id/snapshots/:snapshotId/compare', viewer, validate('query', compareQuerySchema), (c) => {
    const boardId = c.req.param('id');
    const from = snapshotParam(c);
    const to = c.req.valid('query').with;
    const diff = deps.history.compare(boardId, from, to);
    if (!diff) throw snapshotNotFound(deps.history.boardAt(boardId, from) ? to : from);
    return c.json({ from, to, diff } satisfies CompareResponse);
  });

  app.post('/api/boards/:id/snapshots/:snapshotId/restore', requireCapability(deps, 'snapshotRestore'), (c) => {
    const boardId = c.req.param('id');
    const snapshotId = snapshotParam(c);
    const restored = deps.history.restore(boardId, snapshotId, actorOf(c));
    if (!restored) throw snapshotNotFound(snapshotId);
    return c.json(restored satisfies RestoreResponse);
  });

  app.post('/api/boards/:id/snapshots/:snapshotId/cards/:cardId/restore', requireCapability(deps, 'snapshotRestore'), (c) => {
    const boardId = c.req.param('id');
    const snapshotId = snapshotParam(c);
    const cardId = c.req.param('cardId');
    if (!deps.history.boardAt(boardId, snapshotId)) throw snapshotNotFound(snapshotId);
    const restored = isValidId(cardId) ? deps.history.restore(boardId, snapshotId, actorOf(c), cardId) : undefined;
    if (!restored) throw new HttpError(404, 'card-not-found', `the snapshot has no card "${cardId.slice(0, 80)}"`);
    return c.json(restored satisfies RestoreResponse);
  });
}

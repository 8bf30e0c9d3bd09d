import type { Context, MiddlewareHandler } from 'hono';
import { PARTICIPANT_HEADER, PARTICIPANT_SECRET_HEADER, isValidId, roleAtLeast, type Role } from '@rejse/shared';
import { verifyParticipant } from '../auth/participants.ts';
import { isAdminToken, resolveBoardToken, type BoardAccess } from '../auth/tokens.ts';
import type { BoardStore } from '../storage/store.ts';
import { HttpError, boardNotFound } from './errors.ts';

export interface AuthDeps {
  store: BoardStore;
  /** REJSE_ADMIN_TOKEN, or null when the server runs without one. */
  adminToken: string | null;
  now: () => number;
}

/**
 * The token of a request: `Authorization: Bearer <token>` only (the socket takes `?token=`).
 * Cookies are never read, so no browser sends a board's key along on its own.
 */
export function requestToken(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

const unauthorized = (): HttpError => new HttpError(401, 'unauthorized', 'missing or invalid token for this board');

/**
 * The caller's access to a board, at least `needed`: 404 for an unknown board, 401 without
 * a valid token of this board, 403 when the token's role is not enough.
 */
export function requireBoardAccess(c: Context, deps: AuthDeps, boardId: string, needed: Role): BoardAccess {
  if (!isValidId(boardId) || !deps.store.documents.exists(boardId)) throw boardNotFound(boardId);
  const access = resolveBoardToken(deps.store, boardId, requestToken(c), deps.adminToken);
  if (!access) throw unauthorized();
  if (!roleAtLeast(access.role, needed))
    throw new HttpError(403, 'forbidden', `this needs the ${needed}'s link; yours is the ${access.role}'s`);
  return access;
}

/** True when the request bears the server's admin token. */
export const isAdminRequest = (c: Context, deps: AuthDeps): boolean => isAdminToken(requestToken(c), deps.adminToken);

/**
 * The participant making a request (votes): its id and secret headers, bound on first use.
 * 400 without them, 403 with someone else's id.
 */
export function requireParticipant(c: Context, deps: AuthDeps, boardId: string): string {
  const id = c.req.header(PARTICIPANT_HEADER);
  const check = verifyParticipant(deps.store, boardId, id, c.req.header(PARTICIPANT_SECRET_HEADER), deps.now());
  if (check === 'invalid' || !id) {
    throw new HttpError(
      400,
      'participant-required',
      `send your participant identity in the ${PARTICIPANT_HEADER} and ${PARTICIPANT_SECRET_HEADER} headers`,
    );
  }
  if (check === 'mismatch') throw new HttpError(403, 'participant-mismatch', 'this participant id belongs to someone else');
  return id;
}

/**
 * `requireBoardAccess` as route middleware (board id from `:id`), placed before body
 * reading and validation: a caller without the right is answered 404/401/403 before
 * its body is read.
 */
export const boardRole =
  (deps: AuthDeps, needed: Role): MiddlewareHandler =>
  async (c, next) => {
    requireBoardAccess(c, deps, c.req.param('id') ?? '', needed);
    await next();
  };

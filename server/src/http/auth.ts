import type { Context } from 'hono';
import {
  PARTICIPANT_HEADER,
  PARTICIPANT_SECRET_HEADER,
  isValidId,
  roleAtLeast,
  type Role,
} from '@rejse/shared';
import { verifyParticipant } from '../auth/participants.ts';
import { isAdminToken, resolveBoardToken, type BoardAccess } from '../auth/tokens.ts';
import type { BoardStore } from '../storage/store.ts';
import { HttpError, notFound } from './errors.ts';

export interface AuthDeps {
  store: BoardStore;
  /** REJSE_ADMIN_TOKEN, or null when the server runs without one. */
  adminToken: string | null;
  now: () => number;
}

/** The token of a request: `Authorization: Bearer <token>`, or the `rejse_token` cookie. */
export function requestToken(c: Context): string | null {
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookie = c.req.header('cookie');
  const fromCookie = cookie && /(?:^|;\s*)rejse_token=([^;]+)/.exec(cookie)?.[1];
  return fromCookie ? decodeURIComponent(fromCookie) : null;
}

export const unauthorized = (): HttpError => new HttpError(401, 'missing or invalid token for this board');

/**
 * The caller's access to a board, at least `needed`: 404 for an unknown board, 401 without
 * a valid token of this board, 403 when the token's role is not enough.
 */
export function requireBoardAccess(c: Context, deps: AuthDeps, boardId: string, needed: Role): BoardAccess {
  if (!isValidId(boardId) || !deps.store.documents.exists(boardId)) throw notFound(`unknown board "${boardId.slice(0, 80)}"`);
  const access = resolveBoardToken(deps.store, boardId, requestToken(c), deps.adminToken);
  if (!access) throw unauthorized();
  if (!roleAtLeast(access.role, needed)) throw new HttpError(403, `this needs the ${needed}'s link; yours is the ${access.role}'s`);
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
    throw new HttpError(400, `send your participant identity in the ${PARTICIPANT_HEADER} and ${PARTICIPANT_SECRET_HEADER} headers`);
  }
  if (check === 'mismatch') throw new HttpError(403, 'this participant id belongs to someone else');
  return id;
}

import type { Hono } from 'hono';
import {
  CLOSE,
  isSharedRole,
  rotateLinkParamsSchema,
  type BoardAccessResponse,
  type RotatedLinkResponse,
} from '@rejse/shared';
import { rotateBoardToken } from '../auth/tokens.ts';
import { requireBoardAccess, type AuthDeps } from './auth.ts';
import { parseParams } from './body.ts';
import { HttpError } from './errors.ts';
import type { LiveBoards } from './live.ts';

export interface TokenRoutesDeps extends AuthDeps {
  live: LiveBoards;
}

/** The page address of a secret link: the token travels as `?token=`, the client moves it out of the address bar. */
export const boardLink = (boardId: string, token: string): string => `/b/${boardId}?token=${encodeURIComponent(token)}`;

/**
 * Secret links after creation: who am I on this board, and rotating (revoking) a link.
 * Only hashes are stored, so links are shown at creation and rotation only; the client
 * keeps the ones it was given.
 */
export function mountTokenRoutes(app: Hono, deps: TokenRoutesDeps): void {
  app.get('/api/boards/:id/access', (c) => {
    const boardId = c.req.param('id');
    const access = requireBoardAccess(c, deps, boardId, 'viewer');
    return c.json({ boardId, role: access.role } satisfies BoardAccessResponse);
  });

  app.post('/api/boards/:id/links/:role/rotate', (c) => {
    const boardId = c.req.param('id');
    const access = requireBoardAccess(c, deps, boardId, 'facilitator');
    // Checked after access, so a stranger learns nothing about the board from the path.
    const { role } = parseParams(rotateLinkParamsSchema, c.req.param());
    // The facilitator link is permanent for its holder; only the server's operator can replace it.
    if (!isSharedRole(role) && access.via !== 'admin') {
      throw new HttpError(403, 'forbidden', 'the facilitator link can only be replaced with the admin token');
    }
    const token = rotateBoardToken(deps.store, boardId, role, deps.now());
    const closed = deps.live.closeConnections(boardId, (a) => a.role === role && a.via === 'link', CLOSE.UNAUTHORIZED);
    return c.json({ role, token, link: boardLink(boardId, token), closedConnections: closed } satisfies RotatedLinkResponse);
  });
}

import type { Hono } from 'hono';
import {
  CLOSE,
  isSharedRole,
  rotateLinkParamsSchema,
  ROLES,
  type BoardAccessResponse,
  type Role,
  type RotatedLinkResponse,
  type ShownLinksResponse,
} from '@rejse/shared';
import { rotateBoardToken, showBoardTokens } from '../auth/tokens.ts';
import { requestToken, requireBoardAccess, type AuthDeps } from './auth.ts';
import { parseParams } from './body.ts';
import { HttpError } from './errors.ts';
import type { LiveBoards } from './live.ts';

export interface TokenRoutesDeps extends AuthDeps {
  live: LiveBoards;
}

/** The page address of a secret link: the token travels as `?token=`, the client moves it out of the address bar. */
export const boardLink = (boardId: string, token: string): string => `/b/${boardId}?token=${encodeURIComponent(token)}`;

/**
 * Secret links after creation: who am I on this board, showing the links again to the
 * facilitator (from their seals, see auth/sealed-links.ts), and rotating (revoking) a link.
 */
export function mountTokenRoutes(app: Hono, deps: TokenRoutesDeps): void {
  app.get('/api/boards/:id/access', (c) => {
    const boardId = c.req.param('id');
    const access = requireBoardAccess(c, deps, boardId, 'viewer');
    return c.json({ boardId, role: access.role } satisfies BoardAccessResponse);
  });

  app.get('/api/boards/:id/links', (c) => {
    const boardId = c.req.param('id');
    const access = requireBoardAccess(c, deps, boardId, 'facilitator');
    const tokens = showBoardTokens(deps.store, boardId, access.via === 'link' ? requestToken(c) : null);
    const links = {} as Record<Role, string | null>;
    const connections = {} as Record<Role, number>;
    for (const role of ROLES) {
      const token = tokens[role];
      links[role] = token ? boardLink(boardId, token) : null;
      // The same connections a rotation of this role's link would close.
      connections[role] = deps.live.countConnections(boardId, (a) => a.role === role && a.via === 'link');
    }
    c.header('Cache-Control', 'private, no-store');
    return c.json({ links, connections } satisfies ShownLinksResponse);
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
    // A facilitator's own token seals the new link for them; the admin token seals nothing.
    const token = rotateBoardToken(deps.store, boardId, role, deps.now(), access.via === 'link' ? requestToken(c) : null);
    const closed = deps.live.closeConnections(boardId, (a) => a.role === role && a.via === 'link', CLOSE.UNAUTHORIZED);
    return c.json({
      role,
      token,
      link: boardLink(boardId, token),
      closedConnections: closed,
    } satisfies RotatedLinkResponse);
  });
}

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../log.ts';
import type { BoardStore } from '../storage/store.ts';
import { mountBoardRoutes, type BoardReader } from './boards.ts';
import { HttpError } from './errors.ts';
import { mountExportRoutes } from './exports.ts';
import { mountFacilitationRoutes } from './facilitation.ts';
import type { LiveBoards } from './live.ts';
import { mountTokenRoutes } from './tokens.ts';
import { mountVoteRoutes } from './votes.ts';
import { securityHeaders } from './security.ts';
import { mountClient } from './static.ts';

export interface AppDeps {
  store: BoardStore;
  boards: BoardReader;
  /** Server-side edits of live boards, closing connections, revealing drafts (the sync layer). */
  live: LiveBoards;
  /** REJSE_ADMIN_TOKEN (null: no global board list, no operator access). */
  adminToken?: string | null;
  /** Extra fields for `GET /api/health` (the server adds `rooms` and `connections`). */
  health?: () => Record<string, unknown>;
  /** Serve the built client from this directory (production); null or absent: API only. */
  clientDist?: string | null;
  log: Logger;
  now?: () => number;
}

/**
 * The HTTP API (and, in production, the built client). Testable in-process with
 * `app.request(…)`. Every error is JSON `{ "error": "…" }`; unexpected ones are logged
 * and answered with a generic 500 that leaks no internals.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;

  app.use('*', securityHeaders());

  app.get('/api/health', (c) => c.json({ ok: true, ...(deps.health?.() ?? {}) }));
  const auth = { store: deps.store, adminToken: deps.adminToken ?? null, now };
  mountBoardRoutes(app, { ...auth, boards: deps.boards });
  mountTokenRoutes(app, { ...auth, live: deps.live });
  mountVoteRoutes(app, { ...auth, live: deps.live });
  mountFacilitationRoutes(app, { ...auth, live: deps.live });
  mountExportRoutes(app, { ...auth, live: deps.live });

  if (deps.clientDist) mountClient(app, deps.clientDist, deps.log);

  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path.slice(0, 200)}` }, 404));

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: error.message }, error.status);
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: error.message || 'bad request' }, error.status);
    }
    deps.log.error('unexpected error while answering a request', {
      method: c.req.method,
      path: c.req.path,
      error,
    });
    return c.json({ error: 'internal server error' }, 500);
  });

  return app;
}

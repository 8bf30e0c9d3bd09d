import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode } from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import type { Logger } from '../log.ts';
import type { BoardStore } from '../storage/store.ts';
import { mountActivityRoutes } from './activity.ts';
import { mountBoardRoutes, type BoardReader } from './boards.ts';
import { errorResponse, HttpError } from './errors.ts';
import { mountExportRoutes } from './exports.ts';
import { mountFacilitationRoutes } from './facilitation.ts';
import type { BoardHistory } from './history-api.ts';
import type { LiveBoards } from './live.ts';
import { mountMetricsRoute, type MetricsRouteDeps } from './metrics.ts';
import type { HttpRateLimits } from './rate-limit.ts';
import { mountReadyRoute, type ReadinessProbe } from './ready.ts';
import { requestLog, requestTracking, type HttpObserver } from './requests.ts';
import { mountRunSheetRoutes } from './runsheet.ts';
import { mountSnapshotRoutes } from './snapshots.ts';
import { mountTokenRoutes } from './tokens.ts';
import { mountToneRoutes } from './tone.ts';
import { mountVoteRoutes } from './votes.ts';
import { securityHeaders } from './security.ts';
import { mountClient } from './static.ts';

export interface AppDeps {
  store: BoardStore;
  boards: BoardReader;
  /** Server-side edits of live boards, closing connections, revealing drafts (the sync layer). */
  live: LiveBoards;
  /** The version history (snapshots); absent: its routes are not mounted (tests of other routes). */
  history?: BoardHistory;
  /** Writes what the activity log holds back for a board (it merges edits for a few seconds); absent: nothing is held back. */
  flushActivity?: (boardId: string) => void;
  /** REJSE_ADMIN_TOKEN (null: no global board list, no operator access). */
  adminToken?: string | null;
  /** Extra fields for `GET /api/health` (the server adds `rooms` and `connections`). */
  health?: () => Record<string, unknown>;
  /** Serve the built client from this directory (production); null or absent: API only. */
  clientDist?: string | null;
  log: Logger;
  now?: () => number;
  /** Per-address limits of board creation and import (SERVER_LIMITS unless configured). */
  rateLimits?: Partial<HttpRateLimits>;
  /** `GET /api/ready`'s query against the store (default: a lookup in the boards table). */
  ready?: ReadinessProbe;
  /** `GET /metrics` and the HTTP answers it counts; absent: no /metrics route. */
  metrics?: MetricsRouteDeps & HttpObserver;
  /** True once shutdown began: every request is answered 503 `shutting-down`. */
  shuttingDown?: () => boolean;
}

/** A well-formed board id no board has: the readiness lookup runs the real indexed query. */
const READINESS_PROBE_ID = 'readiness-probe';

/** The code of an error Hono itself raised, by its status. */
const CODES_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'route-not-found',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
};

/**
 * The HTTP API (and, in production, the built client). Testable in-process with
 * `app.request(…)`. Every error is JSON `{ "error": "…", "code": "…" }` (codes in
 * `@rejse/shared` `API_ERROR_CODES`); unexpected ones are logged and answered with a generic
 * 500 that leaks no internals.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;
  const limits: HttpRateLimits = {
    createPerMinute: deps.rateLimits?.createPerMinute ?? SERVER_LIMITS.boardCreationsPerMinute,
    importPerMinute: deps.rateLimits?.importPerMinute ?? SERVER_LIMITS.boardImportsPerMinute,
  };

  app.use('*', ...requestTracking(deps.log, deps.metrics, deps.shuttingDown ?? (() => false)));
  app.use('*', securityHeaders());

  // The API on its own, so "which methods does this path have" (405) looks at API routes
  // only, not at the client's catch-all page route.
  const api = new Hono();
  api.use(
    '*',
    methodNotAllowed({
      app: api,
      onMethodNotAllowed: (c, methods) =>
        errorResponse(
          c,
          405,
          'method-not-allowed',
          `${c.req.method} is not allowed here; use ${methods.join(', ')}`,
          {},
          { Allow: methods.join(', ') },
        ),
    }),
  );
  api.get('/api/health', (c) => c.json({ ok: true, ...(deps.health?.() ?? {}) }));
  mountReadyRoute(api, deps.ready ?? (() => void deps.store.documents.exists(READINESS_PROBE_ID)), deps.log);
  if (deps.metrics) mountMetricsRoute(api, deps.metrics);
  const auth = { store: deps.store, adminToken: deps.adminToken ?? null, now };
  mountBoardRoutes(api, { ...auth, boards: deps.boards, createPerMinute: limits.createPerMinute });
  mountTokenRoutes(api, { ...auth, live: deps.live });
  mountVoteRoutes(api, { ...auth, live: deps.live });
  mountToneRoutes(api, { ...auth, live: deps.live, tone: deps.store.tone });
  mountFacilitationRoutes(api, { ...auth, live: deps.live });
  mountExportRoutes(api, { ...auth, live: deps.live, importPerMinute: limits.importPerMinute });
  if (deps.history) {
    mountSnapshotRoutes(api, { ...auth, live: deps.live, history: deps.history });
    mountRunSheetRoutes(api, { ...auth, live: deps.live, history: deps.history });
  }
  mountActivityRoutes(api, { ...auth, live: deps.live, ...(deps.flushActivity ? { flushActivity: deps.flushActivity } : {}) });
  app.route('/', api);

  if (deps.clientDist) mountClient(app, deps.clientDist, deps.log);

  app.notFound((c) => errorResponse(c, 404, 'route-not-found', `no route for ${c.req.method} ${c.req.path.slice(0, 200)}`));

  app.onError((error, c) => {
    if (error instanceof HttpError) return errorResponse(c, error.status, error.code, error.message, error.details);
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode;
      return errorResponse(c, status, CODES_BY_STATUS[status] ?? 'invalid-request', error.message || 'bad request');
    }
    requestLog(c, deps.log).error('unexpected error while answering a request', {
      method: c.req.method,
      path: c.req.path,
      error,
    });
    return errorResponse(c, 500, 'internal-error', 'internal server error');
  });

  return app;
}

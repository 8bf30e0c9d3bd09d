import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from '../log.ts';
import { errorResponse } from './errors.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's logger: every line it writes carries `requestId`. */
    log: Logger;
  }
}

/** Counts answers by status class (`/metrics`). */
export interface HttpObserver {
  answered(statusClass: string): void;
}

/**
 * Longest `X-Request-Id` taken from a client (or a proxy in front); a longer one, or one with
 * other characters than letters, digits, `_`, `-` and `=`, is replaced by a fresh UUID.
 */
const REQUEST_ID_MAX = 128;

/** Probes and scrapes arrive every few seconds: their lines only at debug level. */
const QUIET_PATHS = new Set(['/api/health', '/api/ready', '/metrics']);

/** The request's logger (the app's own outside a request, e.g. in tests calling a route directly). */
export const requestLog = (c: Context, fallback: Logger): Logger => c.get('log') ?? fallback;

/**
 * Per request: an id (a sane incoming `X-Request-Id`, else a new UUID; echoed in the answer's
 * `X-Request-Id`), a logger carrying it, one line when the answer is sent (method, path without
 * the query, status, milliseconds) and the status class counted. While the server shuts down
 * every request is answered 503 `shutting-down` and its connection closed.
 */
export function requestTracking(log: Logger, observer: HttpObserver | undefined, shuttingDown: () => boolean): MiddlewareHandler[] {
  const track: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    const id = c.get('requestId');
    const requestLogger = log.child({ requestId: id });
    c.set('log', requestLogger);
    if (shuttingDown()) {
      c.res = errorResponse(c, 503, 'shutting-down', 'the server is shutting down; try again in a moment', {}, { Connection: 'close' });
    } else {
      await next();
    }
    const status = c.res.status;
    observer?.answered(`${Math.floor(status / 100)}xx`);
    const path = c.req.path.slice(0, 200);
    const fields = { method: c.req.method, path, status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (QUIET_PATHS.has(path) && status < 500) requestLogger.debug('http request', fields);
    else requestLogger.info('http request', fields);
  };
  return [requestId({ limitLength: REQUEST_ID_MAX }), track];
}

import type { Context, Hono } from 'hono';
import { hashSecret, sameHash } from '../auth/tokens.ts';
import { METRICS_CONTENT_TYPE } from '../metrics.ts';
import { requestToken } from './auth.ts';
import { errorResponse } from './errors.ts';
import { remoteAddress } from './rate-limit.ts';

export interface MetricsRouteDeps {
  /** The exposition text (Prometheus text format). */
  render(): string;
  /** REJSE_METRICS_TOKEN: required as a bearer token from any address; null: loopback callers only. */
  token: string | null;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function mayScrape(c: Context, token: string | null): Response | undefined {
  if (token) {
    const given = requestToken(c);
    if (given && sameHash(hashSecret(given), hashSecret(token))) return undefined;
    return errorResponse(
      c,
      401,
      'unauthorized',
      'metrics need the REJSE_METRICS_TOKEN as a bearer token',
      {},
      { 'WWW-Authenticate': 'Bearer' },
    );
  }
  if (isLoopbackAddress(remoteAddress(c))) return undefined;
  return errorResponse(
    c,
    403,
    'forbidden',
    'metrics are served to this machine only; set REJSE_METRICS_TOKEN to scrape them from elsewhere',
  );
}

/**
 * `GET /metrics`: counters and gauges in the Prometheus text format. Without REJSE_METRICS_TOKEN
 * only loopback callers get them (a scraper on the same host); with it, any caller with the token.
 * Behind a reverse proxy on the same host every request looks local: set the token there.
 */
export function mountMetricsRoute(app: Hono, deps: MetricsRouteDeps): void {
  app.get('/metrics', (c) => {
    const refused = mayScrape(c, deps.token);
    if (refused) return refused;
    return c.body(deps.render(), 200, { 'Content-Type': METRICS_CONTENT_TYPE, 'Cache-Control': 'no-store' });
  });
}

import { isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { errorResponse } from './errors.ts';

/** Requests per address per minute for the unauthenticated routes that make boards. */
export interface HttpRateLimits {
  /** `POST /api/boards` (REJSE_RATE_LIMIT_CREATE). */
  createPerMinute: number;
  /** `POST /api/boards/import`, up to 8 MiB each (REJSE_RATE_LIMIT_IMPORT). */
  importPerMinute: number;
}

const MINUTE_MS = 60_000;

/**
 * The client's address as a rate-limit key: IPv4 as it is (also when Node reports it
 * IPv4-mapped), IPv6 by its /64 (one machine can pick any address in its /64). Behind a
 * reverse proxy every client has the proxy's address: the limits then count everyone together.
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const bare = address.split('%')[0] ?? address;
  if (!isIPv6(bare)) return bare;
  const [head = '', tail] = bare.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** The socket address of the request (absent in `app.request` tests: they share one key). */
export const remoteAddress = (c: Context): string | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;

/**
 * At most `perMinute` requests per client address per minute (a fixed window, in memory:
 * one process serves a board). Past it: 429 `rate-limited` with `Retry-After` in seconds.
 * Every request counts, refused ones too (reading and refusing an 8 MiB file costs as much).
 */
export function perAddressLimit(perMinute: number, what: string): MiddlewareHandler {
  return rateLimiter({
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientAddressKey(remoteAddress(c)),
    handler: (c) =>
      errorResponse(c, 429, 'rate-limited', `too many ${what} from your address: at most ${perMinute} a minute; try again in a minute`),
  });
}

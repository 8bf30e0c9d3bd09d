import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LIMITS } from '@rejse/shared';
import { LOG_LEVELS, type LogLevel } from './log.ts';

const MiB = 1024 * 1024;

/**
 * Every server-side limit in one place, with the reason it exists. Board content limits
 * (title length, card count…) live in `@rejse/shared` (`LIMITS`); these protect the process.
 */
export const SERVER_LIMITS = {
  /** Normal JSON requests (create board, later settings): far above any real request. */
  httpBodyBytes: 1 * MiB,
  /** Reserved for the board import endpoint (a whole board as JSON). */
  httpImportBodyBytes: 8 * MiB,
  /**
   * Boards one client address may create per minute (`POST /api/boards`, no link needed).
   * A workshop behind one NAT creates a handful; this stops a script filling memory and disk
   * with boards. Past it: 429 with Retry-After. `REJSE_RATE_LIMIT_CREATE`.
   */
  boardCreationsPerMinute: 30,
  /**
   * Board imports one client address may make per minute (`POST /api/boards/import`, up to
   * 8 MiB each, no link needed): a facilitator imports one or two files. `REJSE_RATE_LIMIT_IMPORT`.
   */
  boardImportsPerMinute: 10,
  /** Largest WebSocket frame; `ws` closes bigger frames with 1009 (its default is 100 MiB). */
  wsMaxPayloadBytes: 8 * MiB,
  /** Open connections to one board: a workshop is a few dozen people, this leaves room for projectors and tabs. */
  connectionsPerBoard: 200,
  /** Open connections from one IP address: a whole office behind one NAT still fits. */
  connectionsPerIp: 500,
  /**
   * Bytes queued for one client before it is closed as a slow consumer (CLOSE.SLOW_CONSUMER).
   * Above the largest frame, so one initial sync of a large board never trips it.
   */
  sendBufferBytes: 16 * MiB,
  /** Ping every connection this often; one that did not answer the previous ping is terminated. */
  pingIntervalMs: 30_000,
  /** Stored update rows of a board after which its log is folded into a snapshot. */
  compactAfterUpdates: 500,
  /** Write a loaded board's `updatedAt` to the boards table at most this often (title changes go at once). */
  touchIntervalMs: 1_000,
  /**
   * Stored bytes of one board (snapshot + update log, compacted first when near). An update
   * that would pass it is refused with CLOSE.BOARD_TOO_LARGE. Below `sendBufferBytes`, so a
   * new client's first sync of the largest board still fits its send buffer. `BOARD_MAX_BYTES`.
   */
  boardBytes: 12 * MiB,
  /** Cards on one board (the model's own limit); past it the update is refused with BOARD_TOO_LARGE. `BOARD_MAX_CARDS`. */
  boardCards: LIMITS.cards,
  /**
   * Items (Yjs structs: every value ever written, deleted ones as small remnants) one board
   * may hold. Memory grows with items, not bytes: a struct costs ~450 bytes of heap, so 11 MiB
   * of tiny map entries (~1,000,000 structs) took 330–850 MB per board. A 10,000-card board
   * with every field set is ~120,000 items; the rest is room for its edit history. Past it
   * the update is refused with BOARD_TOO_LARGE (~135 MB of heap per board at most).
   */
  boardItems: 300_000,
  /**
   * One value (JSON bytes) an update may write: the largest field of the layout is a
   * 2,000-character text (≤ 8 KiB as JSON). Bigger closes with BOARD_TOO_LARGE.
   */
  valueBytes: 64 * 1024,
  /**
   * Presence updates of a connection's own client ids: a cursor at 20 Hz plus renewals fits;
   * sustained more closes with CLOSE.RATE_LIMITED. (The stock client echoes everyone else's
   * presence back; those echoes are dropped, not counted.)
   */
  awarenessRate: { perSecond: 30, burst: 60 },
  /** Full-state requests (sync step 1, awareness query) per connection; the stock client sends one per connection. */
  stateRequestRate: { perSecond: 2, burst: 10 },
  /** One presence state, as JSON bytes; bigger closes with 1009 (a cursor and a selection are far smaller). */
  awarenessStateBytes: 32 * 1024,
  /** Presence client ids one connection may speak for (a stock client has one; a tab that changed its id, two). */
  awarenessIdsPerConnection: 4,
  /**
   * Updates held back because their dependencies have not arrived (a real client's only in
   * the moment before its sync step 2). Yjs re-merges the held-back bytes on every such
   * update, so a client that piles them up is closed with MALFORMED_FRAME and they are dropped.
   */
  pendingUpdateBytes: 128 * 1024,
  /** Updates in a row from one connection that leave more held back than before (see `pendingUpdateBytes`). */
  pendingUpdatesPerConnection: 50,
  /**
   * SIGTERM: how long the graceful shutdown (stop accepting, flush, compact, close sockets and
   * the database) may take before the process exits anyway with code 1. Below Docker's and
   * compose's stop grace period (10 s / 30 s) so the process, not SIGKILL, decides. `REJSE_SHUTDOWN_TIMEOUT_MS`.
   */
  shutdownTimeoutMs: 8_000,
  /**
   * Snapshots kept in one board's version history (`REJSE_SNAPSHOTS_PER_BOARD`): a four-session
   * series with a snapshot per phase, per session and per half hour of editing stays far below.
   * Past it the oldest automatic ones go first, then the oldest named ones.
   */
  snapshotsPerBoard: 200,
  /** At most one automatic snapshot this often while a board is edited (`REJSE_SNAPSHOT_INTERVAL_MINUTES`). */
  snapshotIntervalMs: 30 * 60_000,
  /** Activity entries kept per board for "since I was here" (oldest dropped). */
  activityPerBoard: 5_000,
  /** Edits of one person to one thing within this time are one activity entry (and what a crash can lose of the log). */
  activityCoalesceMs: 10_000,

  // Process-wide bounds on what sockets hold in memory (issue 12, defect 6).
  /**
   * Bytes queued for sending across ALL connections (board and drafts sockets). Past it the
   * largest queues are closed with CLOSE.SLOW_CONSUMER until the rest fit: without it, a
   * hundred sockets that never read, each under `sendBufferBytes`, held over a gigabyte.
   * Room for sixteen full syncs of the largest board at once; ordinary edits are tiny.
   * `QUEUED_MAX_BYTES` sets it (1 MiB to 4 GiB) to fit the machine's memory.
   */
  processQueuedBytes: 256 * MiB,
  /**
   * A connection closed as a slow consumer is cut off this long after its close frame
   * (which waits behind everything queued), instead of `ws`'s 30 s: a reader that is merely
   * slow still gets its 4408, one that reads nothing stops holding memory.
   */
  slowConsumerGraceMs: 5_000,
} as const;

/** The repository root, from this file's place in it (server/src/config.ts, or server/dist/main.js once built). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

type NodeEnv = 'production' | 'development' | 'test';

export interface ServerConfig {
  /** 0 means any free port; the real one is printed on start. */
  port: number;
  host: string;
  /** Directory holding `rejse.sqlite` (created if missing). */
  dataDir: string;
  nodeEnv: NodeEnv;
  /** Serve the built client (SPA) from `clientDist` too (NODE_ENV=production). */
  serveClient: boolean;
  clientDist: string;
  logLevel: LogLevel;
  /** Update rows per board before compaction (SERVER_LIMITS.compactAfterUpdates unless COMPACT_THRESHOLD is set). */
  compactAfterUpdates: number;
  /**
   * REJSE_ADMIN_TOKEN: lists every board (`GET /api/boards`) and acts as the facilitator on
   * every board, for the operator. Null (the default) disables both.
   */
  adminToken: string | null;
  /**
   * REJSE_METRICS_TOKEN: `GET /metrics` then needs `Authorization: Bearer <it>` and is open to
   * any address (a scraper in another container). Null (the default): loopback callers only.
   */
  metricsToken: string | null;
  /** SERVER_LIMITS.boardBytes unless BOARD_MAX_BYTES is set. */
  boardMaxBytes: number;
  /** SERVER_LIMITS.boardCards unless BOARD_MAX_CARDS is set. */
  boardMaxCards: number;
  /** SERVER_LIMITS.boardCreationsPerMinute unless REJSE_RATE_LIMIT_CREATE is set. */
  createPerMinute: number;
  /** SERVER_LIMITS.boardImportsPerMinute unless REJSE_RATE_LIMIT_IMPORT is set. */
  importPerMinute: number;
  /** SERVER_LIMITS.shutdownTimeoutMs unless REJSE_SHUTDOWN_TIMEOUT_MS is set. */
  shutdownTimeoutMs: number;
  /** SERVER_LIMITS.snapshotsPerBoard unless REJSE_SNAPSHOTS_PER_BOARD is set. */
  snapshotsPerBoard: number;
  /** SERVER_LIMITS.snapshotIntervalMs unless REJSE_SNAPSHOT_INTERVAL_MINUTES is set. */
  snapshotIntervalMs: number;
  /** SERVER_LIMITS.processQueuedBytes unless QUEUED_MAX_BYTES is set (fit it to the machine's memory). */
  queuedMaxBytes: number;
  /** DATABASE_URL: store boards in this PostgreSQL database instead of SQLite in `dataDir`. */
  databaseUrl?: string | null;
  /** REDIS_URL: share live boards with the other instances through this Redis (needs DATABASE_URL). */
  redisUrl?: string | null;
}

/** One wrong environment variable and what is wrong with it (the text starts with its name). */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Bad environment variables; each line of the message names one. The process exits with EXIT_CONFIG. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Exit code for a bad configuration (sysexits' EX_CONFIG), so supervisors can tell it from a crash. */
export const EXIT_CONFIG = 78;

/** Unset and blank are the same: `KEY=` in a compose file or .env file means "the default". */
const optionalText = z
  .string()
  .optional()
  .transform((raw) => (raw?.trim() ? raw.trim() : undefined));

const wholeNumber = (min: number, max: number, fallback: number) =>
  optionalText.transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return value;
  });

/** A secret as hard to guess as a board link: at least 24 URL-safe characters. */
const secretToken = optionalText.transform((raw, ctx) => {
  if (raw === undefined) return null;
  if (!/^[A-Za-z0-9_-]{24,256}$/.test(raw)) {
    ctx.addIssue({ code: 'custom', message: 'must be 24 to 256 characters of A-Z, a-z, 0-9, "-" and "_"' });
    return z.NEVER;
  }
  return raw;
});

const oneOf = <T extends string>(values: readonly T[], fallback: T) =>
  optionalText.transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    if (!(values as readonly string[]).includes(raw)) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')}` });
      return z.NEVER;
    }
    return raw as T;
  });

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

const isWildcardOrLoopback = (address: string): boolean =>
  address === '0.0.0.0' || address === '::' || address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);

/** The machine's own addresses (what an IP given as HOST must be one of). */
export type InterfaceAddresses = () => string[];
const machineAddresses: InterfaceAddresses = () =>
  Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address.toLowerCase()));

/**
 * HOST: an IP address of this machine (or 0.0.0.0 / :: for every interface, or a loopback
 * address), or a host name (resolved when listening; one that does not resolve to this machine
 * stops the start with a message naming HOST too).
 */
const hostSchema = (addresses: InterfaceAddresses) =>
  optionalText.transform((raw, ctx) => {
    if (raw === undefined) return '127.0.0.1';
    const bare = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
    if (isIP(bare) === 0) {
      if (HOST_NAME.test(bare)) return bare;
      ctx.addIssue({
        code: 'custom',
        message: 'must be an IP address of this machine, 0.0.0.0 or :: (every interface), or a host name',
      });
      return z.NEVER;
    }
    if (isWildcardOrLoopback(bare) || addresses().includes(bare.toLowerCase())) return bare;
    ctx.addIssue({
      code: 'custom',
      message: `is not an address of this machine (its addresses: ${addresses().join(', ')}; 0.0.0.0 listens on all)`,
    });
    return z.NEVER;
  });

/** A service address (DATABASE_URL, REDIS_URL): unset is null; anything else must be a URL of one of `protocols`. */
const serviceUrl = (protocols: readonly string[]) =>
  optionalText.transform((raw, ctx) => {
    if (raw === undefined) return null;
    let protocol: string;
    try {
      protocol = new URL(raw).protocol;
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be a URL (${protocols.map((p) => `${p}//…`).join(' or ')})` });
      return z.NEVER;
    }
    if (!protocols.includes(protocol)) {
      ctx.addIssue({ code: 'custom', message: `must start with ${protocols.map((p) => `${p}//`).join(' or ')}` });
      return z.NEVER;
    }
    return raw;
  });

const envSchema = (addresses: InterfaceAddresses) =>
  z
    .object({
      PORT: wholeNumber(0, 65535, 8787),
      HOST: hostSchema(addresses),
      DATA_DIR: optionalText,
      NODE_ENV: oneOf(['production', 'development', 'test'] as const, 'development'),
      CLIENT_DIST: optionalText,
      LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
      COMPACT_THRESHOLD: wholeNumber(1, 1_000_000, SERVER_LIMITS.compactAfterUpdates),
      REJSE_ADMIN_TOKEN: secretToken,
      REJSE_METRICS_TOKEN: secretToken,
      BOARD_MAX_BYTES: wholeNumber(1024, SERVER_LIMITS.boardBytes, SERVER_LIMITS.boardBytes),
      BOARD_MAX_CARDS: wholeNumber(1, SERVER_LIMITS.boardCards, SERVER_LIMITS.boardCards),
      REJSE_RATE_LIMIT_CREATE: wholeNumber(1, 1_000_000, SERVER_LIMITS.boardCreationsPerMinute),
      REJSE_RATE_LIMIT_IMPORT: wholeNumber(1, 1_000_000, SERVER_LIMITS.boardImportsPerMinute),
      REJSE_SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 600_000, SERVER_LIMITS.shutdownTimeoutMs),
      REJSE_SNAPSHOTS_PER_BOARD: wholeNumber(1, 100_000, SERVER_LIMITS.snapshotsPerBoard),
      REJSE_SNAPSHOT_INTERVAL_MINUTES: wholeNumber(1, 7 * 24 * 60, SERVER_LIMITS.snapshotIntervalMs / 60_000),
      QUEUED_MAX_BYTES: wholeNumber(MiB, 4096 * MiB, SERVER_LIMITS.processQueuedBytes),
      DATABASE_URL: serviceUrl(['postgres:', 'postgresql:']),
      REDIS_URL: serviceUrl(['redis:', 'rediss:']),
    })
    // Redis fan-out without a shared database would serve boards nobody else can load.
    .superRefine((env, ctx) => {
      if (env.REDIS_URL && !env.DATABASE_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['REDIS_URL'],
          message: 'needs DATABASE_URL: instances that share boards must share one PostgreSQL database',
        });
      }
    });

/** Every variable the server reads (README and server/CONTEXT.md describe them). */
export const ENVIRONMENT_VARIABLES = Object.keys(envSchema(machineAddresses).shape);

/** The raw value for the message, shortened and without revealing a secret. */
function shown(name: string, raw: string | undefined): string {
  // Tokens are secrets; DATABASE_URL/REDIS_URL may carry a password.
  if (name.endsWith('_TOKEN') || name.endsWith('_URL')) return `a value of ${raw?.trim().length ?? 0} characters`;
  const text = raw ?? '';
  return `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;
}

/**
 * Reads and checks the configuration from environment variables. Throws a ConfigError naming
 * every bad variable (one per line) rather than starting with a value nobody meant.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
  addresses: InterfaceAddresses = machineAddresses,
): ServerConfig {
  const parsed = envSchema(addresses).safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0]);
        return { variable, message: `${variable} ${issue.message}, got ${shown(variable, env[variable])}` };
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR ?? './data'),
    nodeEnv: e.NODE_ENV,
    serveClient: e.NODE_ENV === 'production',
    clientDist: e.CLIENT_DIST ? path.resolve(cwd, e.CLIENT_DIST) : path.join(REPO_ROOT, 'client', 'dist'),
    logLevel: e.LOG_LEVEL,
    compactAfterUpdates: e.COMPACT_THRESHOLD,
    adminToken: e.REJSE_ADMIN_TOKEN,
    metricsToken: e.REJSE_METRICS_TOKEN,
    boardMaxBytes: e.BOARD_MAX_BYTES,
    boardMaxCards: e.BOARD_MAX_CARDS,
    createPerMinute: e.REJSE_RATE_LIMIT_CREATE,
    importPerMinute: e.REJSE_RATE_LIMIT_IMPORT,
    shutdownTimeoutMs: e.REJSE_SHUTDOWN_TIMEOUT_MS,
    snapshotsPerBoard: e.REJSE_SNAPSHOTS_PER_BOARD,
    snapshotIntervalMs: e.REJSE_SNAPSHOT_INTERVAL_MINUTES * 60_000,
    queuedMaxBytes: e.QUEUED_MAX_BYTES,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
  };
}

/** `REJSE_*` variables that are set but read by nothing (a typo leaves the default in force). */
export function unknownRejseVariables(env: Record<string, string | undefined>): string[] {
  return Object.keys(env).filter((name) => name.startsWith('REJSE_') && !ENVIRONMENT_VARIABLES.includes(name));
}

/** The file name of the database inside DATA_DIR. */
export const DATABASE_FILE = 'rejse.sqlite';

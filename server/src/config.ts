import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '@rejse/shared';

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
} as const;

/** The repository root, from this file's place in it (server/src/config.ts). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerConfig {
  /** 0 means any free port; the real one is printed on start. */
  port: number;
  host: string;
  /** Directory holding `rejse.sqlite` (created if missing). */
  dataDir: string;
  /** Serve the built client (SPA) from `clientDist` too. */
  serveClient: boolean;
  clientDist: string;
  /** Update rows per board before compaction (SERVER_LIMITS.compactAfterUpdates unless COMPACT_THRESHOLD is set). */
  compactAfterUpdates: number;
  /**
   * REJSE_ADMIN_TOKEN: lists every board (`GET /api/boards`) and acts as the facilitator on
   * every board, for the operator. Null (the default) disables both.
   */
  adminToken: string | null;
  /** SERVER_LIMITS.boardBytes unless BOARD_MAX_BYTES is set. */
  boardMaxBytes: number;
  /** SERVER_LIMITS.boardCards unless BOARD_MAX_CARDS is set. */
  boardMaxCards: number;
  /** SERVER_LIMITS.boardCreationsPerMinute unless REJSE_RATE_LIMIT_CREATE is set. */
  createPerMinute: number;
  /** SERVER_LIMITS.boardImportsPerMinute unless REJSE_RATE_LIMIT_IMPORT is set. */
  importPerMinute: number;
}

export class ConfigError extends Error {}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** The admin token must be as hard to guess as a board link: at least 24 URL-safe characters. */
function parseAdminToken(raw: string | undefined): string | null {
  const token = raw?.trim();
  if (!token) return null;
  if (!/^[A-Za-z0-9_-]{24,256}$/.test(token)) {
    throw new ConfigError('REJSE_ADMIN_TOKEN must be 24 to 256 characters of A-Z, a-z, 0-9, "-" and "_"');
  }
  return token;
}

/** Reads the configuration from environment variables (see server/CONTEXT.md for the list). */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ServerConfig {
  return {
    port: parseInteger('PORT', env.PORT, 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || './data'),
    serveClient: env.NODE_ENV === 'production',
    clientDist: env.CLIENT_DIST?.trim() ? path.resolve(cwd, env.CLIENT_DIST.trim()) : path.join(REPO_ROOT, 'client', 'dist'),
    compactAfterUpdates: parseInteger(
      'COMPACT_THRESHOLD',
      env.COMPACT_THRESHOLD,
      SERVER_LIMITS.compactAfterUpdates,
      1,
      1_000_000,
    ),
    adminToken: parseAdminToken(env.REJSE_ADMIN_TOKEN),
    boardMaxBytes: parseInteger('BOARD_MAX_BYTES', env.BOARD_MAX_BYTES, SERVER_LIMITS.boardBytes, 1024, SERVER_LIMITS.boardBytes),
    boardMaxCards: parseInteger('BOARD_MAX_CARDS', env.BOARD_MAX_CARDS, SERVER_LIMITS.boardCards, 1, SERVER_LIMITS.boardCards),
    createPerMinute: parseInteger('REJSE_RATE_LIMIT_CREATE', env.REJSE_RATE_LIMIT_CREATE, SERVER_LIMITS.boardCreationsPerMinute, 1, 1_000_000),
    importPerMinute: parseInteger('REJSE_RATE_LIMIT_IMPORT', env.REJSE_RATE_LIMIT_IMPORT, SERVER_LIMITS.boardImportsPerMinute, 1, 1_000_000),
  };
}

/** The file name of the database inside DATA_DIR. */
export const DATABASE_FILE = 'rejse.sqlite';

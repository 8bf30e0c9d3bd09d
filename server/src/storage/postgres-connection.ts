/**
 * One synchronous PostgreSQL connection: libpq's blocking calls through `pg-native` (the
 * node-postgres project's binding). Every query blocks the event loop for one round trip
 * to the database — the price of keeping the storage interfaces synchronous (see
 * CONTEXT.md, "PostgreSQL"); the server's edits are one short statement each.
 */
import { createRequire } from 'node:module';

/** The part of pg-native's Client used here (it ships no types). */
interface NativeClient {
  connectSync(conninfo: string): void;
  querySync(text: string, values?: (string | null)[]): Record<string, unknown>[];
  end(): void;
  pq: { resultErrorFields(): { sqlState?: string } | undefined };
}
type NativeClientConstructor = new (config: { types: { getTypeParser: (oid: number) => (text: string) => unknown } }) => NativeClient;

// pg-native is CommonJS with a native addon, and an optional dependency (its build needs
// libpq-dev): loaded on first use, so SQLite-only servers and installs never need libpq.
let nativeClient: NativeClientConstructor | undefined;
export function loadNativeClient(): NativeClientConstructor {
  if (nativeClient) return nativeClient;
  try {
    nativeClient = createRequire(import.meta.url)('pg-native') as NativeClientConstructor;
  } catch (error) {
    throw new Error(
      'PostgreSQL storage needs the pg-native package, built against libpq at install time ' +
        `(Debian: apt-get install libpq-dev, then pnpm install): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  return nativeClient;
}

/**
 * Ends a client without crashing the process: libpq's addon closes its socket watcher
 * asynchronously but lets its object be collected at once, and a collection before the
 * close completes aborts Node (`uv__finish_close` assertion). Holding the ended client for
 * a moment lets the close finish first.
 */
const ending = new Set<NativeClient>();
function endClient(client: NativeClient): void {
  ending.add(client);
  try {
    client.end();
  } finally {
    setTimeout(() => ending.delete(client), 1_000).unref();
  }
}

/** A value bound to a query parameter (bytes go as bytea hex). */
export type SqlValue = string | number | boolean | Uint8Array | null;

/** A database error with Postgres's SQLSTATE (`23505` unique violation, `23503` foreign key…). */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message.trim());
    this.name = 'PostgresError';
  }
}

export const FOREIGN_KEY_VIOLATION = '23503';

// Result columns come as text; only the types the schema uses are turned into values.
const OID_INT8 = 20;
const OID_INT2 = 21;
const OID_INT4 = 23;
const OID_BOOL = 16;
const OID_BYTEA = 17;
const parseBytea = (text: string): Uint8Array => {
  const buffer = Buffer.from(text.slice(2), 'hex');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};
const TYPES = {
  getTypeParser(oid: number): (text: string) => unknown {
    switch (oid) {
      case OID_INT8:
      case OID_INT2:
      case OID_INT4:
        return Number;
      case OID_BOOL:
        return (text) => text === 't';
      case OID_BYTEA:
        return parseBytea;
      default:
        return (text) => text;
    }
  },
};

const toParam = (value: SqlValue): string | null => {
  if (value === null) return null;
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  return String(value);
};

/**
 * Connection settings added to the operator's URL unless it sets them: a dead database host
 * must fail a blocking call within seconds, not hang the process (libpq waits forever).
 */
const SAFETY_PARAMS: Record<string, string> = {
  connect_timeout: '5',
  keepalives: '1',
  keepalives_idle: '5',
  keepalives_interval: '2',
  keepalives_count: '3',
  tcp_user_timeout: '10000',
  application_name: 'rejse',
};
/** No statement of ours runs long; a stuck lock fails the write instead of freezing the server. */
const STATEMENT_TIMEOUT = '10s';

/**
 * Commits do not wait for PostgreSQL's WAL flush, unless the operator's DATABASE_URL sets
 * `synchronous_commit` itself (`?options=-c%20synchronous_commit%3Don`). Each query blocks the
 * event loop (see CONTEXT.md): waiting for an fsync per edit cost ~1–10 ms of frozen server per
 * append here, against ~0.2 ms without. A commit is in PostgreSQL's memory and WAL buffers
 * when the append returns, so it survives any Rejse instance dying (SIGKILL included); only a
 * crash of the PostgreSQL server itself within ~0.6 s (3 × wal_writer_delay) of a commit can
 * lose it — the same class of risk as SQLite's synchronous=NORMAL against an OS crash.
 */
export function sessionSettings(url: string): string[] {
  const settings = [`SET statement_timeout = '${STATEMENT_TIMEOUT}'`, 'SET client_min_messages = warning'];
  if (!decodeURIComponent(url).includes('synchronous_commit')) settings.push('SET synchronous_commit = off');
  return settings;
}

export function withSafetyParams(url: string): string {
  const given = new URL(url).searchParams;
  // Appended as text: re-serialising the URL would turn %20 into "+", which libpq keeps as is.
  const extra = Object.entries(SAFETY_PARAMS)
    .filter(([key]) => !given.has(key))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return extra.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}${extra.join('&')}`;
}

export interface SqlConnection {
  /** Runs one statement and returns its rows. Throws PostgresError. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Row[];
  /** Runs `work` inside BEGIN … COMMIT (ROLLBACK when it throws); nested, inside a savepoint. */
  transaction<T>(work: () => T): T;
  close(): void;
}

/**
 * Opens a connection now (throws when the database cannot be reached). A connection that
 * breaks later (the database restarted) is opened again on the next query; the query that
 * saw it break throws, so its caller handles it like any storage failure.
 */
export function connectPostgres(url: string): SqlConnection {
  const conninfo = withSafetyParams(url);
  const Client = loadNativeClient();
  let client: NativeClient | null = null;
  let closed = false;
  let inTransaction = false;

  const open = (): NativeClient => {
    if (closed) throw new Error('the PostgreSQL connection is closed');
    if (client) return client;
    const fresh = new Client({ types: TYPES });
    try {
      fresh.connectSync(conninfo);
      fresh.querySync(sessionSettings(url).join('; '));
    } catch (error) {
      endClient(fresh);
      throw new PostgresError(`could not connect to PostgreSQL: ${error instanceof Error ? error.message : String(error)}`, undefined);
    }
    client = fresh;
    return fresh;
  };

  const query = <Row>(text: string, params?: readonly SqlValue[]): Row[] => {
    const active = open();
    try {
      return (params ? active.querySync(text, params.map(toParam)) : active.querySync(text)) as Row[];
    } catch (error) {
      const code = active.pq.resultErrorFields()?.sqlState;
      // The connection itself failed (no SQLSTATE, class 08, or the server shutting down): drop
      // it; the next query reconnects.
      if (!code || code.startsWith('08') || code.startsWith('57P')) {
        client = null;
        try {
          endClient(active);
        } catch {
          // already broken
        }
      }
      throw new PostgresError(error instanceof Error ? error.message : String(error), code);
    }
  };

  /** `work` between `begin` and `commit`; on a throw, `rollback` first (when the connection still stands). */
  const between = <T>(begin: string, work: () => T, commit: string, rollback: string): T => {
    query(begin);
    let result: T;
    try {
      result = work();
    } catch (error) {
      if (client) {
        try {
          query(rollback);
        } catch {
          // The connection broke; the transaction fails with it (the server rolls it back itself).
        }
      }
      throw error;
    }
    query(commit);
    return result;
  };

  return {
    query,
    transaction<T>(work: () => T): T {
      // Nested (a compaction inside a group commit's batch): a savepoint of the same transaction, as SQLite does.
      if (inTransaction) return between('SAVEPOINT nested', work, 'RELEASE SAVEPOINT nested', 'ROLLBACK TO SAVEPOINT nested');
      inTransaction = true;
      try {
        return between('BEGIN', work, 'COMMIT', 'ROLLBACK');
      } finally {
        inTransaction = false;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      if (client) endClient(client);
      client = null;
    },
  };
}

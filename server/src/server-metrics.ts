import { statSync } from 'node:fs';
import { CLOSE } from '@rejse/shared';
import { MetricsRegistry, type Counter, type Histogram } from './metrics.ts';
import type { DocumentLog } from './storage/documents.ts';
import type { BoardStore } from './storage/store.ts';

/** What `/metrics` shows (README "Operations" lists them); the sync layer and the store feed them. */
export interface ServerMetrics {
  registry: MetricsRegistry;
  /** Yjs updates clients sent (sync step 2 and update messages), before any check. */
  updatesReceived: Counter;
  /** Updates appended to storage (clients', migrations', server-origin edits'): applied and stored. */
  updatesApplied: Counter;
  /** Bytes of those updates. */
  appendedBytes: Counter;
  /** Connections the server closed, by close code (refusals, limits, shutdown). */
  serverCloses: Counter;
  storeAppendSeconds: Histogram;
  /** One group commit: the appends of one event-loop turn in one transaction. */
  storeCommitSeconds: Histogram;
  /** HTTP answers by status class (`2xx`…`5xx`). */
  httpRequests: Counter;
}

export interface MetricSources {
  roomsLoaded(): number;
  connections(): number;
  /** Files whose sizes add up to the bytes stored (the database and its WAL); none for the memory store. */
  databaseFiles: readonly string[];
}

/** Store appends take microseconds when well; the upper buckets are there to show when they are not. */
const APPEND_BUCKETS = [0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** Close code → the name in `CLOSE`, for a readable label. */
const CLOSE_NAMES = new Map<number, string>(Object.entries(CLOSE).map(([name, reason]) => [reason.code, name.toLowerCase()]));
CLOSE_NAMES.set(1001, 'going_away');
CLOSE_NAMES.set(1009, 'message_too_big');

export const closeLabels = (code: number): { code: string; reason: string } => ({
  code: String(code),
  reason: CLOSE_NAMES.get(code) ?? 'other',
});

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function createServerMetrics(sources: MetricSources): ServerMetrics {
  const registry = new MetricsRegistry();
  registry.gauge('rejse_rooms_loaded', 'Boards loaded in memory (each has at least one connection).', sources.roomsLoaded);
  registry.gauge('rejse_connections', 'Open sync WebSocket connections (board and drafts sockets).', sources.connections);
  const metrics: ServerMetrics = {
    registry,
    updatesReceived: registry.counter('rejse_updates_received_total', 'Yjs updates received from clients, before any check.'),
    updatesApplied: registry.counter('rejse_updates_applied_total', 'Yjs updates applied to a board and appended to storage.'),
    appendedBytes: registry.counter('rejse_store_appended_bytes_total', 'Bytes of the updates appended to storage.'),
    serverCloses: registry.counter(
      'rejse_connections_closed_by_server_total',
      'Sync connections the server closed, by close code (4xxx refusals and limits, 1009 too big, 1001 shutdown).',
    ),
    storeAppendSeconds: registry.histogram(
      'rejse_store_append_seconds',
      'Time of one write of updates into the open transaction (group commit writes a turn’s updates, every board, in one).',
      APPEND_BUCKETS,
    ),
    storeCommitSeconds: registry.histogram(
      'rejse_store_commit_seconds',
      'Time of one group commit (the updates of one event-loop turn, every board, one transaction), writes and commit.',
      APPEND_BUCKETS,
    ),
    httpRequests: registry.counter('rejse_http_requests_total', 'HTTP requests answered, by status class.'),
  };
  registry.gauge('rejse_store_bytes', 'Bytes of the database files on disk (database and write-ahead log).', () =>
    sources.databaseFiles.reduce((sum, file) => sum + fileBytes(file), 0),
  );
  registry.gauge('process_resident_memory_bytes', 'Resident memory of the server process.', () => process.memoryUsage.rss());
  registry.gauge('process_cpu_seconds_total', 'CPU time (user + system) the process has used.', () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  });
  const startedAt = Date.now() / 1000 - process.uptime();
  registry.gauge('process_start_time_seconds', 'When the process started, in seconds since the epoch.', () => startedAt);
  return metrics;
}

/**
 * The store with its document appends timed and counted; everything else passes through
 * unchanged (the document log through a Proxy — `tail`, `load` and the rest reach the real log —
 * so it does not matter whether it is an object of closures or a class).
 */
export function instrumentStore(store: BoardStore, metrics: ServerMetrics): BoardStore {
  const documents = store.documents;
  const append: DocumentLog['append'] = (boardId, update) => {
    const started = process.hrtime.bigint();
    const seq = documents.append(boardId, update);
    metrics.storeAppendSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    metrics.updatesApplied.inc();
    metrics.appendedBytes.inc(update.byteLength);
    return seq;
  };
  const appendMany: DocumentLog['appendMany'] = (entries) => {
    const started = process.hrtime.bigint();
    const seqs = documents.appendMany(entries);
    metrics.storeAppendSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    metrics.updatesApplied.inc(entries.length);
    metrics.appendedBytes.inc(entries.reduce((sum, entry) => sum + entry.update.byteLength, 0));
    return seqs;
  };
  let batchDepth = 0;
  const batch: DocumentLog['batch'] = (work) => {
    const started = process.hrtime.bigint();
    batchDepth += 1;
    try {
      return documents.batch(work);
    } finally {
      batchDepth -= 1;
      if (batchDepth === 0) metrics.storeCommitSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
  const bound = new Map<PropertyKey, unknown>();
  const timed = new Proxy(documents, {
    get(target, property) {
      if (property === 'append') return append;
      if (property === 'appendMany') return appendMany;
      if (property === 'batch') return batch;
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      let fn = bound.get(property);
      if (!fn) {
        fn = (value as (...args: unknown[]) => unknown).bind(target);
        bound.set(property, fn);
      }
      return fn;
    },
  });
  // Every other store (links, votes, drafts, tone, snapshots, activity…) as it is.
  return { ...store, documents: timed, close: () => store.close() };
}

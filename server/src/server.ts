import { mkdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { ConfigError, DATABASE_FILE, SERVER_LIMITS, type ServerConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { lingerOnUnreadBodies } from './http/linger.ts';
import { createLogger, type Logger } from './log.ts';
import { closeLabels, createServerMetrics, instrumentStore, type ServerMetrics } from './server-metrics.ts';
import { createPostgresStore } from './storage/postgres-store.ts';
import { createSqliteStore } from './storage/sqlite-store.ts';
import type { BoardStore } from './storage/store.ts';
import type { RoomLimits } from './sync/room-limits.ts';
import { DraftRooms } from './sync/drafts.ts';
import { createActivityLog } from './sync/activity.ts';
import { createBoardHistory } from './sync/history.ts';
import { createLiveBoards } from './sync/live-boards.ts';
import { createRedisFanout, type BoardFanout } from './sync/fanout.ts';
import { RoomManager } from './sync/rooms.ts';
import { attachSyncServer, type SyncLimits, type SyncServer } from './sync/websocket.ts';

export interface RejseServer {
  /** `http://host:port`, with the real port when the config asked for port 0. */
  url: string;
  port: number;
  app: Hono;
  rooms: RoomManager;
  store: BoardStore;
  metrics: ServerMetrics;
  /**
   * Graceful shutdown: refuses new connections and requests (503), closes every board socket
   * with 1001 after its room is flushed and compacted, waits briefly for clients to take the
   * close, then closes the database.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  /** Use this store instead of the SQLite file in `config.dataDir` (tests). */
  store?: BoardStore;
  /** Override connection limits (tests use small ones to reach them quickly). */
  limits?: Partial<SyncLimits>;
  /** Override board size, rate and presence limits (tests). */
  roomLimits?: Partial<RoomLimits>;
}

/** The answer to a request Node could not parse (headers or URL over 16 KiB, bad syntax). */
const MALFORMED_REQUEST = JSON.stringify({
  error: 'the request could not be read (headers or URL too long, or malformed)',
  code: 'invalid-request',
});

/** Close code for connections still open at shutdown (standard "going away"; clients reconnect). */
const SHUTDOWN_CLOSE = { code: 1001, reason: 'server shutting down' };
/** How long shutdown waits for clients to acknowledge the close before cutting them off. */
const SHUTDOWN_GRACE_MS = 1_000;

const hostForUrl = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** Listening errors an operator causes, as a message naming the variable to change. */
function listenProblem(error: NodeJS.ErrnoException, port: number, host: string): ConfigError | undefined {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError([{ variable: 'PORT', message: `PORT ${port} is already in use on ${host}` }]);
    case 'EACCES':
      return new ConfigError([
        {
          variable: 'PORT',
          message: `PORT ${port} needs privileges this process does not have (use a port above 1023)`,
        },
      ]);
    case 'EADDRNOTAVAIL':
      return new ConfigError([{ variable: 'HOST', message: `HOST ${host} is not an address of this machine` }]);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError([{ variable: 'HOST', message: `HOST ${host} does not resolve to an address (${error.code})` }]);
    default:
      return undefined;
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenProblem(error, port, host) ?? error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      if (check() || Date.now() - started >= timeoutMs) resolve();
      else setTimeout(tick, 20);
    };
    tick();
  });
}

/** A well-formed board id no board has: the readiness lookup runs the real indexed query. */
const READINESS_PROBE_ID = 'readiness-probe';

/**
 * Readiness of the SQLite store: a real query through the server's own connection, and the
 * database file at its path is still the one that connection has open. (On Linux a deleted or
 * replaced file stays readable and writable through the open handle, so every later write
 * would go to a file nobody will ever open again.)
 */
function databaseReadiness(store: BoardStore, file: string): () => void {
  const identity = (): string => {
    const stat = statSync(file);
    return `${stat.dev}:${stat.ino}`;
  };
  const opened = identity();
  return () => {
    store.documents.exists(READINESS_PROBE_ID);
    let current: string;
    try {
      current = identity();
    } catch {
      throw new Error(`the database file ${file} is gone`);
    }
    if (current !== opened) throw new Error(`the database file ${file} was replaced since the server opened it`);
  };
}

/** Wires storage, rooms, the HTTP app and the sync socket together and starts listening. */
export async function startRejseServer(config: ServerConfig, options: StartOptions = {}): Promise<RejseServer> {
  const log = options.log ?? createLogger();
  const databaseFile = path.join(config.dataDir, DATABASE_FILE);
  let store = options.store;
  let databaseFiles: string[] = [];
  if (!store && config.databaseUrl) {
    store = createPostgresStore(config.databaseUrl);
  } else if (!store) {
    mkdirSync(config.dataDir, { recursive: true });
    store = createSqliteStore(databaseFile);
    databaseFiles = [databaseFile, `${databaseFile}-wal`];
  }
  const rawStore = store;
  let fanout: BoardFanout | undefined;
  if (config.redisUrl) {
    try {
      fanout = await createRedisFanout(config.redisUrl, log);
    } catch (error) {
      rawStore.close();
      throw error;
    }
  }
  let syncServer: SyncServer | null = null;
  // Read only when /metrics is scraped, after everything below exists.
  const metrics = createServerMetrics({
    roomsLoaded: () => rooms.stats().rooms,
    connections: () => syncServer?.connectionCount ?? 0,
    databaseFiles,
  });
  const boardStore = instrumentStore(rawStore, metrics);
  const readiness =
    databaseFiles.length > 0 ? databaseReadiness(boardStore, databaseFile) : () => void boardStore.documents.exists(READINESS_PROBE_ID);
  let shuttingDown = false;
  const rooms = new RoomManager(boardStore.documents, {
    fanout,
    compactAfterUpdates: config.compactAfterUpdates,
    touchIntervalMs: SERVER_LIMITS.touchIntervalMs,
    log,
    limits: { maxBoardBytes: config.boardMaxBytes, maxBoardCards: config.boardMaxCards, ...options.roomLimits },
  });
  // Drafts sockets hold back updates under the same limits as board rooms.
  const drafts = new DraftRooms(boardStore, log, {
    pendingUpdateBytes: options.roomLimits?.pendingUpdateBytes ?? SERVER_LIMITS.pendingUpdateBytes,
    pendingUpdatesPerConnection: options.roomLimits?.pendingUpdatesPerConnection ?? SERVER_LIMITS.pendingUpdatesPerConnection,
  });
  const live = createLiveBoards({ rooms, store: boardStore, drafts, sync: () => syncServer, log });
  const history = createBoardHistory(
    { snapshots: boardStore.snapshots, live, log },
    {
      retention: config.snapshotsPerBoard ?? SERVER_LIMITS.snapshotsPerBoard,
      autoIntervalMs: config.snapshotIntervalMs ?? SERVER_LIMITS.snapshotIntervalMs,
    },
  );
  const activity = createActivityLog(
    { store: boardStore.activity, log },
    { keep: SERVER_LIMITS.activityPerBoard, coalesceMs: SERVER_LIMITS.activityCoalesceMs },
  );
  rooms.onRoomLoaded = (room) => {
    history.watch(room);
    activity.watch(room);
  };
  const app = createApp({
    store: boardStore,
    boards: rooms,
    live,
    history,
    flushActivity: (boardId) => activity.flushBoard(boardId),
    adminToken: config.adminToken,
    health: () => ({ ...rooms.stats(), queuedBytes: syncServer?.queuedBytes ?? 0 }),
    clientDist: config.serveClient ? config.clientDist : null,
    log,
    rateLimits: { createPerMinute: config.createPerMinute, importPerMinute: config.importPerMinute },
    ready: () => {
      if (shuttingDown) throw new Error('the server is shutting down');
      readiness();
    },
    metrics: {
      render: () => metrics.registry.render(),
      token: config.metricsToken,
      answered: (statusClass) => metrics.httpRequests.inc(1, { class: statusClass }),
    },
    shuttingDown: () => shuttingDown,
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host }) as Server;
  const sync = attachSyncServer(
    server,
    rooms,
    { ...SERVER_LIMITS, processQueuedBytes: config.queuedMaxBytes, ...options.limits },
    log,
    { store: boardStore, adminToken: config.adminToken, drafts },
    {
      updateReceived: () => metrics.updatesReceived.inc(),
      closedByServer: (code) => metrics.serverCloses.inc(1, closeLabels(code)),
    },
  );
  syncServer = sync;
  lingerOnUnreadBodies(server);
  server.on('clientError', (error, socket) => {
    log.debug('bad HTTP request', { error: error.message });
    // JSON like every other HTTP error (Node's own answer has no body).
    if (socket.writable)
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${MALFORMED_REQUEST.length}\r\nConnection: close\r\n\r\n${MALFORMED_REQUEST}`,
      );
    else socket.destroy();
  });

  let address: AddressInfo;
  try {
    address = await listen(server, config.port, config.host);
  } catch (error) {
    await fanout?.close();
    boardStore.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shuttingDown = true;
      const open = { ...rooms.stats(), sockets: sync.connectionCount };
      sync.stopAccepting();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Everything a client sent is already stored (appended before it was broadcast);
      // closeAll compacts each board so the next start loads one snapshot, then closes with 1001.
      history.stop();
      rooms.closeAll(SHUTDOWN_CLOSE);
      activity.stop();
      drafts.closeAll(SHUTDOWN_CLOSE);
      await waitUntil(() => sync.connectionCount === 0, SHUTDOWN_GRACE_MS);
      sync.terminateAll();
      server.closeAllConnections();
      await closed;
      await fanout?.close();
      boardStore.close();
      log.info('shutdown: boards compacted, connections closed, database closed', {
        rooms: open.rooms,
        connections: open.sockets,
      });
    })();
    return closing;
  };

  return {
    url: `http://${hostForUrl(config.host)}:${address.port}`,
    port: address.port,
    app,
    rooms,
    store: boardStore,
    metrics,
    close,
  };
}

import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { DATABASE_FILE, SERVER_LIMITS, type ServerConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { createLogger, type Logger } from './log.ts';
import { createSqliteStore } from './storage/sqlite-store.ts';
import type { BoardStore } from './storage/store.ts';
import type { RoomLimits } from './sync/room.ts';
import { DraftRooms } from './sync/drafts.ts';
import { createLiveBoards } from './sync/live-boards.ts';
import { RoomManager } from './sync/rooms.ts';
import { attachSyncServer, type SyncLimits, type SyncServer } from './sync/websocket.ts';

export interface RejseServer {
  /** `http://host:port`, with the real port when the config asked for port 0. */
  url: string;
  port: number;
  app: Hono;
  rooms: RoomManager;
  store: BoardStore;
  /** Stops accepting, closes every connection, compacts every loaded board, closes the database. */
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
const MALFORMED_REQUEST = JSON.stringify({ error: 'the request could not be read (headers or URL too long, or malformed)', code: 'invalid-request' });

/** Close code for connections still open at shutdown (standard "going away"; clients reconnect). */
const SHUTDOWN_CLOSE = { code: 1001, reason: 'server shutting down' };
/** How long shutdown waits for clients to acknowledge the close before cutting them off. */
const SHUTDOWN_GRACE_MS = 1_000;

const hostForUrl = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
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

/** Wires storage, rooms, the HTTP app and the sync socket together and starts listening. */
export async function startRejseServer(config: ServerConfig, options: StartOptions = {}): Promise<RejseServer> {
  const log = options.log ?? createLogger();
  let store = options.store;
  if (!store) {
    mkdirSync(config.dataDir, { recursive: true });
    store = createSqliteStore(path.join(config.dataDir, DATABASE_FILE));
  }
  const boardStore = store;
  const rooms = new RoomManager(boardStore, {
    compactAfterUpdates: config.compactAfterUpdates,
    touchIntervalMs: SERVER_LIMITS.touchIntervalMs,
    log,
    limits: { maxBoardBytes: config.boardMaxBytes, maxBoardCards: config.boardMaxCards, ...options.roomLimits },
  });
  const drafts = new DraftRooms(boardStore, log);
  let syncServer: SyncServer | null = null;
  const live = createLiveBoards({ rooms, store: boardStore, drafts, sync: () => syncServer, log });
  const app = createApp({
    store: boardStore,
    boards: rooms,
    live,
    adminToken: config.adminToken,
    health: () => ({ ...rooms.stats() }),
    clientDist: config.serveClient ? config.clientDist : null,
    log,
    rateLimits: { createPerMinute: config.createPerMinute, importPerMinute: config.importPerMinute },
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host }) as Server;
  const sync = attachSyncServer(server, rooms, { ...SERVER_LIMITS, ...options.limits }, log, {
    store: boardStore,
    adminToken: config.adminToken,
    drafts,
  });
  syncServer = sync;
  server.on('clientError', (error, socket) => {
    log.debug('bad HTTP request', { error: error.message });
    // JSON like every other HTTP error (Node's own answer has no body).
    if (socket.writable) socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${MALFORMED_REQUEST.length}\r\nConnection: close\r\n\r\n${MALFORMED_REQUEST}`);
    else socket.destroy();
  });

  let address: AddressInfo;
  try {
    address = await listen(server, config.port, config.host);
  } catch (error) {
    boardStore.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      sync.stopAccepting();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Everything a client sent is already stored; compacting now makes the next start fast.
      rooms.closeAll(SHUTDOWN_CLOSE);
      drafts.closeAll(SHUTDOWN_CLOSE);
      await waitUntil(() => sync.connectionCount === 0, SHUTDOWN_GRACE_MS);
      sync.terminateAll();
      server.closeAllConnections();
      await closed;
      boardStore.close();
    })();
    return closing;
  };

  return {
    url: `http://${hostForUrl(config.host)}:${address.port}`,
    port: address.port,
    app,
    rooms,
    store: boardStore,
    close,
  };
}

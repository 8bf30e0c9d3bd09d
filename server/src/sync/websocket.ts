import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE, FRESH_JOIN_PARAM, PROTOCOL_VERSION, isValidId } from '@rejse/shared';
import type { Logger } from '../log.ts';
import { resolveAccess, type AccessDeps, type ConnectionAccess } from './access.ts';
import { Connection, type CloseReason } from './connection.ts';
import type { DraftRooms } from './drafts.ts';
import { withParticipant } from './participant-access.ts';
import { OpeningRoom } from './opening.ts';
import type { RoomManager } from './rooms.ts';
import { SendBudget } from './send-budget.ts';

export interface SyncLimits {
  wsMaxPayloadBytes: number;
  connectionsPerBoard: number;
  connectionsPerIp: number;
  sendBufferBytes: number;
  processQueuedBytes: number;
  slowConsumerGraceMs: number;
  pingIntervalMs: number;
}

/** The URL prefix of board sockets: `ws://host/ws/<boardId>`, what `WebsocketProvider(url + '/ws', boardId)` opens. */
const SYNC_PATH_PREFIX = '/ws/';

export interface SyncServer {
  /** Open sync connections. */
  readonly connectionCount: number;
  /** Bytes queued for sending across every connection, as last seen (see SendBudget). */
  readonly queuedBytes: number;
  /** Refuse new upgrades (503) from now on. */
  stopAccepting(): void;
  /** Terminates every socket still open and stops the ping timer. */
  terminateAll(): void;
  /** Closes the board's connections (board and drafts) whose access matches; returns how many. */
  closeConnections(boardId: string, match: (access: ConnectionAccess) => boolean, reason: CloseReason): number;
  /** How many of the board's open connections (board and drafts sockets) match. */
  countConnections(boardId: string, match: (access: ConnectionAccess) => boolean): number;
}

/** What the sync layer reports for `/metrics`. */
export interface SyncObserver {
  /** A client sent a Yjs update (sync step 2 or update message), before any check. */
  updateReceived(): void;
  /** The server closed a connection with this code (a refusal, a limit, shutdown). */
  closedByServer(code: number): void;
}

const NO_OBSERVER: SyncObserver = { updateReceived: () => undefined, closedByServer: () => undefined };

/** y-protocols message bytes: a sync message (0) carrying step 2 (1) or an update (2). */
const carriesUpdate = (frame: Uint8Array): boolean => frame[0] === 0 && (frame[1] === 1 || frame[1] === 2);

/** Who may connect (secret links) and where private drafts live. */
export interface SyncAccess extends AccessDeps {
  drafts: DraftRooms;
}

/** The path segment between a board id and a participant id on a drafts socket. */
const DRAFTS_SEGMENT = 'drafts';

/**
 * Parses `/ws/<id>` and `/ws/<id>/drafts/<participantId>`; anything else is not a sync path.
 * The ids themselves are checked after the upgrade.
 */
function parseSyncPath(rawUrl: string | undefined): { boardId: string; draftsOf?: string; params: URLSearchParams } | undefined {
  if (!rawUrl) return undefined;
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://localhost');
  } catch {
    return undefined;
  }
  if (!url.pathname.startsWith(SYNC_PATH_PREFIX)) return undefined;
  const parts = url.pathname.slice(SYNC_PATH_PREFIX.length).split('/');
  const decode = (part: string): string => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  const [board, segment, participant] = parts;
  if (!board) return undefined;
  if (parts.length === 1) return { boardId: decode(board), params: url.searchParams };
  if (parts.length === 3 && segment === DRAFTS_SEGMENT && participant) {
    return { boardId: decode(board), draftsOf: decode(participant), params: url.searchParams };
  }
  return undefined;
}

function rejectUpgrade(socket: Duplex, status: number, statusText: string, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
  );
}

/** `ws` hands frames over as a Buffer (binaryType 'nodebuffer'), but the type allows more. */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/**
 * Serves the y-websocket protocol on the HTTP server's `upgrade` event. The request path
 * is checked before upgrading (other paths get HTTP 404); every other refusal happens
 * after the upgrade, as a close code the browser can read (4404 unknown board, 4426
 * protocol mismatch, 4429 too many connections, 4500 server error).
 */
export function attachSyncServer(
  server: Server,
  rooms: RoomManager,
  limits: SyncLimits,
  log: Logger,
  access: SyncAccess,
  observer: SyncObserver = NO_OBSERVER,
): SyncServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.wsMaxPayloadBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const live = new Set<Connection>();
  /** Every upgraded socket, also those refused after the upgrade and still closing. */
  const sockets = new Set<WebSocket>();
  const perIp = new Map<string, number>();
  // One budget for every socket kind: board and drafts connections queue into the same memory.
  const sendLimits = {
    perConnectionBytes: limits.sendBufferBytes,
    budget: new SendBudget(limits.processQueuedBytes, log),
    slowCloseGraceMs: limits.slowConsumerGraceMs,
  };
  let accepting = true;
  /** Sockets whose close the server decided (counted once; see the 'close' listener). */
  const closedByServer = new WeakSet<WebSocket>();
  const serverClosed = (ws: WebSocket) => (code: number) => {
    closedByServer.add(ws);
    observer.closedByServer(code);
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const onSocketError = (error: Error) => {
      log.debug('socket error before the WebSocket upgrade', { error: error.message });
      socket.destroy();
    };
    socket.on('error', onSocketError);
    if (!accepting) return rejectUpgrade(socket, 503, 'Service Unavailable', 'the server is shutting down');
    const target = parseSyncPath(request.url);
    if (!target) return rejectUpgrade(socket, 404, 'Not Found', 'no WebSocket endpoint at this path');
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') {
      return rejectUpgrade(socket, 400, 'Bad Request', 'only WebSocket upgrades are supported');
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', onSocketError);
      try {
        onSocket(ws, request, target.boardId, target.params, target.draftsOf);
      } catch (error) {
        // An unexpected failure (a storage error during the access check, say) ends this
        // connection only; thrown out of this callback it would end the whole process.
        ws.on('error', () => undefined);
        log.error('could not set up a connection', { board: target.boardId, error });
        refuse(ws, CLOSE.SERVER_ERROR);
      }
    });
  });

  function refuse(ws: WebSocket, reason: CloseReason): void {
    serverClosed(ws)(reason.code);
    ws.close(reason.code, reason.reason);
  }

  function onSocket(ws: WebSocket, request: IncomingMessage, boardId: string, params: URLSearchParams, draftsOf: string | undefined): void {
    // First, before anything can fail: an 'error' event without a listener kills the process.
    ws.on('error', (error) => log.debug('WebSocket error', { board: boardId, error: error.message }));
    sockets.add(ws);
    ws.on('close', (code) => {
      sockets.delete(ws);
      // `ws` closes a socket itself for a frame over maxPayload (1009).
      if (code === CLOSE.MESSAGE_TOO_BIG.code && !closedByServer.has(ws)) observer.closedByServer(code);
    });

    const version = params.get('v');
    if (version !== null && version !== String(PROTOCOL_VERSION)) return void refuse(ws, CLOSE.PROTOCOL_MISMATCH);
    if (!isValidId(boardId)) return void refuse(ws, CLOSE.UNKNOWN_BOARD);
    const decision = resolveAccess({ boardId, token: params.get('token') }, access);
    if (!decision.ok) return void refuse(ws, decision.close);
    if (draftsOf !== undefined) return void onDraftsSocket(ws, request, boardId, draftsOf, decision.access, params);
    const connectionAccess = withParticipant(decision.access, params, boardId, access.store, Date.now());
    if ('code' in connectionAccess) return void refuse(ws, connectionAccess);
    const ip = request.socket.remoteAddress ?? 'unknown';
    if ((perIp.get(ip) ?? 0) >= limits.connectionsPerIp) return void refuse(ws, CLOSE.TOO_MANY_CONNECTIONS);
    if (rooms.connectionCount(boardId) >= limits.connectionsPerBoard) return void refuse(ws, CLOSE.TOO_MANY_CONNECTIONS);

    let room: ReturnType<RoomManager['join']>;
    try {
      room = rooms.join(boardId);
    } catch (error) {
      // Never serve (and later store) an empty board in place of one that failed to load.
      log.error('could not load a board', { board: boardId, error });
      return void refuse(ws, CLOSE.SERVER_ERROR);
    }
    if (!room) return void refuse(ws, CLOSE.UNKNOWN_BOARD);

    const joined = room;
    const conn = new Connection(ws, boardId, ip, connectionAccess, sendLimits, serverClosed(ws));
    join(ws, conn, ip, joined, () => rooms.disconnect(joined, conn));
    // A page holding nothing of a cold board gets it now, not once it has asked (opening.ts).
    if (params.get(FRESH_JOIN_PARAM) === '1' && joined instanceof OpeningRoom) joined.answerFresh(conn);
  }

  /** Bookkeeping shared by board and drafts sockets: frames in, liveness, per-IP count, leaving. */
  function join(
    ws: WebSocket,
    conn: Connection,
    ip: string,
    room: { handleFrame(conn: Connection, frame: Uint8Array): void; addConnection(conn: Connection): void },
    leave: () => void,
  ): void {
    live.add(conn);
    perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        conn.close(CLOSE.MALFORMED_FRAME);
        return;
      }
      const frame = toBytes(data);
      if (carriesUpdate(frame)) observer.updateReceived();
      room.handleFrame(conn, frame);
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('close', () => {
      live.delete(conn);
      const count = (perIp.get(ip) ?? 1) - 1;
      if (count > 0) perIp.set(ip, count);
      else perIp.delete(ip);
      leave();
    });
    room.addConnection(conn);
  }

  /** A private drafts socket: same limits and bookkeeping as a board socket, its own small room. */
  function onDraftsSocket(
    ws: WebSocket,
    request: IncomingMessage,
    boardId: string,
    participantId: string,
    boardAccess: ConnectionAccess,
    params: URLSearchParams,
  ): void {
    const allowed = access.drafts.authorize(boardId, participantId, boardAccess, params.get('secret'));
    if ('code' in allowed) return void refuse(ws, allowed);
    const ip = request.socket.remoteAddress ?? 'unknown';
    if ((perIp.get(ip) ?? 0) >= limits.connectionsPerIp) return void refuse(ws, CLOSE.TOO_MANY_CONNECTIONS);
    let room: ReturnType<DraftRooms['acquire']>;
    try {
      room = access.drafts.acquire(boardId, participantId);
    } catch (error) {
      log.error('could not load private drafts', { board: boardId, error });
      return void refuse(ws, CLOSE.SERVER_ERROR);
    }
    const joined = room;
    const conn = new Connection(ws, boardId, ip, allowed, sendLimits, serverClosed(ws));
    join(ws, conn, ip, joined, () => access.drafts.disconnect(joined, conn));
  }

  const pingTimer = setInterval(() => {
    for (const conn of live) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      try {
        conn.socket.ping();
      } catch {
        conn.socket.terminate();
      }
    }
  }, limits.pingIntervalMs);
  pingTimer.unref();

  return {
    get connectionCount() {
      return live.size;
    },
    get queuedBytes() {
      return sendLimits.budget.queuedBytes;
    },
    stopAccepting() {
      accepting = false;
    },
    countConnections(boardId, match) {
      let count = 0;
      for (const conn of live) if (conn.boardId === boardId && !conn.closed && match(conn.access)) count += 1;
      return count;
    },
    closeConnections(boardId, match, reason) {
      let closed = 0;
      for (const conn of live) {
        if (conn.boardId !== boardId || conn.closed || !match(conn.access)) continue;
        conn.close(reason);
        closed += 1;
      }
      return closed;
    },
    terminateAll() {
      clearInterval(pingTimer);
      for (const ws of sockets) ws.terminate();
      wss.close();
    },
  };
}

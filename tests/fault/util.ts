/**
 * Helpers for the fault tests (convergence, crash durability, hostile input, limits):
 * boards and clients through tests/helpers (so tokens change in one place), raw sockets
 * from any loopback address, seeds, RSS, and comparing replicas.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { docToBoard, type Board } from '@rejse/shared';
import { seedFrom } from '@rejse/shared/testing';
import {
  bearer,
  connectClient,
  createBoard,
  type ConnectClientOptions,
  type ConnectedClient,
  type RunningServer,
} from '../helpers/server.ts';
import { socketEnds } from '../server/util.ts';

/** `REJSE_LONG=1` runs the long mode (thousands of operations, 100,000+ frames). */
export const LONG = process.env.REJSE_LONG === '1';
/** Per-test timeout: the integration default in CI, far more in the long mode. */
export const TEST_TIMEOUT_MS = LONG ? 30 * 60_000 : 60_000;

/**
 * The seed of a fuzz run: `REJSE_FUZZ_SEED` replays one; otherwise CI uses the fixed
 * seed and the long mode one from the clock. Printed so any failure can be replayed.
 */
export function fuzzSeed(name: string, fixed: number): number {
  const seed = seedFrom(process.env.REJSE_FUZZ_SEED, LONG ? Date.now() % 2 ** 31 : fixed);
  console.info(`[${name}] seed ${seed} (replay: REJSE_FUZZ_SEED=${seed}${LONG ? ' REJSE_LONG=1' : ''})`);
  return seed;
}

/** A board and the facilitator token its creator got (tests act as the creator unless they say otherwise). */
export interface FaultBoard {
  id: string;
  token: string;
}

/** Creates a board through the HTTP API. */
export async function openBoard(server: Pick<RunningServer, 'url'>, title = 'Fault test'): Promise<FaultBoard> {
  const created = await createBoard(server, { title });
  return { id: created.id, token: created.token };
}

/** Headers that open `board` over HTTP (its token as a bearer token). */
export function authHeaders(board: Pick<FaultBoard, 'token'>): Record<string, string> {
  return bearer(board.token);
}

/** A stock y-websocket client on `board` with its token (reconnects unless the server sends a 44xx code). */
export function connect(
  server: Pick<RunningServer, 'wsUrl'>,
  board: FaultBoard,
  opts: Omit<ConnectClientOptions, 'token'> = {},
): ConnectedClient {
  return connectClient(server, board.id, { ...opts, token: board.token });
}

/** `/ws/<id>?token=…` for a raw socket on `board`; `token: null` leaves the token out. */
export function socketPath(board: FaultBoard, extra: Record<string, string | null> = {}): string {
  const params: Record<string, string> = {};
  if (extra.token !== null) params.token = board.token;
  for (const [key, value] of Object.entries(extra)) if (value !== null) params[key] = value;
  return `/ws/${encodeURIComponent(board.id)}?${new URLSearchParams(params).toString()}`;
}

export interface RawSocket {
  ws: WebSocket;
  opened: Promise<void>;
  /** The close code and reason (1006 when the connection just dropped). */
  closed: Promise<{ code: number; reason: string }>;
  /** Binary frames received so far (counted, not kept, when `keepFrames` is false). */
  received: Uint8Array[];
  receivedCount(): number;
  isOpen(): boolean;
  /**
   * Pings the server and resolves 'alive' on its pong, or 'closed' if the connection closes
   * first. The server handles frames in order, so 'alive' means every frame sent before was
   * handled without closing the connection.
   */
  probe(): Promise<'alive' | 'closed'>;
}

/**
 * A bare WebSocket for sending what no real client would. `localAddress` picks the
 * loopback source address (127.0.0.x), so an attacker and the bystanders count as
 * different IPs for the per-IP limit.
 */
export function rawSocket(
  server: Pick<RunningServer, 'port'>,
  path: string,
  opts: { localAddress?: string; keepFrames?: boolean } = {},
): RawSocket {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, {
    ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
    perMessageDeflate: false,
  });
  const received: Uint8Array[] = [];
  let count = 0;
  ws.on('message', (data: Buffer) => {
    count++;
    if (opts.keepFrames !== false) received.push(new Uint8Array(data));
  });
  ws.on('error', () => {});
  const { opened, closed } = socketEnds(ws);
  let pings = 0;
  const probe = (): Promise<'alive' | 'closed'> => {
    if (ws.readyState !== WebSocket.OPEN) return closed.then(() => 'closed');
    const payload = Buffer.from(String(++pings));
    return new Promise((resolve) => {
      const onPong = (data: Buffer) => {
        if (!data.equals(payload)) return;
        ws.off('pong', onPong);
        resolve('alive');
      };
      ws.on('pong', onPong);
      void closed.then(() => {
        ws.off('pong', onPong);
        resolve('closed');
      });
      ws.ping(payload);
    });
  };
  return {
    ws,
    opened,
    closed,
    received,
    receivedCount: () => count,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    probe,
  };
}

/** Sends a frame unless the socket is no longer open; resolves once `ws` has handed it to the OS. */
export function sendFrame(socket: RawSocket, frame: Uint8Array | string): Promise<void> {
  if (!socket.isOpen()) return Promise.resolve();
  return new Promise((resolve) => socket.ws.send(frame, () => resolve()));
}

/** The server process's resident set size in KiB (VmRSS from /proc). */
export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

export const mib = (kib: number): string => `${(kib / 1024).toFixed(1)} MiB`;

/** `GET /api/boards/:id` as plain data (throws on anything but 200). */
export async function fetchBoard(server: Pick<RunningServer, 'url'>, board: FaultBoard): Promise<Board> {
  const res = await fetch(`${server.url}/api/boards/${board.id}`, { headers: authHeaders(board) });
  if (res.status !== 200) throw new Error(`GET /api/boards/${board.id} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Board;
}

export async function isHealthy(server: Pick<RunningServer, 'url'>): Promise<boolean> {
  const res = await fetch(`${server.url}/api/health`);
  return res.status === 200 && ((await res.json()) as { ok?: unknown }).ok === true;
}

/** True when every document has the same state vector (same inserts seen). */
export function sameStateVectors(docs: readonly Y.Doc[]): boolean {
  const first = Buffer.from(Y.encodeStateVector(docs[0]!));
  return docs.every((doc) => first.equals(Buffer.from(Y.encodeStateVector(doc))));
}

/**
 * What `known` holds that `doc` lacks, as a readable list (empty when `doc` contains all of
 * `known`): merges `known` into a copy of `doc` and reports what changed on the board.
 */
export function missingFrom(doc: Y.Doc, known: Y.Doc, boardId: string): string[] {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Buffer.from(Y.encodeStateVector(copy));
    const boardBefore = JSON.stringify(docToBoard(copy, boardId));
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(known));
    const problems: string[] = [];
    if (!before.equals(Buffer.from(Y.encodeStateVector(copy)))) problems.push('the state vector grew (inserts missing)');
    if (JSON.stringify(docToBoard(copy, boardId)) !== boardBefore) problems.push('the board changed (edits or deletions missing)');
    return problems;
  } finally {
    copy.destroy();
  }
}

export interface RawHttpResponse {
  status: number;
  head: string;
  body: string;
}

/**
 * One HTTP request over a plain TCP socket, so paths reach the server exactly as written
 * (fetch would normalise `..` and encodings). `streamBytes` then sends a chunked body of
 * that many bytes, stopping as soon as the server answers. Resolves with the response once
 * it is complete (by Content-Length) or the server closes.
 */
export function rawHttp(
  server: Pick<RunningServer, 'port'>,
  head: string,
  opts: { body?: string; streamBytes?: number } = {},
): Promise<RawHttpResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let answered = false;
    const timer = setTimeout(() => finish(new Error(`no complete response within 15 s to: ${head.split('\r\n')[0]}`)), 15_000);
    const parse = (): RawHttpResponse | null => {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const headText = data.subarray(0, end).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headText)?.[1] ?? 0);
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(headText)?.[1];
      const body = data.subarray(end + 4);
      if (length !== undefined && body.length < Number(length)) return null;
      return { status, head: headText, body: body.toString('utf8') };
    };
    const finish = (result: RawHttpResponse | Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on('data', (chunk: Buffer) => {
      answered = true;
      data = Buffer.concat([data, chunk]);
      const response = parse();
      if (response) finish(response);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      const response =
        parse() ??
        (data.length > 0
          ? {
              status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(data.toString('latin1'))?.[1] ?? 0),
              head: data.toString('latin1'),
              body: '',
            }
          : null);
      finish(response ?? new Error(`the server closed without answering: ${head.split('\r\n')[0]}`));
    });
    socket.once('connect', async () => {
      socket.write(head);
      if (opts.body !== undefined) socket.write(opts.body);
      if (opts.streamBytes === undefined) return;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent < opts.streamBytes && !answered && !socket.destroyed; sent += chunk.length) {
        const ok = socket.write(`${chunk.length.toString(16)}\r\n`) && socket.write(chunk) && socket.write('\r\n');
        if (!ok) await new Promise<void>((resolve) => socket.once('drain', () => resolve()).once('close', () => resolve()));
      }
      if (!socket.destroyed && !answered) socket.write('0\r\n\r\n');
    });
  });
}

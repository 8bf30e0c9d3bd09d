/**
 * Helpers for the fault tests (convergence, crash durability, hostile input, limits):
 * boards and clients through tests/helpers (so tokens change in one place), raw sockets
 * from any loopback address, seeds, RSS, and comparing replicas.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { docToBoard, type Board } from '@rejse/shared';
import { seedFrom } from '@rejse/shared/testing';
import {
  connectClient,
  createBoard,
  type ConnectClientOptions,
  type ConnectedClient,
  type RunningServer,
} from '../helpers/server.ts';

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

/** A board and what a client needs to open it (the access token, once boards have one). */
export interface FaultBoard {
  id: string;
  /** The creator's (facilitator's) token, when the server issues one. */
  token: string | null;
  /** URL parameters of a sync connection (`token`). */
  params: Record<string, string>;
}

/** Creates a board through the HTTP API; picks up its facilitator token if the API returns one. */
export async function openBoard(server: Pick<RunningServer, 'url'>, title = 'Fault test'): Promise<FaultBoard> {
  const created = (await createBoard(server, { title })) as unknown as { id: string; token?: unknown };
  const token = typeof created.token === 'string' ? created.token : null;
  return { id: created.id, token, params: token ? { token } : {} };
}

/** Headers that open `board` over HTTP (its token as a bearer token). */
export function authHeaders(board: Pick<FaultBoard, 'token'>): Record<string, string> {
  return board.token ? { authorization: `Bearer ${board.token}` } : {};
}

/** A stock y-websocket client on `board` (keeps reconnecting after 4xxx codes unless told otherwise). */
export function connect(
  server: Pick<RunningServer, 'wsUrl'>,
  board: FaultBoard,
  opts: Omit<ConnectClientOptions, 'params'> = {},
): ConnectedClient {
  return connectClient(server, board.id, { ...opts, params: { ...board.params } });
}

/** `/ws/<id>?…` for a raw socket on `board` (with its token). */
export function socketPath(board: FaultBoard, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...board.params, ...extra }).toString();
  return `/ws/${encodeURIComponent(board.id)}${query ? `?${query}` : ''}`;
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
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`closed with ${code} before opening`)));
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  return { ws, opened, closed, received, receivedCount: () => count, isOpen: () => ws.readyState === WebSocket.OPEN };
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

/** Destroys clients and swallows nothing: a helper for afterEach. */
export function destroyAll(clients: ConnectedClient[]): void {
  for (const client of clients.splice(0)) client.destroy();
}

/**
 * Starts the real Rejse server as a child process for integration, browser and benchmark
 * tests, and connects stock y-websocket clients to it. Used by several suites: keep the
 * exported API stable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverDir = path.join(repoRoot, 'server');
const serverEntry = path.join(serverDir, 'src', 'main.ts');

const LISTENING = /Rejse listening on (http:\/\/(\S+):(\d+))/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LINES_KEPT = 60;

export interface RunningServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT/ws — the base URL a WebsocketProvider is given. */
  wsUrl: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Sends `signal` (default SIGTERM) and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, waits for exit, and removes the data directory if startServer created it. */
  stop(): Promise<void>;
  /** The last lines the server printed (stdout and stderr), for error messages. */
  output(): string;
  /** The exit code once the process has exited (null while it runs, or when a signal ended it). */
  exitCode(): number | null;
}

export interface StartServerOptions {
  /** Reuse a data directory (e.g. to restart on the same database); it is never removed. */
  dataDir?: string;
  /** Extra environment for the server (e.g. COMPACT_THRESHOLD). */
  env?: Record<string, string>;
  /** Run the built `server/dist/main.js` with plain node (as `pnpm start` and the image do) instead of the sources through tsx. */
  compiled?: boolean;
}

/** Every server this process started and has not seen exit, killed if the test process exits. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Spawns `node --import tsx server/src/main.ts` (or the built server) on a free port and waits for its listening line. */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  installExitHook();
  const ownsDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'rejse-test-'));
  const entry = opts.compiled ? [path.join(serverDir, 'dist', 'main.js')] : ['--import', 'tsx', serverEntry];
  const child = spawn(process.execPath, entry, {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      // Suites create boards and import files from 127.0.0.1 far faster than any workshop;
      // the real per-address limits are crossed in tests/server/http-limits.test.ts.
      REJSE_RATE_LIMIT_CREATE: '100000',
      REJSE_RATE_LIMIT_IMPORT: '100000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
    }
  };
  const output = () => lines.join('\n');
  child.stderr.on('data', keep);

  const cleanupDir = () => {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const listening = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let stdoutBuffer = '';
    const timer = setTimeout(() => {
      fail(new Error(`the server did not start within ${START_TIMEOUT_MS} ms. Output:\n${output()}`));
      child.kill('SIGKILL');
    }, START_TIMEOUT_MS);
    const onStdout = (chunk: Buffer) => {
      keep(chunk);
      stdoutBuffer += chunk.toString('utf8');
      const match = LISTENING.exec(stdoutBuffer);
      if (match?.[1] && match[3]) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ url: match[1], port: Number(match[3]) });
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      fail(new Error(`the server exited before listening (code ${code}, signal ${signal}). Output:\n${output()}`));
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.stdout.off('data', onStdout);
      child.off('exit', onExit);
      reject(error);
    };
    child.stdout.on('data', onStdout);
    child.once('exit', onExit);
  }).catch(async (error: unknown) => {
    await waitForExit(child, STOP_TIMEOUT_MS);
    cleanupDir();
    throw error;
  });
  // Keep draining stdout so the child never blocks on a full pipe.
  child.stdout.on('data', keep);

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await waitForExit(child, STOP_TIMEOUT_MS);
  };

  return {
    url: listening.url,
    wsUrl: `ws://127.0.0.1:${listening.port}/ws`,
    port: listening.port,
    dataDir,
    pid: child.pid ?? -1,
    kill,
    async stop() {
      await kill('SIGTERM');
      cleanupDir();
    },
    output,
    exitCode: () => child.exitCode,
  };
}

export type Role = 'facilitator' | 'editor' | 'viewer';

export interface CreatedBoard {
  id: string;
  title: string;
  url: string;
  createdAt: string;
  /** Always 'facilitator': the creator holds the facilitator link. */
  role: 'facilitator';
  /** The facilitator's secret token. */
  token: string;
  /** Page addresses with each role's token (`/b/<id>?token=…`). */
  links: Record<Role, string>;
}

/**
 * The facilitator token of every board created through `createBoard` in this process, so
 * that `connectClient` and `boardFetch` work without passing it (suites written before
 * boards had secret links rely on that).
 */
const facilitatorTokens = new Map<string, string>();

/** The facilitator token `createBoard` received for a board (undefined for boards made otherwise). */
export const facilitatorToken = (boardId: string): string | undefined => facilitatorTokens.get(boardId);

/** The token inside a link such as `/b/<id>?token=…`. */
export function tokenOf(link: string): string {
  const token = new URL(link, 'http://localhost').searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** `Authorization: Bearer` headers for a token. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/**
 * `fetch` on the server's API with a board token: the one given, else the facilitator token
 * of the board named in the path (`/api/boards/<id>…`), if this process created it.
 */
export function boardFetch(
  server: Pick<RunningServer, 'url'>,
  apiPath: string,
  init: RequestInit & { token?: string | null } = {},
): Promise<Response> {
  const { token: given, ...rest } = init;
  const boardId = /^\/api\/boards\/([^/?]+)/.exec(apiPath)?.[1];
  const token = given === undefined ? (boardId ? facilitatorTokens.get(boardId) : undefined) : given;
  const headers = new Headers(rest.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (rest.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${server.url}${apiPath}`, { ...rest, headers });
}

/** Creates a board through the HTTP API (`POST /api/boards`); the result carries its three secret links. */
export async function createBoard(
  server: Pick<RunningServer, 'url'>,
  body: { title?: string; template?: string } = {},
): Promise<CreatedBoard> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`creating a board failed: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as CreatedBoard;
  facilitatorTokens.set(created.id, created.token);
  return created;
}

export interface ConnectClientOptions {
  /** Use this document (e.g. to reconnect an existing replica); a fresh one by default. */
  doc?: Y.Doc;
  /** URL parameters (`v`, `token`). */
  params?: Record<string, string>;
  /**
   * The board token (`?token=`). Undefined: the facilitator token from `createBoard`, if
   * any; null: no token at all. A `token` in `params` wins over both.
   */
  token?: string | null;
  /** Whether to reconnect after the server closes the connection (y-websocket's default: not for 4400–4499). */
  shouldReconnect?: (event: { code: number; reason: string }) => boolean;
}

export interface ConnectedClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the client has received the server's state (the first sync). */
  synced: Promise<void>;
  destroy(): void;
}

/** A stock y-websocket client on one board (Node `ws` as the WebSocket, no BroadcastChannel). */
export function connectClient(server: Pick<RunningServer, 'wsUrl'>, boardId: string, opts: ConnectClientOptions = {}): ConnectedClient {
  const doc = opts.doc ?? new Y.Doc();
  const token = opts.token === undefined ? facilitatorTokens.get(boardId) : opts.token;
  const params = { ...(token ? { token } : {}), ...opts.params };
  const provider = new WebsocketProvider(server.wsUrl, boardId, doc, {
    // `ws` implements the browser WebSocket API that the provider needs.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
    ...(opts.shouldReconnect ? { shouldReconnect: (event: { code: number; reason: string }) => opts.shouldReconnect!(event) } : {}),
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      if (!opts.doc) doc.destroy();
    },
  };
}

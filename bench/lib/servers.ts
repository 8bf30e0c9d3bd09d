import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The three servers under test. */
export type ServerKind = 'rejse' | 'ywebsocket' | 'hocuspocus';
export const SERVER_KINDS: readonly ServerKind[] = ['rejse', 'ywebsocket', 'hocuspocus'];

export const SERVER_LABELS: Record<ServerKind, string> = {
  rejse: 'Rejse',
  ywebsocket: 'y-websocket',
  hocuspocus: 'Hocuspocus',
};

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');

/**
 * Where Rejse's server is taken from: this checkout, or another tree given with --rejse-root
 * (e.g. an exported commit, so a run measures a known version while server/ is being edited).
 */
let rejseRoot = repoRoot;
export function setRejseRoot(dir: string): void {
  rejseRoot = path.resolve(dir);
}
export const getRejseRoot = (): string => rejseRoot;

/** What each server keeps and where; printed with the results so nobody compares blindly. */
export function describePersistence(kind: ServerKind): string {
  switch (kind) {
    case 'rejse':
      return 'SQLite in a temp DATA_DIR; every update appended before it is broadcast';
    case 'ywebsocket':
      return process.env.YPERSISTENCE
        ? `LevelDB at YPERSISTENCE=${process.env.YPERSISTENCE} (y-leveldb)`
        : 'in-memory only (YPERSISTENCE not set): documents stay in memory, lost on restart';
    case 'hocuspocus':
      return 'no database (no storage extension installed): onStoreDocument keeps the encoded state in an in-memory Map (2 s debounce), onLoadDocument restores it';
  }
}

/** Every child the harness ever started, so an exit or a crash can still kill them. */
const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The child leads its own process group (detached), so this reaches tsx's helpers too.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Synchronous last resort for process 'exit' and fatal errors. */
export function killAllServers(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
}

/** Resident set size of one process in bytes (VmRSS from /proc), or undefined once it is gone. */
function readRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  httpUrl: string;
  /** Base URL a y-websocket provider or Hocuspocus provider is given. */
  wsUrl: string;
  persistence: string;
  /** Last lines the server wrote to stderr, for error reports. */
  stderrTail(): string;
  /** Becomes defined when the server exits on its own. */
  exitInfo(): string | undefined;
  /** Resolves (with how) when the process exits, for whatever reason. */
  exited: Promise<string>;
  /**
   * Documents the server holds in memory: Rejse's GET /api/health, the peer runners'
   * GET /bench-stats. Undefined when the server does not answer.
   */
  roomsLoaded(): Promise<number | undefined>;
  /** The server's event-loop delay since the previous call (the first call just starts the interval). */
  loopDelay(): Promise<LoopDelay | undefined>;
  /** CPU seconds the server process has used so far. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

const READY = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Each server is started the way it is deployed: Rejse as its `start` script does (plain `node`
 * on the compiled `server/dist/main.js`, which scripts/bench.mjs builds first), the peers as
 * plain JavaScript under plain `node`. A checkout without a compiled server (an older one given
 * by --rejse-root) runs its TypeScript through the tsx loader, as it was deployed then.
 */
function command(kind: ServerKind): { args: string[]; cwd: string } {
  // The same event-loop probe goes into every server (see probe.mjs).
  const probe = ['--import', pathToFileURL(path.join(benchDir, 'lib/probe.mjs')).href];
  switch (kind) {
    case 'rejse': {
      const compiled = path.join(rejseRoot, 'server/dist/main.js');
      const entry = existsSync(compiled) ? [compiled] : ['--import', 'tsx', path.join(rejseRoot, 'server/src/main.ts')];
      return { args: [...probe, ...entry], cwd: path.join(rejseRoot, 'server') };
    }
    case 'ywebsocket':
      return { args: [...probe, path.join(benchDir, 'peers/ywebsocket.mjs')], cwd: benchDir };
    case 'hocuspocus':
      return { args: [...probe, path.join(benchDir, 'peers/hocuspocus.mjs')], cwd: benchDir };
  }
}

/** The server's own event-loop delay over an interval (ms), from probe.mjs. */
interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** CPU time (user + system, all threads) a process has used so far, in seconds. */
function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** USER_HZ; 100 on every Linux build in practice. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Starts one server in its own process on 127.0.0.1, port 0, and resolves once it prints
 * its "listening on" line.
 */
export async function startServer(kind: ServerKind, timeoutMs = 30_000): Promise<RunningServer> {
  const { args, cwd } = command(kind);
  // Diagnostics only, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (NODE_OPTIONS refuses --cpu-prof).
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const dataDir = kind === 'rejse' ? mkdtempSync(path.join(tmpdir(), 'rejse-bench-')) : undefined;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
  };
  if (dataDir) {
    childEnv.DATA_DIR = dataDir;
    // The harness creates up to a few hundred boards a minute from one address; the per-address
    // limit of board creation (30 a minute by default) is for the open internet, not this.
    childEnv.REJSE_RATE_LIMIT_CREATE = '1000000';
  }
  const child = spawn(process.execPath, [...extra, ...args], {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  live.add(child);
  let stderr = '';
  let stdout = '';
  let probeWaiter: ((delay: LoopDelay) => void) | undefined;
  let exited: string | undefined;
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const removeDataDir = () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const exitedPromise = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `exited with ${signal ?? `code ${code}`}`;
      live.delete(child);
      resolve(exited);
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not print its listening line within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-4000);
      for (const match of chunk.matchAll(/^BENCH-PROBE (\{.*\})$/gm)) {
        probeWaiter?.(JSON.parse(match[1] as string) as LoopDelay);
        probeWaiter = undefined;
      }
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${kind} ${exited ?? 'exited'} before listening:\n${stderr}`));
    });
  }).catch((error: unknown) => {
    killGroup(child, 'SIGKILL');
    removeDataDir();
    throw error;
  });

  const pid = child.pid;
  if (pid === undefined) throw new Error(`${kind} has no pid`);
  const httpUrl = `http://127.0.0.1:${port}`;
  return {
    kind,
    pid,
    port,
    httpUrl,
    wsUrl: kind === 'rejse' ? `ws://127.0.0.1:${port}/ws` : `ws://127.0.0.1:${port}`,
    persistence: describePersistence(kind),
    stderrTail: () => stderr,
    exitInfo: () => exited,
    exited: exitedPromise,
    cpuSeconds: () => readCpuSeconds(pid),
    loopDelay() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          probeWaiter = undefined;
          resolve(undefined);
        }, 2000);
        probeWaiter = (delay) => {
          clearTimeout(timer);
          resolve(delay);
        };
        try {
          process.kill(pid, 'SIGUSR2');
        } catch {
          clearTimeout(timer);
          resolve(undefined);
        }
      });
    },
    async roomsLoaded() {
      try {
        const response = await fetch(`${httpUrl}${kind === 'rejse' ? '/api/health' : '/bench-stats'}`);
        const body = (await response.json()) as { rooms?: unknown };
        return typeof body.rooms === 'number' ? body.rooms : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      if (!exited) {
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
        await exitedPromise;
        clearTimeout(timer);
      }
      removeDataDir();
    },
  };
}

/** Samples a process's RSS at a fixed interval until stopped. */
export class RssSampler {
  readonly samples: { t: number; rss: number }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 250,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  sample(): number | undefined {
    const rss = readRss(this.pid);
    if (rss !== undefined) this.samples.push({ t: performance.now(), rss });
    return rss;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Highest RSS sampled between two instants (performance.now()). */
  peakBetween(from: number, to: number): number {
    let peak = 0;
    for (const s of this.samples) if (s.t >= from && s.t <= to && s.rss > peak) peak = s.rss;
    return peak;
  }

  meanBetween(from: number, to: number): number {
    let sum = 0;
    let n = 0;
    for (const s of this.samples) {
      if (s.t >= from && s.t <= to) {
        sum += s.rss;
        n++;
      }
    }
    return n ? sum / n : 0;
  }
}

/**
 * Resident memory of an idle `node`, with and without the tsx loader Rejse runs under — so
 * a reader can tell how much of a server's RSS at rest is the runtime rather than the server.
 */
export async function idleRuntimeRss(): Promise<{ node: number | undefined; nodeWithTsx: number | undefined }> {
  const measure = async (args: string[]): Promise<number | undefined> => {
    const child = spawn(process.execPath, [...args, '-e', 'setInterval(() => {}, 1000)'], {
      cwd: path.join(repoRoot, 'server'),
      stdio: 'ignore',
      detached: true,
    });
    live.add(child);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rss = child.pid === undefined ? undefined : readRss(child.pid);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child, 'SIGKILL');
    await exited;
    live.delete(child);
    return rss;
  };
  return { node: await measure([]), nodeWithTsx: await measure(['--import', 'tsx']) };
}

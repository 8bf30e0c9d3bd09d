/**
 * Throwaway PostgreSQL and Redis servers for tests and benchmarks: Debian's packages
 * (`postgresql`, `redis-server`) started on loopback, on a random free port, in a temp
 * directory, stopped and removed afterwards (a watchdog removes them even if the test
 * process is killed). When an engine is missing or will not start, the starter says why,
 * and callers skip with that reason — never silently.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectPostgres, loadNativeClient } from '../src/storage/postgres-connection.ts';

export interface TestPostgres {
  /** `postgresql://rejse@127.0.0.1:PORT/postgres` */
  url: string;
  port: number;
  /** A URL whose connections work in a new empty schema of their own (one per store in the contract suites). */
  freshSchemaUrl(): string;
  /** Stops the server at once and removes its files. */
  stop(): void;
}

/** Either a running engine or why it could not run. */
export type Started<T> = { ok: true; engine: T } | { ok: false; reason: string };

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresBinDir(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql').sort().reverse()) candidates.push(`/usr/lib/postgresql/${version}/bin`);
  }
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function asEngineUser(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function run(command: string, args: string[]): void {
  const [cmd, argv] = asEngineUser(command, args);
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

function giveToEngineUser(dir: string): void {
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
}

/**
 * An initialised data directory, made once per machine and copied for each server
 * (`initdb` takes seconds; a copy takes a fraction of one).
 */
function templateDataDir(bin: string): string {
  const version = path.basename(path.dirname(bin));
  const template = path.join(tmpdir(), `rejse-pg-template-${version}`);
  if (existsSync(path.join(template, 'PG_VERSION'))) return template;
  const building = mkdtempSync(path.join(tmpdir(), 'rejse-pg-init-'));
  chmodSync(building, 0o700);
  giveToEngineUser(building);
  const data = path.join(building, 'data');
  run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'rejse', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  try {
    renameSync(data, template);
  } catch {
    // Another test process made it first.
  }
  rmSync(building, { recursive: true, force: true });
  return template;
}

/** Kills the server and removes its directory once `parent` is gone (a killed test leaves nothing behind). */
function watchdog(parent: number, dir: string): number | undefined {
  const script =
    `while kill -0 ${parent} 2>/dev/null; do sleep 1; done; ` +
    `if [ -f "${dir}/data/postmaster.pid" ]; then kill -QUIT $(head -1 "${dir}/data/postmaster.pid") 2>/dev/null; sleep 1; fi; rm -rf "${dir}"`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

export interface TestPostgresOptions {
  /** Keep fsync and synchronous commit on, as in production (benchmarks); tests turn them off. */
  durable?: boolean;
}

/** Starts a throwaway PostgreSQL server (synchronously, so store fixtures can call it). */
export function startTestPostgres(options: TestPostgresOptions = {}): Started<TestPostgres> {
  try {
    loadNativeClient();
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const bin = postgresBinDir();
  if (!bin) return { ok: false, reason: 'PostgreSQL is not installed (Debian: apt-get install -y postgresql)' };
  if (isRoot() && spawnSync('id', ['postgres']).status !== 0) {
    return { ok: false, reason: 'running as root and there is no postgres user to run PostgreSQL as' };
  }
  let dir: string | undefined;
  try {
    const template = templateDataDir(bin);
    dir = mkdtempSync(path.join(tmpdir(), 'rejse-pg-'));
    execFileSync('cp', ['-a', template, path.join(dir, 'data')]);
    chmodSync(dir, 0o700);
    giveToEngineUser(dir);
    const durability = options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
    let port = 0;
    let lastError: unknown;
    for (let attempt = 0; attempt < 5 && port === 0; attempt++) {
      const candidate = 20_000 + Math.floor(Math.random() * 40_000);
      const settings = [`-p ${candidate}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200', ...durability];
      try {
        run(path.join(bin, 'pg_ctl'), [
          '-D',
          path.join(dir, 'data'),
          '-l',
          path.join(dir, 'log'),
          '-w',
          '-t',
          '30',
          '-o',
          settings.join(' '),
          'start',
        ]);
        port = candidate;
      } catch (error) {
        lastError = error;
      }
    }
    if (port === 0) {
      const log = existsSync(path.join(dir, 'log'))
        ? readFileSync(path.join(dir, 'log'), 'utf8').trim().split('\n').slice(-3).join(' | ')
        : '';
      throw new Error(`pg_ctl could not start the server: ${lastError instanceof Error ? lastError.message : String(lastError)} ${log}`);
    }
    const serverDir = dir;
    const guard = watchdog(process.pid, serverDir);
    const url = `postgresql://rejse@127.0.0.1:${port}/postgres`;
    let schemas = 0;
    let stopped = false;
    return {
      ok: true,
      engine: {
        url,
        port,
        freshSchemaUrl() {
          const schema = `t_${process.pid}_${++schemas}`;
          const admin = connectPostgres(url);
          try {
            admin.query(`CREATE SCHEMA ${schema}`);
          } finally {
            admin.close();
          }
          return `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
        },
        stop() {
          if (stopped) return;
          stopped = true;
          try {
            run(path.join(bin, 'pg_ctl'), ['-D', path.join(serverDir, 'data'), '-m', 'immediate', '-w', 'stop']);
          } catch {
            // Already gone; the directory goes all the same.
          }
          if (guard) {
            try {
              process.kill(guard);
            } catch {
              // The watchdog already ended.
            }
          }
          rmSync(serverDir, { recursive: true, force: true });
        },
      },
    };
  } catch (error) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return {
      ok: false,
      reason: `PostgreSQL could not be started here: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}

export interface TestRedis {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const REDIS_READY = /Ready to accept connections/;

/** Starts a throwaway Redis (no persistence) on a free loopback port. */
export async function startTestRedis(): Promise<Started<TestRedis>> {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) return { ok: false, reason: 'Redis is not installed (Debian: apt-get install -y redis-server)' };
  let lastProblem = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'rejse-redis-'));
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const guard = watchdog(process.pid, dir);
    let output = '';
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (REDIS_READY.test(output)) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    const cleanup = () => {
      if (guard) {
        try {
          process.kill(guard);
        } catch {
          // already ended
        }
      }
      rmSync(dir, { recursive: true, force: true });
    };
    if (!ready) {
      child.kill('SIGKILL');
      cleanup();
      lastProblem = output.trim().split('\n').slice(-2).join(' | ');
      continue;
    }
    return {
      ok: true,
      engine: {
        url: `redis://127.0.0.1:${port}`,
        port,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
            child.kill('SIGKILL');
            await exited;
          }
          cleanup();
        },
      },
    };
  }
  return { ok: false, reason: `Redis could not be started here: ${lastProblem}` };
}

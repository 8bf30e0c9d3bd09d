#!/usr/bin/env node
// Runs the load benchmark (bench/run.ts) against Rejse's server and the peer servers.
//   npx -y pnpm@10 bench               full run, a few minutes
//   npx -y pnpm@10 bench -- --short    the CI-sized run
// Other flags: --only rejse,ywebsocket,hocuspocus   --scenario one-room,many-rooms,cold-join
//   npx -y pnpm@10 bench -- --scale [--rooms 400 --seconds 20]   one instance vs two with
//   PostgreSQL + Redis, and the append cost (bench/scale/scale-bench.ts; not in the CI run)
// tsx is resolved from bench/, so the harness runs with bench/ as its working directory.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The harness runs in bench/, so path arguments are made absolute against the caller's directory.
const PATH_FLAGS = new Set(['--render', '--out', '--rejse-root']);
const args = [];
const given = process.argv.slice(2).filter((a) => a !== '--' && a !== '--scale');
const entry = process.argv.includes('--scale') ? 'bench/scale/scale-bench.ts' : 'bench/run.ts';
for (let i = 0; i < given.length; i++) {
  const arg = given[i];
  const eq = arg.indexOf('=');
  if (eq > 0 && PATH_FLAGS.has(arg.slice(0, eq))) {
    args.push(`${arg.slice(0, eq)}=${path.resolve(arg.slice(eq + 1))}`);
  } else if (PATH_FLAGS.has(arg) && i + 1 < given.length) {
    args.push(arg, path.resolve(given[++i]));
  } else {
    args.push(arg);
  }
}
// The server is measured as it is deployed: compiled (skipped when its sources are unchanged).
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'server'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, entry), ...args], {
  cwd: path.join(root, 'bench'),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

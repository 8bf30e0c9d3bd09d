#!/usr/bin/env node
// Runs the load benchmark (bench/run.ts) against Rejse's server and the peer servers.
//   npx -y pnpm@10 bench               full run, a few minutes
//   npx -y pnpm@10 bench -- --short    the CI-sized run
// Other flags: --only rejse,ywebsocket,hocuspocus   --scenario one-room,many-rooms,cold-join
// tsx is resolved from bench/, so the harness runs with bench/ as its working directory.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => a !== '--');
const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench/run.ts'), ...args], {
  cwd: path.join(root, 'bench'),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

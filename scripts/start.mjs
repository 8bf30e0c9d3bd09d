#!/usr/bin/env node
// `pnpm start`: build what changed (scripts/build.mjs skips an unchanged client or server),
// then run the compiled server with plain node in production mode. Signals are passed on so
// the server's graceful shutdown (flush, compact, close) runs on Ctrl+C or SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = spawn(process.execPath, ['dist/main.js'], {
  cwd: path.join(root, 'server'),
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

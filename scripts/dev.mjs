#!/usr/bin/env node
// Development: the server on :8787 (restarts on change) and Vite on :5173 (hot reload,
// proxying /api and /ws to the server). Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/main.ts'], {
    cwd: path.join(root, 'server'),
    stdio: 'inherit',
    env: { ...process.env, PORT: process.env.PORT ?? '8787' },
  }),
  spawn('npx', ['vite'], { cwd: path.join(root, 'client'), stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });

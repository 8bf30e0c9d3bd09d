#!/usr/bin/env node
// Builds what `pnpm start` runs, skipping any part whose sources have not changed since its
// last build: the client (Vite → client/dist) and the server (esbuild → server/dist/main.js,
// one ES module with our workspace code inlined and npm packages left as imports), so the
// production server is plain `node` on JavaScript — no TypeScript loader at run time.
//   node scripts/build.mjs [--force] [client] [server]   (no part named = both)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--'));
const wanted = (part) => named.length === 0 || named.includes(part);

/** A hash of every file under the given paths (names and contents), skipping build output. */
function hashSources(paths) {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      const base = path.basename(p);
      if (base === 'node_modules' || base === 'dist' || base === 'data') return;
      for (const entry of readdirSync(p).sort()) walk(path.join(p, entry));
      return;
    }
    if (/\.test\.tsx?$/.test(p)) return; // tests are not shipped
    hash.update(path.relative(root, p));
    hash.update('\0');
    hash.update(readFileSync(p));
  };
  for (const p of paths) walk(path.join(root, p));
  return hash.digest('hex');
}

const COMMON = ['shared/src', 'shared/package.json', 'pnpm-lock.yaml', 'tsconfig.base.json'];

function upToDate(stampFile, hash) {
  return !force && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash;
}

function buildClient() {
  const hash = hashSources([...COMMON, 'client/src', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'client/public']);
  const stamp = path.join(root, 'client/dist/.source-hash');
  if (upToDate(stamp, hash) && existsSync(path.join(root, 'client/dist/index.html'))) {
    console.error('client: unchanged since its last build, not rebuilt');
    return;
  }
  console.error('client: building…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: path.join(root, 'client'), stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `${hash}\n`);
}

async function buildServer() {
  const hash = hashSources([...COMMON, 'server/src', 'server/package.json', 'templates/src', 'templates/package.json', 'scripts/build.mjs']);
  const outDir = path.join(root, 'server/dist');
  const stamp = path.join(outDir, '.source-hash');
  if (upToDate(stamp, hash) && existsSync(path.join(outDir, 'main.js'))) {
    console.error('server: unchanged since its last build, not rebuilt');
    return;
  }
  console.error('server: building…');
  const { build } = await import('esbuild');
  const serverPackage = JSON.parse(readFileSync(path.join(root, 'server/package.json'), 'utf8'));
  // npm packages stay imports (native better-sqlite3, and so node_modules are shared with
  // dev); our own workspace packages are TypeScript sources and get inlined.
  const external = Object.keys(serverPackage.dependencies ?? {}).filter((name) => !name.startsWith('@rejse/'));
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'server/src/main.ts')],
    outfile: path.join(outDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: [...external, ...external.map((name) => `${name}/*`)],
    logLevel: 'warning',
  });
  writeFileSync(stamp, `${hash}\n`);
}

if (wanted('client')) buildClient();
if (wanted('server')) await buildServer();

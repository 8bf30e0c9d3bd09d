#!/usr/bin/env node
// Builds what `pnpm start` runs, skipping any part whose sources have not changed since its
// last build: the client (Vite → client/dist) and the server (esbuild → server/dist/main.js,
// one ES module holding our code and its npm packages, only the native better-sqlite3 left as
// an import), so the production server is plain `node` on JavaScript — no TypeScript loader at
// run time, and only what it uses loaded (memory at rest: BENCHMARKS.md).
//   node scripts/build.mjs [--force] [client] [server]   (no part named = both)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
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
  const hash = hashSources([
    ...COMMON,
    'client/src',
    'client/index.html',
    'client/vite.config.ts',
    'client/package.json',
    'client/public',
    'scripts/build.mjs',
  ]);
  const stamp = path.join(root, 'client/dist/.source-hash');
  if (upToDate(stamp, hash) && existsSync(path.join(root, 'client/dist/index.html'))) {
    console.error('client: unchanged since its last build, not rebuilt');
    return;
  }
  console.error('client: building…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: path.join(root, 'client'),
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  precompress(path.join(root, 'client/dist/assets'));
  writeFileSync(stamp, `${hash}\n`);
}

/**
 * The client's scripts and styles, compressed once here (Brotli at its best, and gzip) beside
 * each file: the server sends `x.js.br` for `x.js` to a browser that accepts it (serveStatic's
 * `precompressed`), a quarter of the bytes, with no compression work per request.
 */
function precompress(dir) {
  let raw = 0;
  let brotli = 0;
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|svg)$/.test(name)) continue;
    const file = path.join(dir, name);
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    const br = brotliCompressSync(content, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    raw += content.length;
    brotli += br.length;
  }
  console.error(`client: scripts and styles ${Math.round(raw / 1024)} KiB, ${Math.round(brotli / 1024)} KiB with Brotli`);
}

/**
 * zod's classic API re-exports every one of its ~40 message locales (`z.locales`), about 300 KiB
 * of source nobody here reads; only English is configured (`config(en())`), so only it is kept.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

async function buildServer() {
  const hash = hashSources([
    ...COMMON,
    'server/src',
    'server/package.json',
    'templates/src',
    'templates/package.json',
    'scripts/build.mjs',
  ]);
  const outDir = path.join(root, 'server/dist');
  const stamp = path.join(outDir, '.source-hash');
  if (upToDate(stamp, hash) && existsSync(path.join(outDir, 'main.js'))) {
    console.error('server: unchanged since its last build, not rebuilt');
    return;
  }
  console.error('server: building…');
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'main.js');
  await build({
    entryPoints: [path.join(root, 'server/src/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // V8 keeps every module's source text in memory: no comments or indentation, and ASCII only
    // (one non-ASCII character makes the whole text two bytes per character). Names are kept,
    // so stack traces stay readable; `sourcemap` maps them back with NODE_OPTIONS=--enable-source-maps
    // (off by default: loading the map costs about 15 MiB resident).
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    legalComments: 'external',
    sourcemap: true,
    // better-sqlite3 loads a native addon; ws's optional native helpers are looked up at run time;
    // pg-native (an optional dependency: installed only where libpq is) and its libpq addon are
    // required at run time when DATABASE_URL is set, so they stay outside even when not installed.
    // ioredis is loaded (import()) only when REDIS_URL is set, from the server's node_modules, so a
    // server without Redis does not hold its code.
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'pg-native', 'libpq', 'ioredis'],
    // ws is CommonJS: its require() calls of Node's modules need a real require in an ES module.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  });
  const output = readFileSync(outfile, 'latin1');
  // Any character past ASCII (the range starts at the NUL character, hence the exemption).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class spans all of ASCII, control characters included.
  const nonAscii = /[^\u0000-\u007f]/u.exec(output);
  if (nonAscii) {
    const at = nonAscii.index;
    console.error(
      `server: dist/main.js must be ASCII (V8 would hold it at two bytes a character); found ${JSON.stringify(output.slice(Math.max(0, at - 60), at + 20))}`,
    );
    process.exit(1);
  }
  writeFileSync(stamp, `${hash}\n`);
}

if (wanted('client')) buildClient();
if (wanted('server')) await buildServer();

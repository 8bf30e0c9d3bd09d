/**
 * The stack's floor (floor/page.ts), built with esbuild from the same libraries as the client
 * (minified, split like the client: Yjs in the entry, React in a chunk loaded at once; React
 * Flow's stylesheet beside it) and
 * served on loopback beside Rejse's server, with the board's stored update at /board.bin.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'floor');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

export interface FloorPage {
  url: string;
  stop: () => Promise<void>;
}

/** Builds the floor page and serves it with `update` (a board's Yjs update) as its board. */
export async function serveFloorPage(update: Uint8Array): Promise<FloorPage> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'rejse-floor-'));
  await build({
    entryPoints: [path.join(pageDir, 'page.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: outDir,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  writeFileSync(
    path.join(outDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>floor</title>' +
      '<script type="module" src="/page.js"></script><link rel="stylesheet" href="/page.css" /></head>' +
      '<body><div id="root"></div></body></html>',
  );
  // React Flow's own stylesheet, as the client loads it.
  copyFileSync(createRequire(import.meta.url).resolve('@xyflow/react/dist/style.css'), path.join(outDir, 'page.css'));
  writeFileSync(path.join(outDir, 'board.bin'), update);
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://floor');
    // Only files of the page's own folder, by name.
    const file = path.join(outDir, pathname === '/' ? 'index.html' : path.basename(pathname));
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

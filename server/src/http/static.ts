import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';
import { isBoardPage, requestLocale, withBootScreen } from './bootScreen.ts';
import { errorResponse } from './errors.ts';

/** Vite puts content-hashed files under /assets/: they never change, so browsers may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon…) is revalidated on each load so a new release shows up at once. */
const REVALIDATE = 'no-cache';

const isApiPath = (p: string): boolean => p === '/api' || p.startsWith('/api/');
const isSocketPath = (p: string): boolean => p === '/ws' || p.startsWith('/ws/');
/** A path naming a file (has an extension): a missing one is a 404, not the app. */
const looksLikeFile = (p: string): boolean => path.posix.extname(p) !== '';

/**
 * Serves the built client from `distDir`: its files with their content types and cache
 * headers, and `index.html` for `/`, `/b/<id>` and any other non-API path (the app routes
 * in the browser).
 */
export function mountClient(app: Hono, distDir: string, log: Logger): void {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    log.warn('the client is not built; pages answer 503 until it is (run: pnpm build)', { clientDist: distDir });
  }
  /** The file serveStatic found for a request (its `onFound` runs after the response is built). */
  const servedFiles = new WeakMap<Request, string>();
  // Made once the directory exists: serveStatic prints a plain-text warning of its own for a
  // missing root, which would break the one-JSON-object-per-line log (the warn above says it).
  let files: MiddlewareHandler | undefined;
  const fileHandler = (): MiddlewareHandler | undefined =>
    (files ??= existsSync(distDir)
      ? serveStatic({
          root: distDir,
          // The build writes x.js.br and x.js.gz beside x.js (scripts/build.mjs): sent to a
          // browser that accepts them, with Content-Encoding and Vary.
          precompressed: true,
          onFound: (found, c) => {
            servedFiles.set(c.req.raw, path.relative(distDir, found).split(path.sep).join('/'));
          },
        })
      : undefined);

  app.use('*', async (c, next) => {
    const serve = fileHandler();
    if (!serve || isApiPath(c.req.path) || isSocketPath(c.req.path)) return next();
    const response = await serve(c, next);
    const served = servedFiles.get(c.req.raw);
    if (response && served !== undefined) {
      response.headers.set('Cache-Control', served.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
    }
    return response;
  });

  app.get('*', async (c, next) => {
    const requested = c.req.path;
    if (isApiPath(requested) || isSocketPath(requested) || looksLikeFile(requested)) return next();
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      return errorResponse(
        c,
        503,
        'client-not-built',
        'The Rejse client is not built. Run "pnpm build" and restart the server.',
        {},
        {
          'Cache-Control': 'no-store',
        },
      );
    }
    if (isBoardPage(requested)) {
      html = withBootScreen(html, requestLocale(c));
    }
    // The page now depends on the language asked for: caches must keep one per language.
    return c.html(html, 200, { 'Cache-Control': REVALIDATE, Vary: 'Accept-Language, Cookie' });
  });
}

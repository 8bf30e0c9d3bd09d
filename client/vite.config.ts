import { defineConfig, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';

/** The React app: main.ts imports it dynamically, once a board's socket is open. */
const APP_MODULE = /[\\/]src[\\/]app[\\/]start\.tsx$/;

/**
 * Preloads the app's chunks from index.html, as if main.ts imported them statically: fetched
 * with the entry, evaluated only when main.ts asks. Fetched later, they would queue behind the
 * server's load of the board that main.ts has just asked for.
 */
function preloadApp(): Plugin {
  return {
    name: 'rejse:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return;
        const app = Object.values(bundle).find((file) => file.type === 'chunk' && APP_MODULE.test(file.facadeModuleId ?? ''));
        if (!app || app.type !== 'chunk') throw new Error('rejse:preload-app: the app chunk (src/app/start.tsx) is missing');
        // Every chunk below `from` that `seen` does not hold yet, imports first.
        const graph = (from: string, seen: Set<string>): Rollup.OutputChunk[] => {
          const file = bundle[from];
          if (seen.has(from) || file?.type !== 'chunk') return [];
          seen.add(from);
          return [...file.imports.flatMap((imported) => graph(imported, seen)), file];
        };
        const seen = new Set<string>();
        graph(entry.fileName, seen);
        const chunks = graph(app.fileName, seen);
        const styles = chunks.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])]);
        return [
          ...styles.map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: '', href: `/${fileName}` },
            injectTo: 'head' as const,
          })),
          ...chunks.map((chunk) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${chunk.fileName}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/** The API server the dev server forwards to (`server/`, started on port 8787 in development). */
const API_TARGET = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react(), preloadApp()],
  // One Yjs copy in the bundle: two copies break Yjs' constructor checks.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0'] },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/ws': { target: API_TARGET, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Few files, not many small ones: a page fetches them over at most six connections at once
    // (HTTP/1.1), and each round of six held a board's first load up. The entry (main.ts), the
    // React app (app/start.tsx) and what they share are a handful of chunks; the report, the
    // to-do list and the export code stay lazy chunks of their own. The app's chunk is over
    // Vite's default warning size on purpose.
    chunkSizeWarningLimit: 1500,
  },
});

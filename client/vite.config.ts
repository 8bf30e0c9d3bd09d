import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API server the dev server forwards to (`server/`, started on port 8787 in development). */
const API_TARGET = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
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
    // Vendor code in its own chunks (cached across our releases), each under Vite's 500 kB
    // warning; the report, to-do list and export code are lazy chunks of their own.
    rollupOptions: {
      output: {
        manualChunks(id: string): string | undefined {
          // The three catalogues (plain data, a third of our code): a chunk of their own.
          if (/[\\/]shared[\\/]src[\\/]i18n[\\/]messages[\\/]/.test(id)) return 'catalogues';
          if (!id.includes('node_modules')) return undefined;
          // pnpm keeps each package at …/node_modules/<name>/ (scoped: …/node_modules/@scope/<name>/).
          const inPackage = (names: string) => new RegExp(`node_modules[\\\\/](${names})[\\\\/]`).test(id);
          if (inPackage('react|react-dom|scheduler')) return 'react';
          if (inPackage('@xyflow[\\\\/][a-z]+|d3-[a-z-]+|classcat|zustand')) return 'flow';
          if (inPackage('yjs|y-websocket|y-protocols|lib0')) return 'yjs';
          if (inPackage('zod')) return 'zod';
          return undefined;
        },
      },
    },
  },
});

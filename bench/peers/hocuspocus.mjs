/**
 * Hocuspocus 3.4 (the line that runs on Node 20), configured as its docs show: `new Server({…})`
 * and `listen()`, quiet start, defaults otherwise (2 s store debounce, documents unloaded as soon
 * as their last connection closes). Prints "hocuspocus listening on http://HOST:PORT".
 *
 * Persistence: no storage extension is installed, and without one Hocuspocus forgets a document
 * when it unloads it. So the two documented hooks keep each document's encoded state in an
 * in-memory Map — what @hocuspocus/extension-database does, minus the database — which lets a
 * board survive everyone leaving, like the other servers in the benchmark.
 *
 * Plain JavaScript run by plain `node`, as Hocuspocus is deployed (no TypeScript loader).
 */
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? '0');
/** @type {Map<string, Uint8Array>} */
const stored = new Map();

const server = new Server({
  port,
  address: host,
  quiet: true,
  stopOnSignals: true,
  async onLoadDocument({ documentName, document }) {
    const state = stored.get(documentName);
    if (state) Y.applyUpdate(document, state);
    return document;
  },
  async onStoreDocument({ documentName, document }) {
    stored.set(documentName, Y.encodeStateAsUpdate(document));
  },
  // The one addition for the benchmark: how many documents the server holds in memory.
  onRequest({ request, response, instance }) {
    if (request.url !== '/bench-stats') return Promise.resolve();
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ rooms: instance.getDocumentsCount() }));
    // Rejecting without a reason is how a hook tells Hocuspocus the request was answered.
    return Promise.reject();
  },
});

await server.listen();
console.log(`hocuspocus listening on http://${host}:${server.address.port} (persistence: in-memory map via hooks)`);

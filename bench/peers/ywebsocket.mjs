/**
 * The stock y-websocket server (@y/websocket-server 0.1.1, the last release for Yjs 13), set up
 * the way its README and bin script do: a plain HTTP server, a `ws` server with `noServer`, and
 * `setupWSConnection` on every upgrade. Listens on HOST/PORT (port 0 = any free port) and
 * prints "y-websocket listening on http://HOST:PORT" for the harness.
 *
 * Persistence: the library reads YPERSISTENCE when it is imported. Unset (the default here),
 * documents live only in memory and are never unloaded; set, it stores them with y-leveldb.
 *
 * Plain JavaScript run by plain `node`, as the stock server is deployed (no TypeScript loader).
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { docs, setupWSConnection } from '@y/websocket-server/utils';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? '0');

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((request, response) => {
  // The one addition for the benchmark: how many documents the server holds in memory.
  if (request.url === '/bench-stats') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ rooms: docs.size }));
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});

wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request);
  });
});

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const persistence = process.env.YPERSISTENCE ? `y-leveldb at ${process.env.YPERSISTENCE}` : 'in-memory';
  console.log(`y-websocket listening on http://${host}:${actual} (persistence: ${persistence})`);
});

const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long a connection keeps draining after an answer to a request whose body was left unread. */
const LINGER_MS = 2_000;

/**
 * Lingering close (RFC 9112 §9.6). When the server answers before it has read the whole body (a
 * 413 for an oversized upload), Node closes the socket at once; the client is still sending, so
 * the kernel answers its next bytes with a reset, which throws away the answer the client has not
 * read yet, and the client sees "connection reset" instead of "too large". Instead the socket is
 * half-closed and its input drained for up to `LINGER_MS` (or until the client closes).
 */
export function lingerOnUnreadBodies(server: Server): void {
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    response.once('finish', () => {
      if (!request.complete) linger(request.socket);
    });
  });
}

function linger(socket: Socket): void {
  if (socket.destroyed) return;
  // Node's destroySoon() has ended the writing side and waits for it to finish to destroy the
  // socket; that wait is what is replaced here.
  socket.removeListener('finish', socket.destroy);
  if (socket.writable) socket.end();
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  socket.once('end', close);
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
}

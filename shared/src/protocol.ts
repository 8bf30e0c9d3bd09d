/**
 * What client and server agree on beyond the y-websocket wire format itself.
 * Bump PROTOCOL_VERSION when the document layout or message meaning changes in a way an
 * older client would corrupt; the server then closes old clients with PROTOCOL_MISMATCH
 * and the client asks the user to reload.
 */
export const PROTOCOL_VERSION = 2;

/**
 * A board socket's parameter (`fresh=1`): the joining page holds nothing of the board yet. The
 * server may then send it the whole board as soon as the socket is open, without waiting for the
 * page's own request, which the page sends only once its main thread gets to the socket's open
 * event (while it may still be evaluating the app's code). The page drops it after its first sync.
 */
export const FRESH_JOIN_PARAM = 'fresh';

/** WebSocket close codes (4000–4999 are application codes), each with a fixed reason. */
export const CLOSE = {
  /** Frame could not be decoded (bad bytes, unknown message type, invalid Yjs update). */
  MALFORMED_FRAME: { code: 4400, reason: 'malformed frame' },
  UNAUTHORIZED: { code: 4401, reason: 'missing or invalid token' },
  FORBIDDEN: { code: 4403, reason: 'not allowed for this role' },
  UNKNOWN_BOARD: { code: 4404, reason: 'unknown board' },
  /** The client did not read its messages fast enough; it may reconnect. */
  SLOW_CONSUMER: { code: 4408, reason: 'client too slow, send buffer full' },
  BOARD_TOO_LARGE: { code: 4413, reason: 'board size limit reached' },
  PROTOCOL_MISMATCH: { code: 4426, reason: 'client version does not match server, reload the page' },
  TOO_MANY_CONNECTIONS: { code: 4429, reason: 'too many connections' },
  /** The connection sent presence updates or full-state requests faster than the server's rate limit. */
  RATE_LIMITED: { code: 4430, reason: 'too many messages, slow down' },
  SERVER_ERROR: { code: 4500, reason: 'server error' },
  /** Standard code sent by `ws` itself when a frame exceeds maxPayload. */
  MESSAGE_TOO_BIG: { code: 1009, reason: 'message too big' },
} as const;

/** Close codes after which reconnecting cannot help. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CLOSE.UNAUTHORIZED.code,
  CLOSE.FORBIDDEN.code,
  CLOSE.UNKNOWN_BOARD.code,
  CLOSE.PROTOCOL_MISMATCH.code,
  // The refused update stays in the client's copy; reconnecting would resend it forever.
  CLOSE.BOARD_TOO_LARGE.code,
]);

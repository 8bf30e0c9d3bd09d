import { CLOSE, FATAL_CLOSE_CODES } from '@rejse/shared';

/** What the connection indicator shows; derived from the provider's events and `navigator.onLine`. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'not-found' | 'reload' | 'denied' | 'refused';

export interface ConnectionFacts {
  /** The WebSocket is open and the first sync exchange finished. */
  synced: boolean;
  /** A sync has completed at least once since the page opened. */
  everSynced: boolean;
  /** The browser believes it has a network. */
  online: boolean;
  /** The close code that ended the connection for good, if any. */
  fatalCode: number | null;
}

/** The close codes after which the client stops reconnecting (shared with the server). */
export const isFatalClose = (code: number): boolean => FATAL_CLOSE_CODES.has(code);

export function connectionState(facts: ConnectionFacts): ConnectionState {
  if (facts.fatalCode !== null) {
    if (facts.fatalCode === CLOSE.UNKNOWN_BOARD.code) return 'not-found';
    if (facts.fatalCode === CLOSE.PROTOCOL_MISMATCH.code) return 'reload';
    // The server refused one of our edits (viewer link, locked board, board full): this copy has diverged.
    if (facts.fatalCode === CLOSE.FORBIDDEN.code || facts.fatalCode === CLOSE.BOARD_TOO_LARGE.code) return 'refused';
    return 'denied';
  }
  if (!facts.online) return 'offline';
  if (facts.synced) return 'connected';
  return facts.everSynced ? 'reconnecting' : 'connecting';
}

/** `ws://host` or `wss://host` for the page's own origin. */
export function wsBaseFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

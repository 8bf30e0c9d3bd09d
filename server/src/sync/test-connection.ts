import type { Role } from '@rejse/shared';
import { accessFor } from './access.ts';
import type { CloseReason, Connection } from './connection.ts';

/**
 * For tests: a connection that records what a room sends it (a room only calls these members),
 * each frame written at once, as to a fast client.
 */
export function fakeConnection(boardId: string, role: Role = 'editor') {
  const frames: Uint8Array[] = [];
  let closedWith: CloseReason | null = null;
  const conn = {
    awarenessIds: new Set<number>(),
    alive: true,
    boardId,
    ip: '127.0.0.1',
    access: accessFor(role, 'link'),
    queuedBytes: 0,
    get closed() {
      return closedWith !== null;
    },
    send: (frame: Uint8Array, onWritten?: () => void) => {
      frames.push(frame);
      if (onWritten) setImmediate(onWritten);
    },
    close: (reason: CloseReason) => {
      closedWith = reason;
    },
  } as unknown as Connection;
  return { conn, frames, closedWith: () => closedWith };
}

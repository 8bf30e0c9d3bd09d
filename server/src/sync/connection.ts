import { WebSocket } from 'ws';
import { CLOSE } from '@rejse/shared';
import type { ConnectionAccess } from './access.ts';

export interface CloseReason {
  code: number;
  reason: string;
}

/**
 * One client's WebSocket on one board. Wraps the raw `ws` socket so that sending
 * respects the send-buffer limit and closing happens once.
 */
export class Connection {
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessIds = new Set<number>();
  /** Answered the last ping (reset before each ping). */
  alive = true;
  private closing = false;

  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    readonly ip: string,
    readonly access: ConnectionAccess,
    private readonly sendBufferLimit: number,
    /** Told the code of every close the server decides (metrics). */
    private readonly onServerClose?: (code: number) => void,
  ) {}

  /** True once the server decided to close, or the socket is no longer open. */
  get closed(): boolean {
    return this.closing || this.socket.readyState !== WebSocket.OPEN;
  }

  /**
   * Queues a frame. A client that lets more than the limit pile up is closed with
   * SLOW_CONSUMER rather than letting its buffer grow without bound.
   */
  send(frame: Uint8Array): void {
    if (this.closed) return;
    this.socket.send(frame, { binary: true });
    if (this.socket.bufferedAmount > this.sendBufferLimit) this.close(CLOSE.SLOW_CONSUMER);
  }

  close(reason: CloseReason): void {
    if (this.closing) return;
    this.closing = true;
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.onServerClose?.(reason.code);
      this.socket.close(reason.code, reason.reason);
    }
  }
}

import { WebSocket } from 'ws';
import { CLOSE } from '@rejse/shared';
import type { ConnectionAccess } from './access.ts';
import type { QueuedSender, SendBudget } from './send-budget.ts';

export interface CloseReason {
  code: number;
  reason: string;
}

/** How much one connection, and all of them together, may leave queued (SERVER_LIMITS). */
export interface SendLimits {
  /** Bytes queued for this connection before it is closed with 4408. */
  perConnectionBytes: number;
  /** The process-wide budget every connection shares (board and drafts sockets). */
  budget: SendBudget | null;
  /** How long a connection closed as a slow consumer may take to read its close frame before it is cut off. */
  slowCloseGraceMs: number;
}

/**
 * One client's WebSocket on one board. Wraps the raw `ws` socket so that sending
 * respects the send-buffer limits and closing happens once.
 */
export class Connection implements QueuedSender {
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
    private readonly limits: SendLimits,
    /** Told the code of every close the server decides (metrics). */
    private readonly onServerClose?: (code: number) => void,
  ) {
    socket.once('close', () => this.limits.budget?.forget(this));
  }

  /** True once the server decided to close, or the socket is no longer open. */
  get closed(): boolean {
    return this.closing || this.socket.readyState !== WebSocket.OPEN;
  }

  get queuedBytes(): number {
    return this.socket.bufferedAmount;
  }

  /**
   * Queues a frame. A client that lets more than its limit pile up, or the largest queues
   * when the whole process has too much queued, is closed with SLOW_CONSUMER rather than
   * letting memory grow without bound. `onWritten` is not called for a connection already closing.
   */
  send(frame: Uint8Array, onWritten?: () => void): void {
    if (this.closed) return;
    // `onWritten` runs once the frame is handed to the kernel (or failed to be).
    this.socket.send(frame, { binary: true }, onWritten && (() => onWritten()));
    if (this.socket.bufferedAmount > this.limits.perConnectionBytes) {
      this.closeAsSlowConsumer();
      return;
    }
    this.limits.budget?.noteSend(this);
  }

  /**
   * Closes with 4408. The close frame waits behind everything queued, so a client that
   * reads nothing would hold that memory until `ws` gives up (30 s): it is cut off after
   * `slowCloseGraceMs` instead. A client that is only slow reads its 4408 in time.
   */
  closeAsSlowConsumer(): void {
    if (this.closing) return;
    this.close(CLOSE.SLOW_CONSUMER);
    this.limits.budget?.forget(this);
    const cutOff = setTimeout(() => {
      if (this.socket.readyState !== WebSocket.CLOSED) this.socket.terminate();
    }, this.limits.slowCloseGraceMs);
    cutOff.unref();
    this.socket.once('close', () => clearTimeout(cutOff));
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

import { CLOSE } from '@rejse/shared';
import type { Logger } from '../log.ts';

/** What the budget needs of a connection: its socket's queue, and a way to close it as a slow consumer. */
export interface QueuedSender {
  readonly closed: boolean;
  /** Bytes the socket has queued and not yet handed to the network. */
  readonly queuedBytes: number;
  readonly boardId: string;
  readonly ip: string;
  closeAsSlowConsumer(): void;
}

/**
 * Bytes queued for sending across every connection of the process (board and drafts
 * sockets alike). Each connection's own queue is bounded by `sendBufferBytes`; this bounds
 * their sum: past `limitBytes`, the connections with the largest queues — the slowest
 * readers of the most data — are closed with 4408 until the rest fit. A connection that
 * reads nothing (a hundred such sockets on a large board took a gigabyte) thus costs the
 * process at most its share of one limit, and readers that keep up are never touched.
 *
 * Cost: O(1) per send (the last seen queue of each connection, summed incrementally);
 * queues drain between sends, so the sum only over-estimates and is re-read exactly,
 * O(connections with a queue), before anyone is closed.
 */
export class SendBudget {
  private readonly queued = new Map<QueuedSender, number>();
  private total = 0;

  constructor(
    private readonly limitBytes: number,
    private readonly log: Logger,
  ) {}

  /** Bytes queued across the process, as last seen. */
  get queuedBytes(): number {
    return this.total;
  }

  /** Records a connection's queue after a send, and sheds the largest queues if the sum is past the limit. */
  noteSend(conn: QueuedSender): void {
    this.set(conn, conn.closed ? 0 : conn.queuedBytes);
    if (this.total > this.limitBytes) this.shed();
  }

  /** A connection that closed (its socket is cut off shortly after, see Connection). */
  forget(conn: QueuedSender): void {
    this.set(conn, 0);
  }

  private set(conn: QueuedSender, bytes: number): void {
    this.total += bytes - (this.queued.get(conn) ?? 0);
    if (bytes > 0) this.queued.set(conn, bytes);
    else this.queued.delete(conn);
  }

  private shed(): void {
    for (const conn of [...this.queued.keys()]) this.set(conn, conn.closed ? 0 : conn.queuedBytes);
    if (this.total <= this.limitBytes) return;
    const largestFirst = [...this.queued.entries()].sort((a, b) => b[1] - a[1]);
    for (const [conn, bytes] of largestFirst) {
      if (this.total <= this.limitBytes) break;
      this.log.info('closing a slow consumer: the process has too many bytes queued', {
        board: conn.boardId,
        ip: conn.ip,
        queued: bytes,
        processQueued: this.total,
        limit: this.limitBytes,
        code: CLOSE.SLOW_CONSUMER.code,
      });
      this.set(conn, 0);
      conn.closeAsSlowConsumer();
    }
  }
}

import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { PEER_ORIGIN } from '@rejse/shared';
import type { Logger } from '../log.ts';
import type { DocumentLog } from '../storage/documents.ts';
import type { BoardChannel, BoardFanout, PeerMessage } from './fanout.ts';
import { describeStorageError } from './persistence.ts';

export interface RoomFanoutOptions {
  /** How often a shared room checks storage for updates it has not seen (a gap, or a peer that died before publishing). */
  catchUpIntervalMs: number;
  /** Checks without any gap in between still read storage every this many intervals. */
  blindCatchUpEvery: number;
  log: Logger;
}

export const DEFAULT_ROOM_FANOUT: Omit<RoomFanoutOptions, 'log'> = { catchUpIntervalMs: 2_000, blindCatchUpEvery: 5 };

/**
 * One loaded board's link to the other instances serving it (the y-redis way of keeping
 * them in step, over Hocuspocus-style pub/sub):
 * - what this instance's clients change is stored first, then broadcast here and published
 *   with its sequence number in the board's log; peers apply it (`PEER_ORIGIN`: sent to
 *   their clients, never stored again) — applying an update twice is harmless in Yjs;
 * - storage is the complete record, so anything pub/sub lost is read back from it: right
 *   after subscribing (nothing published before the subscription can fall between the load
 *   and it), when the sequence numbers heard show a gap, and every few seconds anyway (a
 *   peer killed between storing and publishing leaves no gap to notice);
 * - presence is relayed both ways and a joining instance asks for everyone's.
 */
export class RoomFanout {
  private readonly channel: BoardChannel;
  private readonly timer: NodeJS.Timeout;
  /** Every update through this seq is in the document. */
  private storedThrough: number;
  /** Seqs heard (or appended here) past `storedThrough`, waiting for the ones before them. */
  private readonly seen = new Set<number>();
  private ticks = 0;
  private stopped = false;

  constructor(
    private readonly boardId: string,
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly documents: DocumentLog,
    fanout: BoardFanout,
    loadedThrough: number,
    private readonly options: RoomFanoutOptions,
  ) {
    this.storedThrough = loadedThrough;
    this.awareness.on('update', this.onAwarenessUpdate);
    this.channel = fanout.join(boardId, {
      receive: (message) => this.receive(message),
      subscribed: () => this.onSubscribed(),
    });
    this.timer = setInterval(() => this.tick(), options.catchUpIntervalMs);
    this.timer.unref();
  }

  /** An update this instance stored as `seq`: tell the peers. */
  publishUpdate(update: Uint8Array, seq: number): void {
    this.note(seq);
    this.channel.publish({ type: 'update', update, seq });
  }

  /** Reads what storage holds past `storedThrough` and applies it (sent to this instance's clients). */
  catchUp(): void {
    if (this.stopped) return;
    let tail: ReturnType<DocumentLog['tail']>;
    try {
      tail = this.documents.tail(this.boardId, this.storedThrough);
    } catch (error) {
      // The next tick tries again; the room's own writes report storage failures.
      this.options.log.warn('could not catch up a shared board from storage', {
        board: this.boardId,
        cause: describeStorageError(error),
      });
      return;
    }
    if (!tail) return;
    if (tail.snapshot || tail.updates.length > 0) {
      this.doc.transact(() => {
        if (tail.snapshot) Y.applyUpdate(this.doc, tail.snapshot);
        for (const update of tail.updates) Y.applyUpdate(this.doc, update);
      }, PEER_ORIGIN);
    }
    this.storedThrough = Math.max(this.storedThrough, tail.lastSeq);
    this.advance();
  }

  leave(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.channel.leave();
  }

  private receive(message: PeerMessage): void {
    if (this.stopped) return;
    switch (message.type) {
      case 'update':
        Y.applyUpdate(this.doc, message.update, PEER_ORIGIN);
        this.note(message.seq);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, PEER_ORIGIN);
        return;
      case 'awareness-query':
        this.publishPresence([...this.awareness.getStates().keys()]);
        return;
    }
  }

  private onSubscribed(): void {
    if (this.stopped) return;
    this.catchUp();
    this.channel.publish({ type: 'awareness-query' });
  }

  private note(seq: number): void {
    if (seq > this.storedThrough) this.seen.add(seq);
    this.advance();
  }

  private advance(): void {
    while (this.seen.delete(this.storedThrough + 1)) this.storedThrough += 1;
    for (const seq of this.seen) if (seq <= this.storedThrough) this.seen.delete(seq);
  }

  private tick(): void {
    this.ticks += 1;
    if (this.seen.size > 0 || this.ticks % this.options.blindCatchUpEvery === 0) this.catchUp();
  }

  private publishPresence(clients: number[]): void {
    if (clients.length === 0) return;
    this.channel.publish({
      type: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    });
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // Renewals too (`update`, not `change`): peers drop a presence that is not renewed for 30 s.
    if (origin === PEER_ORIGIN || this.stopped) return;
    this.publishPresence([...added, ...updated, ...removed]);
  };
}

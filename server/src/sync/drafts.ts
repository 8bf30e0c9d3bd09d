import * as Y from 'yjs';
import { CLOSE, SERVER_ORIGIN, cardsMap, isParticipantId } from '@rejse/shared';
import { verifyParticipant } from '../auth/participants.ts';
import { SERVER_LIMITS } from '../config.ts';
import type { Logger } from '../log.ts';
import type { BoardStore } from '../storage/store.ts';
import { accessFor, type ConnectionAccess } from './access.ts';
import type { CloseReason, Connection } from './connection.ts';
import { clearPending } from './board-size.ts';
import { describeStorageError } from './persistence.ts';
import { applyWithHeldBackLimits, type HeldBackLimits } from './admission.ts';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './messages.ts';

/**
 * Private mode: each participant's new cards go into their own small drafts document,
 * served at `/ws/<boardId>/drafts/<participantId>`, instead of the shared board. Only that
 * participant (proven by their participant secret, `?secret=`) and facilitators may open
 * it. The facilitator's reveal copies every draft card into the board and empties the
 * drafts (see `revealDrafts` in live-boards.ts).
 *
 * A drafts document uses the board's `cards` layout (cells point at the board's stages and
 * lanes). It is small, so it is stored whole on every change rather than as an update log.
 */
const DRAFTS_MAX_BYTES = 1024 * 1024;

export class DraftRoom {
  readonly connections = new Set<Connection>();
  failed = false;
  private storedBytes: number;
  private readonly heldBack = new WeakMap<Connection, { pendingStrikes: number }>();
  /** Set while an update that may release held-back ones is applied: the sender gets the result too. */
  private echoToOrigin = false;

  constructor(
    readonly boardId: string,
    readonly participantId: string,
    readonly doc: Y.Doc,
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly now: () => number,
    private readonly onFailure: (room: DraftRoom) => void,
    private readonly limits: HeldBackLimits,
  ) {
    this.storedBytes = Y.encodeStateAsUpdate(doc).byteLength;
    doc.on('update', this.onUpdate);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  addConnection(conn: Connection): void {
    this.connections.add(conn);
    this.heldBack.set(conn, { pendingStrikes: 0 });
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    // Held-back updates this connection left behind would otherwise wait forever.
    if ((this.heldBack.get(conn)?.pendingStrikes ?? 0) > 0) clearPending(this.doc);
  }

  handleFrame(conn: Connection, frame: Uint8Array): void {
    if (conn.closed || this.failed) return;
    try {
      const message = decodeClientMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          conn.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
          return;
        case 'sync-update':
          if (!conn.access.canEditDocument) {
            conn.close(CLOSE.FORBIDDEN);
            return;
          }
          if (this.storedBytes + message.update.byteLength > DRAFTS_MAX_BYTES) {
            conn.close(CLOSE.BOARD_TOO_LARGE);
            return;
          }
          // The same held-back limits as the board room: a drafts socket is no way around them.
          applyWithHeldBackLimits(this.doc, message.update, conn, this.heldBack.get(conn), this.limits, (echo) => {
            this.echoToOrigin = echo;
          });
          return;
        case 'awareness':
          // No presence here; echoing the sender's own state keeps the stock client's liveness check happy.
          conn.send(encodeAwareness(message.update));
          return;
        case 'query-awareness':
        case 'auth':
          return;
      }
    } catch (error) {
      if (this.failed) return;
      this.log.debug('closing a drafts connection after a malformed frame', {
        board: this.boardId,
        error: error instanceof Error ? error.message : String(error),
      });
      conn.close(CLOSE.MALFORMED_FRAME);
    }
  }

  /** Removes every card (after a reveal); the participant's tabs see their drafts go. */
  clear(): void {
    this.doc.transact(() => {
      const cards = cardsMap(this.doc);
      for (const id of [...cards.keys()]) cards.delete(id);
    }, SERVER_ORIGIN);
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.failed) return;
    try {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.store.drafts.save(this.boardId, this.participantId, state, this.now());
      this.storedBytes = state.byteLength;
    } catch (error) {
      this.failed = true;
      this.log.error('could not store private drafts, closing them', {
        board: this.boardId,
        cause: describeStorageError(error),
      });
      for (const conn of this.connections) conn.close(CLOSE.SERVER_ERROR);
      this.onFailure(this);
      return;
    }
    const frame = encodeSyncUpdate(update);
    for (const conn of this.connections) if (conn !== origin || this.echoToOrigin) conn.send(frame);
  };
}

export class DraftRooms {
  private readonly rooms = new Map<string, DraftRoom>();

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly limits: HeldBackLimits = SERVER_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Who may open a participant's drafts: facilitators always; editors only their own,
   * proven by the participant secret; viewers never.
   */
  authorize(boardId: string, participantId: string, access: ConnectionAccess, secret: string | null): ConnectionAccess | CloseReason {
    if (!isParticipantId(participantId)) return CLOSE.FORBIDDEN;
    if (access.role === 'viewer') return CLOSE.FORBIDDEN;
    if (access.role !== 'facilitator' && verifyParticipant(this.store, boardId, participantId, secret, this.now()) !== 'ok') {
      return CLOSE.FORBIDDEN;
    }
    return accessFor(access.role, access.via, participantId);
  }

  /** The live drafts room, loading it from storage (or starting empty). */
  acquire(boardId: string, participantId: string): DraftRoom {
    const key = `${boardId}/${participantId}`;
    const loaded = this.rooms.get(key);
    if (loaded) return loaded;
    const doc = new Y.Doc();
    const stored = this.store.drafts.load(boardId, participantId);
    try {
      if (stored) Y.applyUpdate(doc, stored);
    } catch (error) {
      doc.destroy();
      throw error;
    }
    const room = new DraftRoom(boardId, participantId, doc, this.store, this.log, this.now, (failed) => this.evict(failed), this.limits);
    this.rooms.set(key, room);
    return room;
  }

  disconnect(room: DraftRoom, conn: Connection): void {
    room.removeConnection(conn);
    if (room.connectionCount === 0) this.evict(room);
  }

  /** The live drafts rooms of one board. */
  liveRooms(boardId: string): DraftRoom[] {
    return [...this.rooms.values()].filter((room) => room.boardId === boardId);
  }

  get(boardId: string, participantId: string): DraftRoom | undefined {
    return this.rooms.get(`${boardId}/${participantId}`);
  }

  closeAll(reason: CloseReason): void {
    for (const room of [...this.rooms.values()]) {
      for (const conn of room.connections) conn.close(reason);
      this.evict(room);
    }
  }

  private evict(room: DraftRoom): void {
    const key = `${room.boardId}/${room.participantId}`;
    if (this.rooms.get(key) === room) this.rooms.delete(key);
    setImmediate(() => room.destroy());
  }
}

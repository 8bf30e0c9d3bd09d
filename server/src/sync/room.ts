import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { CLOSE, LIMITS, STORAGE_ORIGIN, metaMap, migrateDoc, readTitle } from '@rejse/shared';
import type { Logger } from '../log.ts';
import type { BoardStore, StoredBoardState } from '../storage/store.ts';
import { Connection } from './connection.ts';
import {
  MalformedFrameError,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './messages.ts';

export interface RoomOptions {
  /** Update rows after which the log is folded into a snapshot. */
  compactAfterUpdates: number;
  /** Minimum time between writes of `updatedAt` while edits stream in. */
  touchIntervalMs: number;
  log: Logger;
  now?: () => number;
}

/** The stored state could not be turned into a document; the board is not served. */
export class RoomLoadError extends Error {
  constructor(boardId: string, cause: unknown) {
    super(`board "${boardId}" could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RoomLoadError';
  }
}

/**
 * Applies a stored state to a fresh document in ONE transaction (a snapshot and its
 * update tail never leave the document half-applied), then checks that the result is a
 * board at all. Throws rather than return an empty document.
 */
export function docFromStoredState(boardId: string, state: StoredBoardState): Y.Doc {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      Y.applyUpdate(doc, state.snapshot);
      for (const update of state.updates) Y.applyUpdate(doc, update);
    }, STORAGE_ORIGIN);
    if (metaMap(doc).size === 0) throw new Error('the stored state holds no board');
    return doc;
  } catch (error) {
    doc.destroy();
    throw new RoomLoadError(boardId, error);
  }
}

/** Checks a whole awareness update before any of it is applied (the y-protocols reader applies as it goes). */
function validateAwarenessUpdate(update: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      JSON.parse(decoding.readVarString(decoder));
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  } catch (error) {
    throw new MalformedFrameError(`invalid awareness update: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * One loaded board: its Y.Doc, its awareness, and the connections editing it.
 *
 * Every update the document emits (from a client, or a migration) is appended to storage
 * first and only then sent to the other connections, so nothing a client ever received
 * can be missing after a crash. The update log is folded into a snapshot once it passes
 * `compactAfterUpdates` rows, and when the room unloads.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Set when storage failed under this room; the manager then drops it (see `onFailure`). */
  failure: Error | null = null;
  /** Called once if storage fails; the manager evicts the room so the next connection loads it fresh. */
  onFailure: ((room: Room) => void) | null = null;

  private readonly awarenessOwners = new Map<number, Connection>();
  private rowsSinceSnapshot: number;
  private lastSeq: number;
  private compactionScheduled = false;
  private destroyed = false;
  private title: string;
  private lastTouchAt = 0;
  /** Time of the last change whose `updatedAt` is not yet written (throttled), or 0. */
  private unwrittenChangeAt = 0;
  private readonly now: () => number;

  /** Loads a board from storage, or returns undefined if it does not exist. Throws RoomLoadError. */
  static load(boardId: string, store: BoardStore, options: RoomOptions): Room | undefined {
    let state: StoredBoardState | undefined;
    try {
      state = store.load(boardId);
    } catch (error) {
      throw new RoomLoadError(boardId, error);
    }
    if (!state) return undefined;
    const doc = docFromStoredState(boardId, state);
    return new Room(boardId, store, doc, state, options);
  }

  private constructor(
    readonly boardId: string,
    private readonly store: BoardStore,
    doc: Y.Doc,
    state: StoredBoardState,
    private readonly options: RoomOptions,
  ) {
    this.doc = doc;
    this.now = options.now ?? Date.now;
    this.rowsSinceSnapshot = state.updates.length;
    this.lastSeq = state.lastSeq;
    this.title = readTitle(doc);
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own; only clients' states are relayed.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('update', this.onDocUpdate);
    try {
      // Migration updates go through onDocUpdate like any edit, so they are stored.
      migrateDoc(doc);
    } catch (error) {
      this.destroy();
      throw new RoomLoadError(boardId, error);
    }
    if (this.failure) {
      const failure = this.failure;
      this.destroy();
      throw new RoomLoadError(boardId, failure);
    }
    if (this.rowsSinceSnapshot >= options.compactAfterUpdates) this.scheduleCompaction();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Rows in the update log not yet folded into the snapshot (as far as this room knows). */
  get pendingUpdateRows(): number {
    return this.rowsSinceSnapshot;
  }

  addConnection(conn: Connection): void {
    this.connections.add(conn);
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /** Forgets a connection and tells the others its presence is gone. */
  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessIds.size > 0 && !this.destroyed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
  }

  /** Handles one binary frame from `conn`. A frame that cannot be handled closes that connection only. */
  handleFrame(conn: Connection, frame: Uint8Array): void {
    if (conn.closed || this.failure || this.destroyed) return;
    try {
      const message = decodeClientMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          conn.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
          return;
        case 'sync-update':
          // Roles slot in here: a viewer's updates are refused (today every connection may edit).
          if (!conn.access.canEditDocument) return;
          Y.applyUpdate(this.doc, message.update, conn);
          return;
        case 'awareness':
          if (!conn.access.canSharePresence) return;
          validateAwarenessUpdate(message.update);
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn);
          return;
        case 'query-awareness':
          conn.send(
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
            ),
          );
          return;
        case 'auth':
          return;
      }
    } catch (error) {
      // A storage failure inside the update handler is already handled (the room failed).
      if (this.failure) return;
      this.options.log.debug('closing a connection after a malformed frame', {
        board: this.boardId,
        ip: conn.ip,
        error: error instanceof Error ? error.message : String(error),
      });
      conn.close(CLOSE.MALFORMED_FRAME);
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN || this.failure || this.destroyed) return;
    try {
      this.lastSeq = this.store.appendUpdate(this.boardId, update);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.rowsSinceSnapshot += 1;
    this.noteChange();
    const frame = encodeSyncUpdate(update);
    for (const conn of this.connections) {
      if (conn !== origin) conn.send(frame);
    }
    if (this.rowsSinceSnapshot >= this.options.compactAfterUpdates) this.scheduleCompaction();
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Connection) {
      // A client id belongs to the connection that last spoke for it (a reconnecting tab keeps its id).
      for (const id of [...added, ...updated]) {
        const owner = this.awarenessOwners.get(id);
        if (owner === origin) continue;
        owner?.awarenessIds.delete(id);
        this.awarenessOwners.set(id, origin);
        origin.awarenessIds.add(id);
      }
    }
    for (const id of removed) {
      this.awarenessOwners.get(id)?.awarenessIds.delete(id);
      this.awarenessOwners.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    // Sent to everyone, the sender too: the stock client counts its own echoed renewal as
    // a sign of life and reconnects after 30 s without any message.
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.connections) conn.send(frame);
  };

  /** Keeps the boards table's title and updatedAt current without a write per keystroke. */
  private noteChange(): void {
    const now = this.now();
    const title = readTitle(this.doc).slice(0, LIMITS.titleLength);
    const titleChanged = title !== this.title;
    if (!titleChanged && now - this.lastTouchAt < this.options.touchIntervalMs) {
      this.unwrittenChangeAt = now;
      return;
    }
    this.title = title;
    this.writeTouch(titleChanged ? { title, updatedAt: now } : { updatedAt: now });
  }

  private flushTouch(): void {
    if (this.unwrittenChangeAt !== 0) this.writeTouch({ updatedAt: this.unwrittenChangeAt });
  }

  private writeTouch(changes: { title?: string; updatedAt: number }): void {
    this.lastTouchAt = changes.updatedAt;
    this.unwrittenChangeAt = 0;
    try {
      this.store.touch(this.boardId, changes);
    } catch (error) {
      // Only list metadata; the content itself is safe in the update log.
      this.options.log.warn('could not update board metadata', { board: this.boardId, error });
    }
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    setImmediate(() => {
      this.compactionScheduled = false;
      if (!this.destroyed) this.compact();
    });
  }

  /**
   * Folds the update log into a fresh snapshot of the live document: encode the doc, then
   * replace the snapshot and delete the rows it contains in one storage transaction.
   */
  compact(): void {
    if (this.failure || this.destroyed) return;
    this.flushTouch();
    if (this.rowsSinceSnapshot === 0) return;
    try {
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      this.store.compact(this.boardId, snapshot, this.lastSeq);
      this.rowsSinceSnapshot = 0;
    } catch (error) {
      // Nothing is lost: the log stays and the next compaction tries again.
      this.options.log.error('compaction failed, the update log is kept', { board: this.boardId, error });
    }
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.options.log.error('storage failed, closing the board', { board: this.boardId, error });
    for (const conn of this.connections) conn.close(CLOSE.SERVER_ERROR);
    this.onFailure?.(this);
  }

  /** Closes every connection with `reason`. */
  closeConnections(reason: { code: number; reason: string }): void {
    for (const conn of this.connections) conn.close(reason);
  }

  /** Frees the document and the awareness (and its timer). Does not store anything. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }
}

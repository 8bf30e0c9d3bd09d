import * as Y from 'yjs';
import type * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE, CURRENT_SCHEMA_VERSION, PEER_ORIGIN, STORAGE_ORIGIN, metaMap, migrateDoc } from '@rejse/shared';
import type { Logger } from '../log.ts';
import type { DocumentLog, StoredBoardState } from '../storage/documents.ts';
import type { Connection } from './connection.ts';
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './messages.ts';
import { clearPending } from './board-size.ts';
import { admitUpdate, applyWithHeldBackLimits, takeDeferred } from './admission.ts';
import { closeForFrameError } from './frame-errors.ts';
import { GroupCommit, type CommitMember } from './group-commit.ts';
import { BoardPersistence, RoomLoadError, describeStorageError, docFromStoredState } from './persistence.ts';
import type { BoardFanout } from './fanout.ts';
import { RoomPresence } from './presence.ts';
import { DEFAULT_ROOM_FANOUT, RoomFanout, type RoomFanoutOptions } from './room-fanout.ts';
import { DEFAULT_ROOM_LIMITS, LimitExceededError, newConnectionGuard, type ConnectionGuard, type RoomLimits } from './room-limits.ts';

export interface RoomOptions {
  /** Update rows after which the log is folded into a snapshot. */
  compactAfterUpdates: number;
  /** Minimum time between writes of `updatedAt` while edits stream in. */
  touchIntervalMs: number;
  log: Logger;
  now?: () => number;
  /** Board size, rate and presence limits; DEFAULT_ROOM_LIMITS for what is not given. */
  limits?: Partial<RoomLimits>;
  /** Group commit shared by the rooms of one store (the manager's); a room of its own otherwise. */
  commit?: GroupCommit;
  /** Other instances serving the same boards (REDIS_URL); see room-fanout.ts. */
  fanout?: BoardFanout;
  fanoutTiming?: Partial<Omit<RoomFanoutOptions, 'log'>>;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** An update applied to the document, waiting for the end of the turn to be stored, then sent. */
interface WaitingUpdate {
  update: Uint8Array;
  origin: unknown;
  /** Send it to its origin too (held-back updates were released with it). */
  echo: boolean;
}

/**
 * One loaded board: its Y.Doc and the connections editing it. The room coordinates;
 * presence (`presence.ts`) and storage (`persistence.ts`) are its two helpers.
 *
 * Every update the document emits (from a client, or a migration) is appended to storage
 * first and only then sent to the other connections, so nothing a client ever received
 * can be missing after a crash: the updates of one event-loop turn wait and are stored in
 * one transaction with every other room's (`group-commit.ts`), then broadcast. If storage
 * fails, the room closes every connection with 4500, logs one line, and is dropped unsaved:
 * other boards and the process go on.
 *
 * Joins are a copy: the answer to a client that has nothing (an empty state vector) is kept
 * encoded until the document changes.
 */
export class Room implements CommitMember {
  readonly doc: Y.Doc;
  readonly connections = new Set<Connection>();
  /** Set when storage failed under this room; the manager then drops it (see `onFailure`). */
  failure: Error | null = null;
  /** Called once if storage fails; the manager evicts the room so the next connection loads it fresh. */
  onFailure: ((room: Room) => void) | null = null;

  private readonly presence: RoomPresence;
  private readonly persistence: BoardPersistence;
  /** The link to other instances serving this board, when there are any (REDIS_URL). */
  private readonly peers: RoomFanout | null = null;
  private readonly guards = new WeakMap<Connection, ConnectionGuard>();
  private readonly limits: RoomLimits;
  /** Set while a client update is applied that may release held-back updates into its transaction. */
  private echoToOrigin = false;
  private destroyed = false;
  private readonly now: () => number;
  private readonly commit: GroupCommit;
  /** Applied, not yet stored nor sent (see onDocUpdate). */
  private waiting: WaitingUpdate[] = [];
  private waitingBytes = 0;
  /** Sync step 2 with the whole document, for joiners that have nothing; null once it changed. */
  private joinFrame: Uint8Array | null = null;
  /** Sync step 1 (the document's state vector) sent to every new connection; null once it changed. */
  private stateVectorFrame: Uint8Array | null = null;

  /** A board's stored state, or undefined if it does not exist. Throws RoomLoadError. */
  static read(boardId: string, documents: DocumentLog): StoredBoardState | undefined {
    try {
      return documents.load(boardId);
    } catch (error) {
      throw new RoomLoadError(boardId, error);
    }
  }

  /** Loads a board from its stored state, read just before (see `read`). Throws RoomLoadError. */
  static fromState(
    boardId: string,
    documents: DocumentLog,
    state: StoredBoardState,
    options: RoomOptions,
    how: { readMs: number; early: boolean },
  ): Room {
    const began = performance.now();
    const doc = docFromStoredState(boardId, state);
    const decoded = performance.now();
    const room = new Room(boardId, documents, doc, state, options);
    const migrated = performance.now();
    // Every joiner is sent the state vector first: encoded now, it is part of the load.
    room.stateVectorFrame = encodeSyncStep1(Y.encodeStateVector(doc));
    const ready = performance.now();
    // What a cold board's first joiner waited for (issue 14; bench/join/first-byte-bench.ts reads it).
    options.log.debug('board loaded', {
      board: boardId,
      bytes: room.persistence.storedBytes,
      updateRows: state.updates.length,
      // A joiner already had the stored bytes (opening.ts) while this ran.
      early: how.early,
      readMs: round(how.readMs),
      decodeMs: round(decoded - began),
      migrateMs: round(migrated - decoded),
      encodeMs: round(ready - migrated),
    });
    return room;
  }

  private constructor(
    readonly boardId: string,
    documents: DocumentLog,
    doc: Y.Doc,
    state: StoredBoardState,
    private readonly options: RoomOptions,
  ) {
    this.doc = doc;
    this.now = options.now ?? Date.now;
    this.limits = { ...DEFAULT_ROOM_LIMITS, ...options.limits };
    this.persistence = new BoardPersistence(boardId, documents, doc, state, {
      compactAfterUpdates: options.compactAfterUpdates,
      touchIntervalMs: options.touchIntervalMs,
      log: options.log,
      now: this.now,
    });
    this.presence = new RoomPresence(doc, this.connections, this.limits, this.now);
    this.commit = options.commit ?? new GroupCommit(documents);
    // A compacted board's snapshot is the whole document: the first join sends it as it is.
    if (state.updates.length === 0) this.joinFrame = encodeSyncStep2(state.snapshot);
    doc.on('update', this.onDocUpdate);
    if (options.fanout) {
      this.peers = new RoomFanout(boardId, doc, this.presence.awareness, documents, options.fanout, state.lastSeq, {
        ...DEFAULT_ROOM_FANOUT,
        ...options.fanoutTiming,
        log: options.log,
      });
    }
    try {
      // Migration updates go through onDocUpdate like any edit, so they are stored (now, so a
      // failing store fails the load).
      migrateDoc(doc);
      this.flush();
    } catch (error) {
      this.destroy();
      throw new RoomLoadError(boardId, error);
    }
    if (this.failure) {
      const failure = this.failure;
      this.destroy();
      throw new RoomLoadError(boardId, failure);
    }
    this.persistence.compactSoonIfDue();
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * The fingerprint of the stored state when it is one snapshot of this board at the current
   * schema version, with nothing appended after it (see `RoomManager`), else null.
   */
  get storedCurrentSnapshot(): string | null {
    if (this.failure || this.destroyed || metaMap(this.doc).get('schemaVersion') !== CURRENT_SCHEMA_VERSION) return null;
    return this.persistence.storedSnapshot;
  }

  /** Rows in the update log not yet folded into the snapshot (as far as this room knows). */
  get pendingUpdateRows(): number {
    return this.persistence.pendingRows;
  }

  /** Bytes of the stored state (snapshot + update log), as the room last wrote it. */
  get storedStateBytes(): number {
    return this.persistence.storedBytes;
  }

  /** Stored bytes plus what waits to be stored (the board size limit counts both). */
  private get storedBytes(): number {
    return this.persistence.storedBytes + this.waitingBytes;
  }

  /** Stores and sends every update still waiting for the end of the turn (this room's and others'). */
  flush(): void {
    this.commit.flush();
  }

  addConnection(conn: Connection): void {
    this.connections.add(conn);
    this.guards.set(conn, newConnectionGuard(this.limits, this.now));
    this.flush();
    this.stateVectorFrame ??= encodeSyncStep1(Y.encodeStateVector(this.doc));
    conn.send(this.stateVectorFrame);
    this.presence.add(conn);
  }

  /** Forgets a connection and tells the others its presence is gone. */
  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.remove(conn);
    if (this.destroyed) return;
    // Held-back updates this connection left behind would otherwise wait forever.
    if ((this.guards.get(conn)?.pendingStrikes ?? 0) > 0) clearPending(this.doc);
  }

  /** Handles one binary frame from `conn`. A frame that cannot be handled closes that connection only. */
  handleFrame(conn: Connection, frame: Uint8Array): void {
    if (conn.closed || this.failure || this.destroyed) return;
    try {
      const message = decodeClientMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          this.takeStateRequest(conn);
          // Never send what is not stored yet.
          this.flush();
          conn.send(this.answerStateRequest(message.stateVector));
          return;
        case 'sync-update':
          // Held-back updates may change without an update event: the cached answers go.
          this.invalidateCachedFrames();
          // Admission (admission.ts): a refused update is never applied, stored or broadcast.
          this.applyClientUpdate(conn, message.update, message.step);
          return;
        case 'awareness':
          if (!conn.access.canSharePresence) return;
          this.presence.apply(conn, message.update);
          return;
        case 'query-awareness':
          this.takeStateRequest(conn);
          conn.send(this.presence.encodeAll());
          return;
        case 'auth':
          return;
      }
    } catch (error) {
      // A storage failure inside the update handler is already handled (the room failed).
      if (this.failure) return;
      closeForFrameError(conn, error, this.options.log, this.boardId);
    }
  }

  /** What the client lacks: for a client with nothing (a join) the cached whole document. */
  private answerStateRequest(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    this.joinFrame ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return this.joinFrame;
  }

  private invalidateCachedFrames(): void {
    this.joinFrame = null;
    this.stateVectorFrame = null;
  }

  private takeStateRequest(conn: Connection): void {
    if (this.guards.get(conn)?.stateRequests.take() === false) {
      throw new LimitExceededError(CLOSE.RATE_LIMITED, 'full-state requests per second');
    }
  }

  /**
   * Admits a client's update (admission.ts), then applies it within the held-back limits.
   * Before a connection's first sync step 2, an update that builds on what the client has
   * not sent yet (its offline edits) is deferred until that step 2 arrives, then judged.
   */
  private applyClientUpdate(conn: Connection, update: Uint8Array, step: 'step2' | 'update'): void {
    const guard = this.guards.get(conn);
    const admitted = admitUpdate({
      doc: this.doc,
      access: conn.access,
      update,
      limits: this.limits,
      storedBytes: () => this.storedBytes,
      compact: () => this.compact(),
      deferral: guard && step === 'update' ? guard.deferred : undefined,
    });
    if (admitted === 'deferred') return;
    applyWithHeldBackLimits(this.doc, update, conn, guard, this.limits, (echo) => {
      this.echoToOrigin = echo;
    });
    if (guard && step === 'step2') {
      for (const deferred of takeDeferred(guard.deferred)) this.applyClientUpdate(conn, deferred, 'update');
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.invalidateCachedFrames();
    if (origin === STORAGE_ORIGIN || this.failure || this.destroyed) return;
    if (origin === PEER_ORIGIN) {
      // Another instance stored it; this instance's clients only need to hear it.
      const frame = encodeSyncUpdate(update);
      for (const conn of this.connections) conn.send(frame);
      return;
    }
    this.waiting.push({ update, origin, echo: this.echoToOrigin });
    this.waitingBytes += update.length;
    this.commit.enqueue(this);
  };

  waitingUpdates(): readonly Uint8Array[] {
    if (this.failure || this.destroyed) return [];
    return this.waiting.map((entry) => entry.update);
  }

  publishWaiting(seqs: readonly number[]): void {
    const stored = this.waiting;
    this.waiting = [];
    this.waitingBytes = 0;
    if (this.failure || this.destroyed || stored.length === 0 || seqs.length !== stored.length) return;
    this.persistence.noteStored(
      stored.map((entry) => entry.update),
      seqs.at(-1) ?? 0,
    );
    stored.forEach(({ update, origin, echo }, i) => {
      const frame = encodeSyncUpdate(update);
      for (const conn of this.connections) {
        // The sender already has its own update, unless held-back ones were released with it.
        if (conn !== origin || echo) conn.send(frame);
      }
      // Only now, committed: a peer that hears of it can read it back from the shared log.
      this.peers?.publishUpdate(update, seqs[i] ?? 0);
    });
  }

  failWaiting(error: unknown): void {
    this.waiting = [];
    this.waitingBytes = 0;
    this.fail(error);
  }

  /** Folds the update log into a snapshot now (see BoardPersistence.compact), after storing what waits. */
  compact(): void {
    if (this.failure || this.destroyed) return;
    this.flush();
    if (this.failure || this.destroyed) return;
    this.persistence.compact();
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.persistence.stop();
    // One line naming the board and what storage said; the clients reconnect and resend.
    this.options.log.error('storage failed, closing the board', {
      board: this.boardId,
      cause: describeStorageError(error),
    });
    for (const conn of this.connections) conn.close(CLOSE.SERVER_ERROR);
    this.onFailure?.(this);
  }

  /** Closes every connection with `reason`. */
  closeConnections(reason: { code: number; reason: string }): void {
    for (const conn of this.connections) conn.close(reason);
  }

  /** Frees the document and the presence (and its timer). Does not store anything. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.persistence.stop();
    this.peers?.leave();
    this.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
    this.doc.destroy();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }
}

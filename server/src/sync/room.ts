import * as Y from 'yjs';
import type * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE, STORAGE_ORIGIN, migrateDoc } from '@rejse/shared';
import type { Logger } from '../log.ts';
import type { DocumentLog, StoredBoardState } from '../storage/documents.ts';
import { checkDocumentUpdate } from './access.ts';
import type { Connection } from './connection.ts';
import { MalformedFrameError, decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './messages.ts';
import { clearPending, pendingBytes, wouldExceedCards } from './board-size.ts';
import { structureViolation, type DecodedUpdate } from './structure.ts';
import { BoardPersistence, RoomLoadError, describeStorageError, docFromStoredState } from './persistence.ts';
import { RoomPresence } from './presence.ts';
import { TokenBucket } from './rate.ts';
import { DEFAULT_ROOM_LIMITS, LimitExceededError, type RoomLimits } from './room-limits.ts';

export interface RoomOptions {
  /** Update rows after which the log is folded into a snapshot. */
  compactAfterUpdates: number;
  /** Minimum time between writes of `updatedAt` while edits stream in. */
  touchIntervalMs: number;
  log: Logger;
  now?: () => number;
  /** Board size, rate and presence limits; DEFAULT_ROOM_LIMITS for what is not given. */
  limits?: Partial<RoomLimits>;
}

/** Per-connection bookkeeping for the limits (kept here so Connection stays a thin socket wrapper). */
interface ConnectionGuard {
  stateRequests: TokenBucket;
  /** Updates in a row from this connection that left more held back than before. */
  pendingStrikes: number;
}

/** Decodes a client's Yjs update once for the checks before it is applied. */
function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new MalformedFrameError(`invalid Yjs update: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * One loaded board: its Y.Doc and the connections editing it. The room coordinates;
 * presence (`presence.ts`) and storage (`persistence.ts`) are its two helpers.
 *
 * Every update the document emits (from a client, or a migration) is appended to storage
 * first and only then sent to the other connections, so nothing a client ever received
 * can be missing after a crash. If storage fails, the room closes every connection with
 * 4500, logs one line, and is dropped unsaved: other boards and the process go on.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly connections = new Set<Connection>();
  /** Set when storage failed under this room; the manager then drops it (see `onFailure`). */
  failure: Error | null = null;
  /** Called once if storage fails; the manager evicts the room so the next connection loads it fresh. */
  onFailure: ((room: Room) => void) | null = null;

  private readonly presence: RoomPresence;
  private readonly persistence: BoardPersistence;
  private readonly guards = new WeakMap<Connection, ConnectionGuard>();
  private readonly limits: RoomLimits;
  /** Set while a client update is applied that may release held-back updates into its transaction. */
  private echoToOrigin = false;
  private destroyed = false;
  private readonly now: () => number;

  /** Loads a board from storage, or returns undefined if it does not exist. Throws RoomLoadError. */
  static load(boardId: string, documents: DocumentLog, options: RoomOptions): Room | undefined {
    let state: StoredBoardState | undefined;
    try {
      state = documents.load(boardId);
    } catch (error) {
      throw new RoomLoadError(boardId, error);
    }
    if (!state) return undefined;
    const doc = docFromStoredState(boardId, state);
    return new Room(boardId, documents, doc, state, options);
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
    this.persistence.compactSoonIfDue();
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Rows in the update log not yet folded into the snapshot (as far as this room knows). */
  get pendingUpdateRows(): number {
    return this.persistence.pendingRows;
  }

  /** Bytes of the stored state (snapshot + update log), as the room last wrote it. */
  get storedStateBytes(): number {
    return this.persistence.storedBytes;
  }

  private get storedBytes(): number {
    return this.persistence.storedBytes;
  }

  addConnection(conn: Connection): void {
    this.connections.add(conn);
    this.guards.set(conn, {
      stateRequests: new TokenBucket(this.limits.stateRequestRate, this.now),
      pendingStrikes: 0,
    });
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
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
          conn.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
          return;
        case 'sync-update': {
          // Roles and locks: a refused update is never applied, stored or broadcast (see access.ts).
          const verdict = checkDocumentUpdate(conn.access, this.doc, message.update);
          if (!verdict.ok) {
            this.options.log.info('refused an update', { board: this.boardId, role: conn.access.role, reason: verdict.reason });
            conn.close(CLOSE.FORBIDDEN);
            return;
          }
          const decoded = decodeUpdate(message.update);
          this.checkBoardSize(message.update, decoded);
          const violation = structureViolation(this.doc, decoded);
          if (violation) throw new MalformedFrameError(`an update that ${violation}`);
          this.applyClientUpdate(conn, message.update);
          return;
        }
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
      if (error instanceof LimitExceededError) {
        this.options.log.info('closing a connection that passed a limit', {
          board: this.boardId,
          ip: conn.ip,
          code: error.close.code,
          limit: error.message,
        });
        conn.close(error.close);
        return;
      }
      this.options.log.debug('closing a connection after a malformed frame', {
        board: this.boardId,
        ip: conn.ip,
        error: error instanceof Error ? error.message : String(error),
      });
      conn.close(CLOSE.MALFORMED_FRAME);
    }
  }

  private takeStateRequest(conn: Connection): void {
    if (this.guards.get(conn)?.stateRequests.take() === false) {
      throw new LimitExceededError(CLOSE.RATE_LIMITED, 'full-state requests per second');
    }
  }

  /**
   * Refuses an update that would take the board past its byte or card limit, before
   * anything of it is applied or stored. Near the byte limit the log is compacted first
   * (overwritten values then stop counting).
   */
  private checkBoardSize(update: Uint8Array, decoded: DecodedUpdate): void {
    const { maxBoardBytes, maxBoardCards } = this.limits;
    if (this.storedBytes + update.length > maxBoardBytes) {
      this.compact();
      if (this.storedBytes + update.length > maxBoardBytes) {
        throw new LimitExceededError(
          CLOSE.BOARD_TOO_LARGE,
          `board bytes: ${this.storedBytes} stored + ${update.length} > ${maxBoardBytes}`,
        );
      }
    }
    if (wouldExceedCards(this.doc, update, maxBoardCards, decoded)) {
      throw new LimitExceededError(CLOSE.BOARD_TOO_LARGE, `board cards: more than ${maxBoardCards}`);
    }
  }

  /**
   * Applies a client's update. Yjs holds back updates whose dependencies have not arrived
   * and re-merges them with every further one; a connection that keeps adding to them is
   * closed and what it held back is dropped (nothing of it was stored or sent).
   */
  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    const before = pendingBytes(this.doc);
    // With updates held back, this one may release them into its own transaction: then the
    // sender must get the result too, or it never sees what was released (see onDocUpdate).
    this.echoToOrigin = before > 0;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } finally {
      this.echoToOrigin = false;
    }
    const after = pendingBytes(this.doc);
    const guard = this.guards.get(conn);
    if (!guard) return;
    if (after === 0) {
      guard.pendingStrikes = 0;
      return;
    }
    if (after > before) guard.pendingStrikes += 1;
    if (after > this.limits.pendingUpdateBytes || guard.pendingStrikes > this.limits.pendingUpdatesPerConnection) {
      clearPending(this.doc);
      guard.pendingStrikes = 0;
      throw new MalformedFrameError(`updates whose dependencies never arrive (${after} bytes held back)`);
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN || this.failure || this.destroyed) return;
    try {
      this.persistence.append(update);
    } catch (error) {
      this.fail(error);
      return;
    }
    const frame = encodeSyncUpdate(update);
    for (const conn of this.connections) {
      // The sender already has its own update, unless held-back ones were released with it.
      if (conn !== origin || this.echoToOrigin) conn.send(frame);
    }
  };

  /** Folds the update log into a snapshot now (see BoardPersistence.compact). */
  compact(): void {
    if (this.failure || this.destroyed) return;
    this.persistence.compact();
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.persistence.stop();
    // One line naming the board and what storage said; the clients reconnect and resend.
    this.options.log.error('storage failed, closing the board', { board: this.boardId, cause: describeStorageError(error) });
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
    this.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
    this.doc.destroy();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }
}

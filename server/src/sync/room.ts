import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CLOSE, LIMITS, STORAGE_ORIGIN, metaMap, migrateDoc, readTitle } from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import type { Logger } from '../log.ts';
import type { BoardStore, StoredBoardState } from '../storage/store.ts';
import { presenceMatchesRole } from './access.ts';
import type { Connection } from './connection.ts';
import {
  MalformedFrameError,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './messages.ts';
import { clearPending } from './board-size.ts';
import {
  AdmissionRefusal,
  admitUpdate,
  applyWithHeldBackLimits,
  takeDeferred,
  type AdmissionLimits,
  type DeferredUpdates,
} from './admission.ts';
import { TokenBucket, type RateLimit } from './rate.ts';

/** What one board and each of its connections may do (values and reasons: SERVER_LIMITS). */
export interface RoomLimits extends AdmissionLimits {
  awarenessRate: RateLimit;
  stateRequestRate: RateLimit;
  awarenessStateBytes: number;
  awarenessIdsPerConnection: number;
  pendingUpdateBytes: number;
  pendingUpdatesPerConnection: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxBoardBytes: SERVER_LIMITS.boardBytes,
  maxBoardCards: SERVER_LIMITS.boardCards,
  maxBoardItems: SERVER_LIMITS.boardItems,
  maxValueBytes: SERVER_LIMITS.valueBytes,
  awarenessRate: SERVER_LIMITS.awarenessRate,
  stateRequestRate: SERVER_LIMITS.stateRequestRate,
  awarenessStateBytes: SERVER_LIMITS.awarenessStateBytes,
  awarenessIdsPerConnection: SERVER_LIMITS.awarenessIdsPerConnection,
  pendingUpdateBytes: SERVER_LIMITS.pendingUpdateBytes,
  pendingUpdatesPerConnection: SERVER_LIMITS.pendingUpdatesPerConnection,
};

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

/** A frame the server refuses for a limit; the connection is closed with `close`. */
class LimitExceededError extends Error {
  constructor(
    readonly close: { code: number; reason: string },
    message: string,
  ) {
    super(message);
    this.name = 'LimitExceededError';
  }
}

/** Per-connection bookkeeping for the limits (kept here so Connection stays a thin socket wrapper). */
interface ConnectionGuard {
  awareness: TokenBucket;
  stateRequests: TokenBucket;
  /** Updates in a row from this connection that left more held back than before. */
  pendingStrikes: number;
  /** Updates deferred until this connection's first sync step 2 (see `applyClientUpdate`). */
  deferred: DeferredUpdates;
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

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text ("null" removes the client's presence). */
  json: string;
  /** Encoded size of the JSON text. */
  bytes: number;
}

/** Reads a whole awareness update before any of it is applied (the y-protocols reader applies as it goes). */
function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    // Every entry takes at least three bytes: a count past that is a lie, not a reason to loop.
    if (count > update.length) throw new Error(`${count} entries in ${update.length} bytes`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const start = decoder.pos;
      const json = decoding.readVarString(decoder);
      JSON.parse(json);
      entries.push({ clientId, clock, json, bytes: decoder.pos - start });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (error) {
    throw new MalformedFrameError(`invalid awareness update: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
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

  /** Which connection speaks for each presence client id (set on first use, released when it closes). */
  private readonly awarenessOwners = new Map<number, Connection>();
  private readonly guards = new WeakMap<Connection, ConnectionGuard>();
  private readonly limits: RoomLimits;
  /** Bytes of the stored state: snapshot + the update rows after it. */
  private storedBytes: number;
  private rowsSinceSnapshot: number;
  private lastSeq: number;
  private compactionScheduled = false;
  /** Set while a client update is applied that may release held-back updates into its transaction. */
  private echoToOrigin = false;
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
    this.limits = { ...DEFAULT_ROOM_LIMITS, ...options.limits };
    this.storedBytes = state.updates.reduce((sum, update) => sum + update.length, state.snapshot.length);
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

  /** Bytes of the stored state (snapshot + update log), as the room last wrote it. */
  get storedStateBytes(): number {
    return this.storedBytes;
  }

  addConnection(conn: Connection): void {
    this.connections.add(conn);
    this.guards.set(conn, {
      awareness: new TokenBucket(this.limits.awarenessRate, this.now),
      stateRequests: new TokenBucket(this.limits.stateRequestRate, this.now),
      pendingStrikes: 0,
      deferred: { sentState: false, updates: [], bytes: 0 },
    });
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /** Forgets a connection and tells the others its presence is gone. */
  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    const ids = [...conn.awarenessIds];
    for (const id of ids) {
      if (this.awarenessOwners.get(id) === conn) this.awarenessOwners.delete(id);
    }
    conn.awarenessIds.clear();
    if (this.destroyed) return;
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
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
        case 'sync-update':
          // Admission (admission.ts): a refused update is never applied, stored or broadcast.
          this.applyClientUpdate(conn, message.update, message.step);
          return;
        case 'awareness':
          if (!conn.access.canSharePresence) return;
          this.applyClientAwareness(conn, message.update);
          return;
        case 'query-awareness':
          this.takeStateRequest(conn);
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
      if (error instanceof AdmissionRefusal) {
        this.options.log.info('refused an update', {
          board: this.boardId,
          role: conn.access.role,
          ip: conn.ip,
          code: error.close.code,
          reason: error.message,
        });
        conn.close(error.close);
        return;
      }
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

  /**
   * Applies the part of a presence update that is this connection's to give: entries for
   * client ids it speaks for (claimed on first use, up to `awarenessIdsPerConnection`).
   * Entries for other connections' ids are dropped without counting — the stock client
   * echoes every presence change it receives back to the server.
   */
  private applyClientAwareness(conn: Connection, update: Uint8Array): void {
    const entries = parseAwarenessUpdate(update);
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      // Presence may not claim another role than the connection's link grants (dropped, not closed).
      if (!presenceMatchesRole(entry.json, conn.access)) continue;
      const owner = this.awarenessOwners.get(entry.clientId);
      if (owner !== conn) {
        if (owner && !owner.closed) continue;
        // An echo or a replay changes nothing, so it claims nothing (else a stock client's echo
        // of a closing connection's presence would take it over, and it would never be removed).
        const known = this.awareness.meta.get(entry.clientId);
        if (known && entry.clock <= known.clock) continue;
        if (conn.awarenessIds.size >= this.limits.awarenessIdsPerConnection) continue;
        owner?.awarenessIds.delete(entry.clientId);
        this.awarenessOwners.set(entry.clientId, conn);
        conn.awarenessIds.add(entry.clientId);
      }
      if (entry.bytes > this.limits.awarenessStateBytes) {
        throw new LimitExceededError(CLOSE.MESSAGE_TOO_BIG, `presence state of ${entry.bytes} bytes`);
      }
      own.push(entry);
    }
    if (own.length === 0) return;
    if (this.guards.get(conn)?.awareness.take() === false) {
      throw new LimitExceededError(CLOSE.RATE_LIMITED, 'presence updates per second');
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), conn);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN || this.failure || this.destroyed) return;
    try {
      this.lastSeq = this.store.appendUpdate(this.boardId, update);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.storedBytes += update.length;
    this.rowsSinceSnapshot += 1;
    this.noteChange();
    const frame = encodeSyncUpdate(update);
    for (const conn of this.connections) {
      // The sender already has its own update, unless held-back ones were released with it.
      if (conn !== origin || this.echoToOrigin) conn.send(frame);
    }
    if (this.rowsSinceSnapshot >= this.options.compactAfterUpdates) this.scheduleCompaction();
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    // Ownership of ids is settled before applying (applyClientAwareness) and released when
    // the connection closes; a removed state keeps its owner, who may set it again.
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
      // Logged at debug level before and after, so a crash test can tell a kill landed in between.
      this.options.log.debug('compaction started', { board: this.boardId, rows: this.rowsSinceSnapshot });
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      this.store.compact(this.boardId, snapshot, this.lastSeq);
      this.rowsSinceSnapshot = 0;
      this.storedBytes = snapshot.length;
      this.options.log.debug('compaction finished', { board: this.boardId, bytes: snapshot.length });
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

import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { LIMITS, STORAGE_ORIGIN, metaMap, readTitle } from '@rejse/shared';
import type { Logger } from '../log.ts';
import type { DocumentLog, StoredBoardState } from '../storage/documents.ts';

/** The stored state could not be turned into a document; the board is not served. */
export class RoomLoadError extends Error {
  constructor(boardId: string, cause: unknown) {
    super(`board "${boardId}" could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
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

/** Tells stored snapshots apart: the same bytes, the same fingerprint (~2 ms for a 5,000-card board). */
export const fingerprint = (snapshot: Uint8Array): string => createHash('sha256').update(snapshot).digest('base64');

/** A storage failure in one short line: what the database said, without a stack. */
export function describeStorageError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}

export interface PersistenceOptions {
  /** Update rows after which the log is folded into a snapshot. */
  compactAfterUpdates: number;
  /** Minimum time between writes of `updatedAt` while edits stream in. */
  touchIntervalMs: number;
  log: Logger;
  now: () => number;
}

/**
 * How a live board reaches storage: every update is appended to the document log (the
 * room broadcasts it only after `append` returned), the log is folded into a snapshot
 * once it passes `compactAfterUpdates` rows (on the next turn, so an edit is never held
 * up by it), and the board list's title and `updatedAt` follow without a write per
 * keystroke.
 */
export class BoardPersistence {
  /** Bytes of the stored state: snapshot + the update rows after it. */
  private stored: number;
  private rowsSinceSnapshot: number;
  private lastSeq: number;
  private compactionScheduled = false;
  private stopped = false;
  private title: string;
  private lastTouchAt = 0;
  /** Time of the last change whose `updatedAt` is not yet written (throttled), or 0. */
  private unwrittenChangeAt = 0;
  /** Fingerprint of the stored snapshot when this room knows its bytes (loaded without a tail, or written by `compact`). */
  private snapshotFingerprint: string | null;

  constructor(
    private readonly boardId: string,
    private readonly documents: DocumentLog,
    private readonly doc: Y.Doc,
    state: StoredBoardState,
    private readonly options: PersistenceOptions,
  ) {
    this.stored = state.updates.reduce((sum, update) => sum + update.length, state.snapshot.length);
    this.rowsSinceSnapshot = state.updates.length;
    this.lastSeq = state.lastSeq;
    this.title = readTitle(doc);
    this.snapshotFingerprint = state.updates.length === 0 ? fingerprint(state.snapshot) : null;
  }

  /**
   * The fingerprint of the stored state when it is exactly one snapshot whose bytes this room
   * knows (nothing appended after it), else null.
   */
  get storedSnapshot(): string | null {
    return this.rowsSinceSnapshot === 0 && !this.stopped ? this.snapshotFingerprint : null;
  }

  /** Bytes of the stored state (snapshot + update log), as this room last wrote it. */
  get storedBytes(): number {
    return this.stored;
  }

  /** The seq the last `append` got (what peers are told it was stored as). */
  get lastStoredSeq(): number {
    return this.lastSeq;
  }

  /** Rows in the update log not yet folded into the snapshot (as far as this room knows). */
  get pendingRows(): number {
    return this.rowsSinceSnapshot;
  }

  /** After the transaction holding the room's appends (group commit) committed: counts them, keeps the board list current, compacts when due. */
  noteStored(updates: readonly Uint8Array[], lastSeq: number): void {
    if (updates.length === 0) return;
    this.lastSeq = lastSeq;
    for (const update of updates) this.stored += update.length;
    this.rowsSinceSnapshot += updates.length;
    this.noteChange();
    if (this.rowsSinceSnapshot >= this.options.compactAfterUpdates) this.scheduleCompaction();
  }

  /** Compacts on the next turn when the log is long enough (after loading, say). */
  compactSoonIfDue(): void {
    if (this.rowsSinceSnapshot >= this.options.compactAfterUpdates) this.scheduleCompaction();
  }

  /**
   * Folds the update log into a fresh snapshot of the live document: encode the doc, then
   * replace the snapshot and delete the rows it contains in one storage transaction.
   * A failure loses nothing (the log stays) and is only logged.
   */
  compact(): void {
    if (this.stopped) return;
    this.flushTouch();
    if (this.rowsSinceSnapshot === 0) return;
    try {
      // Logged at debug level before and after, so a crash test can tell a kill landed in between.
      this.options.log.debug('compaction started', { board: this.boardId, rows: this.rowsSinceSnapshot });
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      this.snapshotFingerprint = null;
      this.documents.compact(this.boardId, snapshot, this.lastSeq);
      // What storage now holds (PostgreSQL may fold more into it: then the bytes differ and the next load says so).
      this.snapshotFingerprint = fingerprint(snapshot);
      this.rowsSinceSnapshot = 0;
      this.stored = snapshot.length;
      this.options.log.debug('compaction finished', { board: this.boardId, bytes: snapshot.length });
    } catch (error) {
      this.options.log.error('compaction failed, the update log is kept', {
        board: this.boardId,
        cause: describeStorageError(error),
      });
    }
  }

  /** No more writes: the room failed or unloads (its final compaction already ran). */
  stop(): void {
    this.stopped = true;
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    setImmediate(() => {
      this.compactionScheduled = false;
      this.compact();
    });
  }

  /** Keeps the boards table's title and updatedAt current without a write per keystroke. */
  private noteChange(): void {
    const now = this.options.now();
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
      this.documents.touch(this.boardId, changes);
    } catch (error) {
      // Only list metadata; the content itself is safe in the update log.
      this.options.log.warn('could not update board metadata', {
        board: this.boardId,
        cause: describeStorageError(error),
      });
    }
  }
}

/**
 * The document log: a board's metadata plus its Yjs state, kept as one snapshot (a full
 * encoded state) and the updates appended after it. Loading applies the snapshot and then
 * the updates in order; compacting replaces the snapshot with a fresh encoding of the live
 * document and deletes the updates it folded in. (Hocuspocus's fetch/store, with the log.)
 */
export interface BoardMeta {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Last time the board's content changed (throttled while a board is live). */
  updatedAt: number;
}

/** A board's metadata as both SQL stores keep it (table `boards`). */
export interface MetaRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
}

export const toMeta = (row: MetaRow): BoardMeta => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface StoredBoardState {
  /** The snapshot (a Yjs update holding the whole state at the last compaction). */
  snapshot: Uint8Array;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last update (0 when there is none since the store began). */
  lastSeq: number;
}

interface BoardStateTail {
  /** Present when the updates after `afterSeq` are not all in the log any more. */
  snapshot?: Uint8Array;
  updates: Uint8Array[];
  /** The sequence number to ask from next time. */
  lastSeq: number;
}

export interface BoardStorageStats {
  /** Update rows not yet folded into the snapshot. */
  updateRows: number;
  snapshotBytes: number;
  updateBytes: number;
}

export interface DocumentLog {
  /** Stores a new board with its initial state as the snapshot. Throws BoardExistsError if the id exists. */
  create(meta: BoardMeta, initialState: Uint8Array): void;
  exists(id: string): boolean;
  meta(id: string): BoardMeta | undefined;
  /** Every board, most recently updated first. */
  list(): BoardMeta[];
  /** The stored state, or undefined for an unknown board. */
  load(id: string): StoredBoardState | undefined;
  /**
   * What a document that already holds the state through `afterSeq` (a `lastSeq` this log
   * returned) lacks: the updates after it, oldest first, and the snapshot as well when some
   * of them may have been folded into it. Applying the result brings such a document up to
   * date with everything stored; undefined for an unknown board. (Instances sharing a board
   * use it to catch up on what a peer stored but never published.)
   */
  tail(id: string, afterSeq: number): BoardStateTail | undefined;
  /** Appends one update after the existing ones and returns its sequence number (increasing). */
  append(id: string, update: Uint8Array): number;
  /**
   * Appends several updates, of any boards, in the given order, and returns their sequence
   * numbers in that order: what group commit stores at the end of an event-loop turn. Meant to
   * run inside `batch`: it throws UnknownBoardError for a board that does not exist, and the
   * batch then keeps nothing. PostgreSQL writes them in one statement (one round trip, however
   * many boards and updates); the embedded stores append each (`appendEach`).
   */
  appendMany(entries: readonly AppendEntry[]): number[];
  /**
   * Runs `work` as one transaction: the appends (and other writes) inside it are stored
   * together, or — when it throws — none of them are. Group commit: the sync layer stores the
   * updates of one event-loop turn, of every board, this way before it broadcasts them.
   */
  batch<T>(work: () => T): T;
  /**
   * Replaces the snapshot with `snapshot` and deletes the updates with seq <= `throughSeq`,
   * atomically. The caller guarantees `snapshot` contains all of them.
   */
  compact(id: string, snapshot: Uint8Array, throughSeq: number): void;
  /** Updates the metadata shown in board lists. */
  touch(id: string, changes: { title?: string; updatedAt?: number }): void;
  stats(id: string): BoardStorageStats | undefined;
}

/** One update for `DocumentLog.appendMany`. */
export interface AppendEntry {
  boardId: string;
  update: Uint8Array;
}

/** `appendMany` as one `append` after another, for stores where an append is cheap. */
export const appendEach = (log: Pick<DocumentLog, 'append'>, entries: readonly AppendEntry[]): number[] =>
  entries.map((entry) => log.append(entry.boardId, entry.update));

export class UnknownBoardError extends Error {
  constructor(readonly boardId: string) {
    super(`unknown board "${boardId}"`);
    this.name = 'UnknownBoardError';
  }
}

export class BoardExistsError extends Error {
  constructor(readonly boardId: string) {
    super(`board "${boardId}" already exists`);
    this.name = 'BoardExistsError';
  }
}

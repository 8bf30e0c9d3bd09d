import type { Board, BoardDiff, Role, SnapshotInfo, SnapshotKind } from '@rejse/shared';

/** Who asked for a snapshot or a restore (null role: the server on its own). */
export interface HistoryActor {
  role: Role | null;
  participantId: string | null;
}

/**
 * The version history as the HTTP routes (and the run-sheet) use it; the sync layer
 * implements it (sync/history.ts), because snapshots read and restores edit live boards.
 */
export interface BoardHistory {
  /** Every snapshot of a board, oldest first; undefined for an unknown board. */
  list(boardId: string): SnapshotInfo[] | undefined;
  /** Takes a snapshot of the board as it is now. Undefined for an unknown board. */
  take(boardId: string, name: string, kind: SnapshotKind, by: HistoryActor): SnapshotInfo | undefined;
  /** A snapshot's board as plain data (migrated to the current schema); undefined if there is no such snapshot. */
  boardAt(boardId: string, snapshotId: string): Board | undefined;
  /** What changed from snapshot `from` to snapshot `to` (or the live board). Undefined if either is missing. */
  compare(boardId: string, from: string, to: string | 'live'): BoardDiff | undefined;
  /**
   * Restores the whole board (or one card) as it was in the snapshot: first a snapshot of the
   * board as it is (so the restore can be undone), then one server-origin change that everyone
   * receives live. Undefined if the snapshot (or the card in it) does not exist.
   */
  restore(
    boardId: string,
    snapshotId: string,
    by: HistoryActor,
    cardId?: string,
  ): { restoredFrom: string; undoSnapshotId: string; writes: number } | undefined;
  /** How many snapshots a board keeps. */
  readonly retention: number;
}

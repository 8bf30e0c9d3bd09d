/**
 * The version history of boards: whole Yjs states kept under a name, apart from the
 * document log (which only ever holds the one current state). Small on purpose, like the
 * other stores: a backend implements these four methods and runs `snapshots.contract.test.ts`.
 *
 * Retention: `addSnapshot` keeps at most `keep` snapshots per board, dropping the oldest of
 * the kinds taken without a person asking (auto, phase, restore) first, and only then the
 * oldest of any kind.
 */
export interface StoredSnapshot {
  id: string;
  name: string;
  /** One of SNAPSHOT_KINDS (shared/src/history/snapshots.ts). */
  kind: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The role of the link that took it (null: the server on its own, e.g. every 30 minutes). */
  byRole: string | null;
  /** The participant who took it, when known. */
  byParticipant: string | null;
  /** Bytes of the stored state. */
  bytes: number;
  /** Cards added, removed and edited since the snapshot before it (computed when taken). */
  changes: { added: number; removed: number; edited: number };
}

/** A snapshot's columns as both SQL stores read them (table `board_versions`), but for its changes, which each keeps its own way. */
export interface SnapshotRow {
  snapshot_id: string;
  name: string;
  kind: string;
  created_at: number;
  by_role: string | null;
  by_participant: string | null;
  bytes: number;
}

export const toSnapshot = (row: SnapshotRow, changes: StoredSnapshot['changes']): StoredSnapshot => ({
  id: row.snapshot_id,
  name: row.name,
  kind: row.kind,
  createdAt: row.created_at,
  byRole: row.by_role,
  byParticipant: row.by_participant,
  bytes: row.bytes,
  changes,
});

export interface SnapshotStore {
  /** Stores a snapshot, then drops the oldest beyond `keep`; returns the ids dropped. Throws for an unknown board. */
  addSnapshot(boardId: string, snapshot: Omit<StoredSnapshot, 'bytes'>, state: Uint8Array, keep: number): string[];
  /** The board's snapshots, oldest first, without their states. */
  listSnapshots(boardId: string): StoredSnapshot[];
  getSnapshot(boardId: string, snapshotId: string): StoredSnapshot | undefined;
  /** The stored state of one snapshot (a Yjs update holding the whole board). */
  snapshotState(boardId: string, snapshotId: string): Uint8Array | undefined;
}

/** Kinds a person asked for by name; retention drops the other kinds first. */
const NAMED_SNAPSHOT_KINDS: ReadonlySet<string> = new Set(['manual', 'session']);

/** Which of `snapshots` (oldest first) to drop so that `keep` remain. */
export function snapshotsToDrop(snapshots: readonly StoredSnapshot[], keep: number): string[] {
  let excess = snapshots.length - Math.max(1, keep);
  if (excess <= 0) return [];
  const drop: string[] = [];
  for (const snapshot of snapshots) {
    if (excess === 0) break;
    if (!NAMED_SNAPSHOT_KINDS.has(snapshot.kind)) {
      drop.push(snapshot.id);
      excess -= 1;
    }
  }
  for (const snapshot of snapshots) {
    if (excess === 0) break;
    if (!drop.includes(snapshot.id)) {
      drop.push(snapshot.id);
      excess -= 1;
    }
  }
  return drop;
}

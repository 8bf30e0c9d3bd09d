import Database from 'better-sqlite3';
import { snapshotsToDrop, toSnapshot, type SnapshotRow, type SnapshotStore, type StoredSnapshot } from './snapshots.ts';
import { UnknownBoardError } from './documents.ts';

/** SQLite keeps the changes as one JSON text. */
interface SqliteSnapshotRow extends SnapshotRow {
  changes: string;
}

function readChanges(text: string): StoredSnapshot['changes'] {
  try {
    const value = JSON.parse(text) as Partial<StoredSnapshot['changes']>;
    const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
    return { added: count(value.added), removed: count(value.removed), edited: count(value.edited) };
  } catch {
    return { added: 0, removed: 0, edited: 0 };
  }
}

const fromRow = (row: SqliteSnapshotRow): StoredSnapshot => toSnapshot(row, readChanges(row.changes));

const COLUMNS = 'snapshot_id, name, kind, created_at, by_role, by_participant, length(data) AS bytes, changes';

/** The version history in the board database (table `board_versions`, schema step 3). */
export function createSqliteSnapshots(db: Database.Database): SnapshotStore {
  const insert = db.prepare<[string, string, string, string, number, string | null, string | null, string, Uint8Array]>(
    `INSERT INTO board_versions (board_id, snapshot_id, name, kind, created_at, by_role, by_participant, changes, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectAll = db.prepare<[string], SqliteSnapshotRow>(
    `SELECT ${COLUMNS} FROM board_versions WHERE board_id = ? ORDER BY created_at, rowid`,
  );
  const selectOne = db.prepare<[string, string], SqliteSnapshotRow>(
    `SELECT ${COLUMNS} FROM board_versions WHERE board_id = ? AND snapshot_id = ?`,
  );
  const selectData = db.prepare<[string, string], { data: Buffer }>(
    'SELECT data FROM board_versions WHERE board_id = ? AND snapshot_id = ?',
  );
  const deleteOne = db.prepare<[string, string]>('DELETE FROM board_versions WHERE board_id = ? AND snapshot_id = ?');

  // Insert and prune in one transaction: a crash leaves either the old history or the new one.
  const add = db.transaction((boardId: string, snapshot: Omit<StoredSnapshot, 'bytes'>, state: Uint8Array, keep: number) => {
    insert.run(
      boardId,
      snapshot.id,
      snapshot.name,
      snapshot.kind,
      snapshot.createdAt,
      snapshot.byRole,
      snapshot.byParticipant,
      JSON.stringify(snapshot.changes),
      state,
    );
    const drop = snapshotsToDrop(selectAll.all(boardId).map(fromRow), keep);
    for (const id of drop) deleteOne.run(boardId, id);
    return drop;
  });

  return {
    addSnapshot(boardId, snapshot, state, keep) {
      try {
        return add(boardId, snapshot, state, keep);
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UnknownBoardError(boardId);
        throw error;
      }
    },
    listSnapshots: (boardId) => selectAll.all(boardId).map(fromRow),
    getSnapshot(boardId, snapshotId) {
      const row = selectOne.get(boardId, snapshotId);
      return row && fromRow(row);
    },
    snapshotState(boardId, snapshotId) {
      const row = selectData.get(boardId, snapshotId);
      return row && new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
    },
  };
}

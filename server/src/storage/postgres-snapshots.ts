import { UnknownBoardError } from './documents.ts';
import type { SqlConnection } from './postgres-connection.ts';
import { snapshotsToDrop, toSnapshot, type SnapshotRow, type SnapshotStore, type StoredSnapshot } from './snapshots.ts';

/** Postgres keeps the changes as three columns. */
interface PostgresSnapshotRow extends SnapshotRow {
  added: number;
  removed: number;
  edited: number;
}

const fromRow = (row: PostgresSnapshotRow): StoredSnapshot =>
  toSnapshot(row, { added: row.added, removed: row.removed, edited: row.edited });

const COLUMNS = 'snapshot_id, name, kind, created_at, by_role, by_participant, octet_length(data) AS bytes, added, removed, edited';

/** The version history in `board_versions` (schema step 2). */
export function createPostgresSnapshots(sql: SqlConnection): SnapshotStore {
  const list = (boardId: string): StoredSnapshot[] =>
    sql
      .query<PostgresSnapshotRow>(`SELECT ${COLUMNS} FROM board_versions WHERE board_id = $1 ORDER BY created_at, seq`, [boardId])
      .map(fromRow);
  return {
    addSnapshot(boardId, snapshot, state, keep) {
      // Insert and prune in one transaction, holding the board's row: two instances adding to
      // one board at once each prune with the other's snapshot in view, so `keep` holds.
      return sql.transaction(() => {
        if (sql.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [boardId]).length === 0) throw new UnknownBoardError(boardId);
        const { added, removed, edited } = snapshot.changes;
        sql.query(
          `INSERT INTO board_versions
             (board_id, snapshot_id, name, kind, created_at, by_role, by_participant, added, removed, edited, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            boardId,
            snapshot.id,
            snapshot.name,
            snapshot.kind,
            snapshot.createdAt,
            snapshot.byRole,
            snapshot.byParticipant,
            added,
            removed,
            edited,
            state,
          ],
        );
        const drop = snapshotsToDrop(list(boardId), keep);
        if (drop.length > 0) {
          const ids = drop.map((_, i) => `$${i + 2}`).join(', ');
          sql.query(`DELETE FROM board_versions WHERE board_id = $1 AND snapshot_id IN (${ids})`, [boardId, ...drop]);
        }
        return drop;
      });
    },
    listSnapshots: list,
    getSnapshot(boardId, snapshotId) {
      const row = sql.query<PostgresSnapshotRow>(`SELECT ${COLUMNS} FROM board_versions WHERE board_id = $1 AND snapshot_id = $2`, [
        boardId,
        snapshotId,
      ])[0];
      return row && fromRow(row);
    },
    snapshotState: (boardId, snapshotId) =>
      sql.query<{ data: Uint8Array }>('SELECT data FROM board_versions WHERE board_id = $1 AND snapshot_id = $2', [boardId, snapshotId])[0]
        ?.data,
  };
}

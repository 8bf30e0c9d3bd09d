import { toActivity, type ActivityRow, type ActivityStore, type StoredActivity } from './activity.ts';
import type { SqlConnection, SqlValue } from './postgres-connection.ts';
import { onPostgresBoard } from './postgres-documents.ts';

const ENTRY_COLUMNS = 8;
const ENTRIES_PER_INSERT = 1_000;

/** The activity log in `board_activity` (schema step 2). */
export function createPostgresActivity(sql: SqlConnection): ActivityStore {
  // One multi-row insert per batch (a statement takes at most 65,535 parameters).
  const insertEntries = (boardId: string, entries: readonly StoredActivity[]): void => {
    const params: SqlValue[] = [];
    const rows = entries.map((e, i) => {
      params.push(boardId, e.at, e.participantId, e.role, e.action, e.targetKind, e.targetId, e.count);
      const first = i * ENTRY_COLUMNS + 1;
      return `(${Array.from({ length: ENTRY_COLUMNS }, (_, k) => `$${first + k}`).join(', ')})`;
    });
    sql.query(
      `INSERT INTO board_activity (board_id, at, participant_id, role, action, target_kind, target_id, count)
       VALUES ${rows.join(', ')}`,
      params,
    );
  };
  return {
    appendActivity(boardId, entries, keep) {
      if (entries.length === 0) return;
      onPostgresBoard(boardId, () =>
        sql.transaction(() => {
          for (let start = 0; start < entries.length; start += ENTRIES_PER_INSERT)
            insertEntries(boardId, entries.slice(start, start + ENTRIES_PER_INSERT));
          sql.query(
            `DELETE FROM board_activity WHERE board_id = $1 AND seq <= (
               SELECT seq FROM board_activity WHERE board_id = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2)`,
            [boardId, Math.max(1, keep)],
          );
        }),
      );
    },
    activitySince: (boardId, since, limit) =>
      sql
        .query<ActivityRow>(
          `SELECT at, participant_id, role, action, target_kind, target_id, count FROM board_activity
           WHERE board_id = $1 AND at >= $2 ORDER BY at DESC, seq DESC LIMIT $3`,
          [boardId, since, Math.max(0, limit)],
        )
        .map(toActivity),
  };
}

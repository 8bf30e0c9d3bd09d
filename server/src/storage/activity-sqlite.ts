import Database from 'better-sqlite3';
import { toActivity, type ActivityRow, type ActivityStore, type StoredActivity } from './activity.ts';
import { UnknownBoardError } from './documents.ts';

/** The activity log in the board database (table `board_activity`, schema step 3). */
export function createSqliteActivity(db: Database.Database): ActivityStore {
  const insert = db.prepare<[string, number, string | null, string, string, string, string, number]>(
    `INSERT INTO board_activity (board_id, at, participant_id, role, action, target_kind, target_id, count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const prune = db.prepare<[string, string, number]>(
    `DELETE FROM board_activity WHERE board_id = ? AND seq <= (
       SELECT seq FROM board_activity WHERE board_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
  );
  const since = db.prepare<[string, number, number], ActivityRow>(
    `SELECT at, participant_id, role, action, target_kind, target_id, count FROM board_activity
     WHERE board_id = ? AND at >= ? ORDER BY at DESC, seq DESC LIMIT ?`,
  );
  const append = db.transaction((boardId: string, entries: readonly StoredActivity[], keep: number) => {
    for (const e of entries) insert.run(boardId, e.at, e.participantId, e.role, e.action, e.targetKind, e.targetId, e.count);
    prune.run(boardId, boardId, Math.max(1, keep));
  });
  return {
    appendActivity(boardId, entries, keep) {
      if (entries.length === 0) return;
      try {
        append(boardId, entries, keep);
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UnknownBoardError(boardId);
        throw error;
      }
    },
    activitySince: (boardId, from, limit) => since.all(boardId, from, Math.max(0, limit)).map(toActivity),
  };
}

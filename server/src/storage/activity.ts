/**
 * Who did what on a board, for "what happened since I was here". Entries arrive already
 * coalesced (one per person, action and target per minute, with a count); the store keeps
 * at most `keep` per board, dropping the oldest.
 */
export interface StoredActivity {
  at: number;
  /** The participant, when their connection proved one (null: a link without an identity). */
  participantId: string | null;
  role: string;
  /** One of ACTIVITY_ACTIONS (shared/src/activity.ts). */
  action: string;
  /** 'card', 'stage', 'comment', 'board'… */
  targetKind: string;
  targetId: string;
  /** How many changes of this kind the entry stands for. */
  count: number;
}

export interface ActivityStore {
  /** Appends entries, then drops the board's oldest beyond `keep`. Throws for an unknown board. */
  appendActivity(boardId: string, entries: readonly StoredActivity[], keep: number): void;
  /** Entries at or after `since`, newest first, at most `limit`. */
  activitySince(boardId: string, since: number, limit: number): StoredActivity[];
}

/** An entry as both SQL stores keep it (table `board_activity`). */
export interface ActivityRow {
  at: number;
  participant_id: string | null;
  role: string;
  action: string;
  target_kind: string;
  target_id: string;
  count: number;
}

export const toActivity = (row: ActivityRow): StoredActivity => ({
  at: row.at,
  participantId: row.participant_id,
  role: row.role,
  action: row.action,
  targetKind: row.target_kind,
  targetId: row.target_id,
  count: row.count,
});

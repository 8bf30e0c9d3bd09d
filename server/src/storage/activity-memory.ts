import type { ActivityStore, StoredActivity } from './activity.ts';
import { UnknownBoardError } from './documents.ts';

/** The in-memory activity log, for fast tests; `boardExists` ties it to the memory board store. */
export function createMemoryActivity(boardExists: (boardId: string) => boolean): ActivityStore {
  const boards = new Map<string, StoredActivity[]>();
  return {
    appendActivity(boardId, entries, keep) {
      if (entries.length === 0) return;
      if (!boardExists(boardId)) throw new UnknownBoardError(boardId);
      const list = [...(boards.get(boardId) ?? []), ...entries.map((entry) => ({ ...entry }))];
      boards.set(boardId, list.slice(Math.max(0, list.length - Math.max(1, keep))));
    },
    activitySince(boardId, since, limit) {
      return (boards.get(boardId) ?? [])
        .map((entry, index) => ({ entry, index }))
        .filter(({ entry }) => entry.at >= since)
        .sort((a, b) => b.entry.at - a.entry.at || b.index - a.index)
        .slice(0, Math.max(0, limit))
        .map(({ entry }) => ({ ...entry }));
    },
  };
}

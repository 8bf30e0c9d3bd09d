import { snapshotsToDrop, type SnapshotStore, type StoredSnapshot } from './snapshots.ts';
import { UnknownBoardError } from './documents.ts';

/** The in-memory version history, for fast tests; `boardExists` ties it to the memory board store. */
export function createMemorySnapshots(boardExists: (boardId: string) => boolean): SnapshotStore {
  const boards = new Map<string, { info: StoredSnapshot; state: Uint8Array }[]>();
  const of = (boardId: string) => boards.get(boardId) ?? [];
  return {
    addSnapshot(boardId, snapshot, state, keep) {
      if (!boardExists(boardId)) throw new UnknownBoardError(boardId);
      const list = of(boardId);
      if (list.some((entry) => entry.info.id === snapshot.id)) throw new Error(`snapshot "${snapshot.id}" exists`);
      list.push({
        info: { ...snapshot, changes: { ...snapshot.changes }, bytes: state.length },
        state: new Uint8Array(state),
      });
      list.sort((a, b) => a.info.createdAt - b.info.createdAt);
      const drop = new Set(
        snapshotsToDrop(
          list.map((entry) => entry.info),
          keep,
        ),
      );
      boards.set(
        boardId,
        list.filter((entry) => !drop.has(entry.info.id)),
      );
      return [...drop];
    },
    listSnapshots: (boardId) => of(boardId).map((entry) => ({ ...entry.info, changes: { ...entry.info.changes } })),
    getSnapshot(boardId, snapshotId) {
      const found = of(boardId).find((entry) => entry.info.id === snapshotId);
      return found && { ...found.info, changes: { ...found.info.changes } };
    },
    snapshotState(boardId, snapshotId) {
      const found = of(boardId).find((entry) => entry.info.id === snapshotId);
      return found && new Uint8Array(found.state);
    },
  };
}

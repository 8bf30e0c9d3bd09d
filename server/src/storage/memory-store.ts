import {
  BoardExistsError,
  UnknownBoardError,
  type BoardMeta,
  type BoardStorageStats,
  type BoardStore,
  type StoredBoardState,
} from './store.ts';

interface MemoryBoard {
  meta: BoardMeta;
  snapshot: Uint8Array;
  updates: { seq: number; data: Uint8Array }[];
}

/** Byte arrays are copied in and out, so callers can never alias stored data (as with SQLite). */
const copy = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

/** The in-memory store: same contract as SQLite, for fast tests. Nothing survives the process. */
export function createMemoryStore(): BoardStore {
  const boards = new Map<string, MemoryBoard>();
  let nextSeq = 1;
  let closed = false;

  const get = (id: string): MemoryBoard => {
    if (closed) throw new Error('store is closed');
    const board = boards.get(id);
    if (!board) throw new UnknownBoardError(id);
    return board;
  };
  const open = (): void => {
    if (closed) throw new Error('store is closed');
  };

  return {
    create(meta, initialState) {
      open();
      if (boards.has(meta.id)) throw new BoardExistsError(meta.id);
      boards.set(meta.id, { meta: { ...meta }, snapshot: copy(initialState), updates: [] });
    },
    exists(id) {
      open();
      return boards.has(id);
    },
    getMeta(id) {
      open();
      const board = boards.get(id);
      return board ? { ...board.meta } : undefined;
    },
    list() {
      open();
      return [...boards.values()]
        .map((b) => ({ ...b.meta }))
        .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    },
    load(id): StoredBoardState | undefined {
      open();
      const board = boards.get(id);
      if (!board) return undefined;
      return {
        snapshot: copy(board.snapshot),
        updates: board.updates.map((u) => copy(u.data)),
        lastSeq: board.updates.at(-1)?.seq ?? 0,
      };
    },
    appendUpdate(id, update) {
      const board = get(id);
      const seq = nextSeq++;
      board.updates.push({ seq, data: copy(update) });
      return seq;
    },
    compact(id, snapshot, throughSeq) {
      const board = get(id);
      board.snapshot = copy(snapshot);
      board.updates = board.updates.filter((u) => u.seq > throughSeq);
    },
    touch(id, changes) {
      const board = get(id);
      if (changes.title !== undefined) board.meta.title = changes.title;
      if (changes.updatedAt !== undefined) board.meta.updatedAt = changes.updatedAt;
    },
    stats(id): BoardStorageStats | undefined {
      open();
      const board = boards.get(id);
      if (!board) return undefined;
      return {
        updateRows: board.updates.length,
        snapshotBytes: board.snapshot.byteLength,
        updateBytes: board.updates.reduce((sum, u) => sum + u.data.byteLength, 0),
      };
    },
    close() {
      closed = true;
    },
  };
}

import Database from 'better-sqlite3';
import {
  BoardExistsError,
  UnknownBoardError,
  appendEach,
  type BoardMeta,
  toMeta,
  type DocumentLog,
  type MetaRow,
  type StoredBoardState,
} from './documents.ts';

/** better-sqlite3 returns Buffers; callers get plain Uint8Arrays viewing the same bytes. */
export const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** Runs a write, turning a missing board (foreign key) into UnknownBoardError. */
export function onBoard<T>(id: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new UnknownBoardError(id);
    }
    throw error;
  }
}

/** The document log in the `boards`, `board_snapshots` and `board_updates` tables. */
export function createSqliteDocuments(db: Database.Database): DocumentLog {
  const insertBoard = db.prepare<[string, string, number, number]>(
    'INSERT INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  const insertSnapshot = db.prepare<[string, Uint8Array]>('INSERT INTO board_snapshots (board_id, data) VALUES (?, ?)');
  const selectExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM boards WHERE id = ?');
  const selectMeta = db.prepare<[string], MetaRow>('SELECT id, title, created_at, updated_at FROM boards WHERE id = ?');
  const selectAll = db.prepare<[], MetaRow>(
    'SELECT id, title, created_at, updated_at FROM boards ORDER BY updated_at DESC, created_at DESC, id',
  );
  const selectSnapshot = db.prepare<[string], { data: Buffer }>('SELECT data FROM board_snapshots WHERE board_id = ?');
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? ORDER BY seq',
  );
  const selectUpdatesAfter = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
  );
  const insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO board_updates (board_id, data) VALUES (?, ?)');
  const replaceSnapshot = db.prepare<[Uint8Array, string]>('UPDATE board_snapshots SET data = ? WHERE board_id = ?');
  const deleteUpdatesThrough = db.prepare<[string, number]>('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?');
  const updateTitle = db.prepare<[string, string]>('UPDATE boards SET title = ? WHERE id = ?');
  const updateUpdatedAt = db.prepare<[number, string]>('UPDATE boards SET updated_at = ? WHERE id = ?');
  const selectStats = db.prepare<
    [string, string, string],
    { updateRows: number; updateBytes: number | null; snapshotBytes: number | null }
  >(
    `SELECT (SELECT count(*) FROM board_updates WHERE board_id = ?) AS updateRows,
            (SELECT sum(length(data)) FROM board_updates WHERE board_id = ?) AS updateBytes,
            (SELECT length(data) FROM board_snapshots WHERE board_id = ?) AS snapshotBytes`,
  );

  const create = db.transaction((meta: BoardMeta, initialState: Uint8Array) => {
    if (selectExists.get(meta.id)) throw new BoardExistsError(meta.id);
    insertBoard.run(meta.id, meta.title, meta.createdAt, meta.updatedAt);
    insertSnapshot.run(meta.id, initialState);
  });

  const load = db.transaction((id: string): StoredBoardState | undefined => {
    const snapshot = selectSnapshot.get(id);
    if (!snapshot) return undefined;
    const rows = selectUpdates.all(id);
    return {
      snapshot: bytes(snapshot.data),
      updates: rows.map((row) => bytes(row.data)),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  });

  // One process owns a SQLite file, so nobody else shares its log: the snapshot always comes too.
  const tail = db.transaction((id: string, afterSeq: number) => {
    const snapshot = selectSnapshot.get(id);
    if (!snapshot) return undefined;
    const rows = selectUpdatesAfter.all(id, afterSeq);
    return {
      snapshot: bytes(snapshot.data),
      updates: rows.map((row) => bytes(row.data)),
      lastSeq: rows.at(-1)?.seq ?? afterSeq,
    };
  });

  const compact = db.transaction((id: string, snapshot: Uint8Array, throughSeq: number) => {
    if (replaceSnapshot.run(snapshot, id).changes !== 1) throw new UnknownBoardError(id);
    deleteUpdatesThrough.run(id, throughSeq);
  });

  // Nested calls (create, compact… inside a batch) become savepoints of the same transaction.
  const inOneTransaction = db.transaction(<T>(work: () => T): T => work());

  const touch = db.transaction((id: string, changes: { title?: string; updatedAt?: number }) => {
    let changed = 0;
    if (changes.title !== undefined) changed += updateTitle.run(changes.title, id).changes;
    if (changes.updatedAt !== undefined) changed += updateUpdatedAt.run(changes.updatedAt, id).changes;
    if (changed === 0 && (changes.title !== undefined || changes.updatedAt !== undefined)) {
      throw new UnknownBoardError(id);
    }
  });

  const append = (id: string, update: Uint8Array): number => onBoard(id, () => Number(insertUpdate.run(id, update).lastInsertRowid));
  return {
    create: (meta, initialState) => create(meta, initialState),
    exists: (id) => selectExists.get(id) !== undefined,
    meta: (id) => {
      const row = selectMeta.get(id);
      return row ? toMeta(row) : undefined;
    },
    list: () => selectAll.all().map(toMeta),
    load: (id) => load(id),
    tail: (id, afterSeq) => tail(id, afterSeq),
    append,
    appendMany: (entries) => appendEach({ append }, entries),
    compact: (id, snapshot, throughSeq) => compact(id, snapshot, throughSeq),
    batch: (work) => inOneTransaction(work) as ReturnType<typeof work>,
    touch: (id, changes) => touch(id, changes),
    stats(id) {
      if (!selectExists.get(id)) return undefined;
      const row = selectStats.get(id, id, id);
      return {
        updateRows: row?.updateRows ?? 0,
        updateBytes: row?.updateBytes ?? 0,
        snapshotBytes: row?.snapshotBytes ?? 0,
      };
    },
  };
}

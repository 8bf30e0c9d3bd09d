import * as Y from 'yjs';
import {
  BoardExistsError,
  UnknownBoardError,
  toMeta,
  type AppendEntry,
  type DocumentLog,
  type MetaRow,
  type StoredBoardState,
} from './documents.ts';
import { FOREIGN_KEY_VIOLATION, PostgresError, type SqlConnection, type SqlValue } from './postgres-connection.ts';

/** Runs a write, turning a missing board (foreign key) into UnknownBoardError. */
export function onPostgresBoard<T>(id: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof PostgresError && error.code === FOREIGN_KEY_VIOLATION) throw new UnknownBoardError(id);
    throw error;
  }
}

/**
 * Compaction as a union, never a replacement: several instances append to one board, so the
 * caller's document may lack rows another instance appended (not yet delivered to it) or a
 * snapshot another instance wrote. The new snapshot is the stored snapshot, the caller's and
 * every folded row applied to one document (applying twice is harmless in Yjs), so no
 * compaction can drop what another instance stored.
 */
function foldSnapshot(stored: Uint8Array, snapshot: Uint8Array, rows: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      Y.applyUpdate(doc, stored);
      Y.applyUpdate(doc, snapshot);
      for (const row of rows) Y.applyUpdate(doc, row);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The document log in the `boards`, `board_snapshots` and `board_updates` tables. */
export function createPostgresDocuments(sql: SqlConnection): DocumentLog {
  const metaColumns = 'id, title, created_at, updated_at';
  const load = (id: string): StoredBoardState | undefined => {
    // One statement, so the snapshot and the tail come from one consistent view.
    const rows = sql.query<{ last_seq: number | null; data: Uint8Array; seq: number | null }>(
      `SELECT b.last_seq, s.data, NULL::bigint AS seq
         FROM boards b JOIN board_snapshots s ON s.board_id = b.id WHERE b.id = $1
       UNION ALL
       SELECT NULL, u.data, u.seq FROM board_updates u WHERE u.board_id = $1
       ORDER BY seq NULLS FIRST`,
      [id],
    );
    const head = rows[0];
    if (!head || head.seq !== null) return undefined;
    return { snapshot: head.data, updates: rows.slice(1).map((row) => row.data), lastSeq: head.last_seq ?? 0 };
  };
  return {
    create(meta, initialState) {
      sql.transaction(() => {
        const inserted = sql.query(
          `INSERT INTO boards (id, title, created_at, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [meta.id, meta.title, meta.createdAt, meta.updatedAt],
        );
        if (inserted.length === 0) throw new BoardExistsError(meta.id);
        sql.query('INSERT INTO board_snapshots (board_id, data) VALUES ($1, $2)', [meta.id, initialState]);
      });
    },
    exists: (id) => sql.query('SELECT 1 FROM boards WHERE id = $1', [id]).length > 0,
    meta(id) {
      const row = sql.query<MetaRow>(`SELECT ${metaColumns} FROM boards WHERE id = $1`, [id])[0];
      return row ? toMeta(row) : undefined;
    },
    list: () =>
      sql.query<MetaRow>(`SELECT ${metaColumns} FROM boards ORDER BY updated_at DESC, created_at DESC, id COLLATE "C"`).map(toMeta),
    load,
    tail(id, afterSeq) {
      // Seqs of a board have no gaps: when all rows after afterSeq are still there, they are enough.
      const rows = sql.query<{ last_seq: number | null; data: Uint8Array | null; seq: number | null }>(
        `SELECT b.last_seq, NULL::bytea AS data, NULL::bigint AS seq FROM boards b WHERE b.id = $1
         UNION ALL
         SELECT NULL, u.data, u.seq FROM board_updates u WHERE u.board_id = $1 AND u.seq > $2
         ORDER BY seq NULLS FIRST`,
        [id, afterSeq],
      );
      const head = rows[0];
      if (!head || head.seq !== null) return undefined;
      const lastSeq = head.last_seq ?? 0;
      const after = rows.slice(1).flatMap((row) => (row.data && row.seq !== null ? [{ data: row.data, seq: row.seq }] : []));
      const firstSeq = after[0]?.seq ?? afterSeq + 1;
      if (after.length === lastSeq - afterSeq && firstSeq === afterSeq + 1) return { updates: after.map((row) => row.data), lastSeq };
      // Some were folded into the snapshot (another instance compacted): the whole state, consistently.
      const state = load(id);
      return state && { snapshot: state.snapshot, updates: state.updates, lastSeq: state.lastSeq };
    },
    // Group commit: the appends of one event-loop turn, every board, in one transaction.
    batch: (work) => sql.transaction(work),
    append(id, update) {
      // One statement: the board row's lock numbers the update, so seqs of a board have no gaps.
      const row = sql.query<{ seq: number }>(
        `WITH next AS (UPDATE boards SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
         INSERT INTO board_updates (board_id, seq, data) SELECT $1, last_seq, $2 FROM next RETURNING seq`,
        [id, update],
      )[0];
      if (!row) throw new UnknownBoardError(id);
      return row.seq;
    },
    appendMany(entries) {
      const seqs: number[] = [];
      for (let start = 0; start < entries.length; start += ENTRIES_PER_STATEMENT) {
        seqs.push(...appendInOneStatement(sql, entries.slice(start, start + ENTRIES_PER_STATEMENT)));
      }
      return seqs;
    },
    compact(id, snapshot, throughSeq) {
      sql.transaction(() => {
        const stored = sql.query<{ data: Uint8Array }>('SELECT data FROM board_snapshots WHERE board_id = $1 FOR UPDATE', [id])[0];
        if (!stored) throw new UnknownBoardError(id);
        const rows = sql.query<{ data: Uint8Array }>('SELECT data FROM board_updates WHERE board_id = $1 AND seq <= $2 ORDER BY seq', [
          id,
          throughSeq,
        ]);
        const folded = foldSnapshot(
          stored.data,
          snapshot,
          rows.map((row) => row.data),
        );
        sql.query('UPDATE board_snapshots SET data = $2 WHERE board_id = $1', [id, folded]);
        sql.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [id, throughSeq]);
      });
    },
    touch(id, changes) {
      if (changes.title === undefined && changes.updatedAt === undefined) return;
      const updated = sql.query(
        `UPDATE boards SET title = COALESCE($2, title), updated_at = COALESCE($3::bigint, updated_at)
         WHERE id = $1 RETURNING id`,
        [id, changes.title ?? null, changes.updatedAt ?? null],
      );
      if (updated.length === 0) throw new UnknownBoardError(id);
    },
    stats(id) {
      const row = sql.query<{ update_rows: number; update_bytes: number | null; snapshot_bytes: number | null }>(
        `SELECT (SELECT count(*) FROM board_updates WHERE board_id = b.id) AS update_rows,
                (SELECT sum(octet_length(data)) FROM board_updates WHERE board_id = b.id)::bigint AS update_bytes,
                (SELECT octet_length(data) FROM board_snapshots WHERE board_id = b.id) AS snapshot_bytes
           FROM boards b WHERE b.id = $1`,
        [id],
      )[0];
      if (!row) return undefined;
      return {
        updateRows: row.update_rows,
        updateBytes: row.update_bytes ?? 0,
        snapshotBytes: row.snapshot_bytes ?? 0,
      };
    },
  };
}

/** Updates per multi-row append (two parameters each; a statement takes at most 65,535). */
const ENTRIES_PER_STATEMENT = 2_000;

/**
 * Group commit's appends in one statement: each board's row is bumped once by its count (its
 * lock numbers them, so seqs stay gapless per board), and the rows are inserted numbered in
 * their given order. One round trip instead of one per update.
 */
function appendInOneStatement(sql: SqlConnection, entries: readonly AppendEntry[]): number[] {
  if (entries.length === 0) return [];
  const params: SqlValue[] = [];
  const values = entries.map((entry, i) => {
    params.push(entry.boardId, entry.update);
    return `($${2 * i + 1}::text, $${2 * i + 2}::bytea, ${i})`;
  });
  const rows = sql.query<{ board_id: string; seq: number }>(
    `WITH input (board_id, data, ord) AS (VALUES ${values.join(', ')}),
     counts AS (SELECT board_id, count(*) AS n FROM input GROUP BY board_id),
     bumped AS (
       UPDATE boards b SET last_seq = b.last_seq + c.n FROM counts c WHERE b.id = c.board_id
       RETURNING b.id, b.last_seq - c.n AS base)
     INSERT INTO board_updates (board_id, seq, data)
     SELECT i.board_id, bu.base + row_number() OVER (PARTITION BY i.board_id ORDER BY i.ord), i.data
     FROM input i JOIN bumped bu ON bu.id = i.board_id
     RETURNING board_id, seq`,
    params,
  );
  // Within a board, seqs follow the given order; the returned rows come in no set order.
  const byBoard = new Map<string, number[]>();
  for (const row of rows) {
    const seqs = byBoard.get(row.board_id) ?? [];
    seqs.push(row.seq);
    byBoard.set(row.board_id, seqs);
  }
  for (const seqs of byBoard.values()) seqs.sort((a, b) => a - b);
  const next = new Map<string, number>();
  return entries.map((entry) => {
    const taken = next.get(entry.boardId) ?? 0;
    const seq = byBoard.get(entry.boardId)?.[taken];
    if (seq === undefined) throw new UnknownBoardError(entry.boardId);
    next.set(entry.boardId, taken + 1);
    return seq;
  });
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrateDatabase } from './sqlite-schema.ts';
import {
  BoardExistsError,
  UnknownBoardError,
  type BoardMeta,
  type BoardStorageStats,
  type BoardStore,
  type StoredAccessToken,
  type StoredBoardState,
  type StoredVote,
  type StoredVoteRound,
} from './store.ts';

interface MetaRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
}

interface RoundRow {
  round_id: string;
  target: string;
  votes_per_person: number;
  allow_multiple: number;
  started_at: number;
  closed_at: number | null;
}

const toRound = (row: RoundRow): StoredVoteRound => ({
  id: row.round_id,
  target: row.target,
  votesPerPerson: row.votes_per_person,
  allowMultiplePerCard: row.allow_multiple === 1,
  startedAt: row.started_at,
  closedAt: row.closed_at,
});

const toMeta = (row: MetaRow): BoardMeta => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** better-sqlite3 returns Buffers; callers get plain Uint8Arrays viewing the same bytes. */
const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/**
 * Runs SQLite's `PRAGMA integrity_check` on a database file through a read-only connection
 * (safe while a server uses it, and after a crash). Returns `['ok']` for a sound file,
 * otherwise the problems SQLite lists.
 */
export function checkSqliteIntegrity(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rows = db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
    return rows.map((row) => row.integrity_check);
  } finally {
    db.close();
  }
}

export interface SqliteStoreOptions {
  /** Open read-only (inspection tools and tests); no schema changes are made. */
  readonly?: boolean;
}

/**
 * The SQLite store. WAL with synchronous=NORMAL: a commit survives a process crash
 * (SIGKILL) at once; only an OS crash or power loss can drop the last commits, and the
 * file stays consistent either way.
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): BoardStore {
  if (!options.readonly) mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrateDatabase(db);
    }
  } catch (error) {
    db.close();
    throw error;
  }

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

  const upsertToken = db.prepare<[string, string, Uint8Array, number, Uint8Array | null]>(
    `INSERT INTO board_tokens (board_id, role, token_hash, created_at, sealed_token) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (board_id, role) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at,
       sealed_token = excluded.sealed_token`,
  );
  const selectTokens = db.prepare<[string], { role: string; token_hash: Buffer; created_at: number; sealed_token: Buffer | null }>(
    'SELECT role, token_hash, created_at, sealed_token FROM board_tokens WHERE board_id = ? ORDER BY role',
  );
  const selectParticipant = db.prepare<[string, string], { secret_hash: Buffer }>(
    'SELECT secret_hash FROM board_participants WHERE board_id = ? AND participant_id = ?',
  );
  const insertParticipant = db.prepare<[string, string, Uint8Array, number]>(
    'INSERT INTO board_participants (board_id, participant_id, secret_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertRound = db.prepare<[string, string, string, number, number, number, number | null]>(
    `INSERT INTO vote_rounds (board_id, round_id, target, votes_per_person, allow_multiple, started_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const roundColumns = 'round_id, target, votes_per_person, allow_multiple, started_at, closed_at';
  const selectRound = db.prepare<[string, string], RoundRow>(
    `SELECT ${roundColumns} FROM vote_rounds WHERE board_id = ? AND round_id = ?`,
  );
  const selectOpenRound = db.prepare<[string], RoundRow>(
    `SELECT ${roundColumns} FROM vote_rounds WHERE board_id = ? AND closed_at IS NULL ORDER BY started_at DESC LIMIT 1`,
  );
  const selectRounds = db.prepare<[string], RoundRow>(
    `SELECT ${roundColumns} FROM vote_rounds WHERE board_id = ? ORDER BY started_at, round_id`,
  );
  const updateRoundClosed = db.prepare<[number, string, string]>(
    'UPDATE vote_rounds SET closed_at = ? WHERE board_id = ? AND round_id = ?',
  );
  const upsertVote = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO votes (board_id, round_id, participant_id, card_id, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (board_id, round_id, participant_id, card_id) DO UPDATE SET count = excluded.count`,
  );
  const deleteVote = db.prepare<[string, string, string, string]>(
    'DELETE FROM votes WHERE board_id = ? AND round_id = ? AND participant_id = ? AND card_id = ?',
  );
  const selectParticipantVotes = db.prepare<[string, string, string], { card_id: string; count: number }>(
    'SELECT card_id, count FROM votes WHERE board_id = ? AND round_id = ? AND participant_id = ? ORDER BY card_id',
  );
  const selectRoundVotes = db.prepare<[string, string], { participant_id: string; card_id: string; count: number }>(
    'SELECT participant_id, card_id, count FROM votes WHERE board_id = ? AND round_id = ? ORDER BY participant_id, card_id',
  );
  const selectDraft = db.prepare<[string, string], { data: Buffer }>(
    'SELECT data FROM board_drafts WHERE board_id = ? AND participant_id = ?',
  );
  const upsertDraft = db.prepare<[string, string, Uint8Array, number]>(
    `INSERT INTO board_drafts (board_id, participant_id, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id, participant_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  const selectDrafts = db.prepare<[string], { participant_id: string; data: Buffer }>(
    'SELECT participant_id, data FROM board_drafts WHERE board_id = ? ORDER BY participant_id',
  );
  const deleteDraftRow = db.prepare<[string, string]>('DELETE FROM board_drafts WHERE board_id = ? AND participant_id = ?');

  /** Runs a write, turning a missing board (foreign key) into UnknownBoardError. */
  const onBoard = <T>(id: string, write: () => T): T => {
    try {
      return write();
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new UnknownBoardError(id);
      }
      throw error;
    }
  };

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

  const compact = db.transaction((id: string, snapshot: Uint8Array, throughSeq: number) => {
    if (replaceSnapshot.run(snapshot, id).changes !== 1) throw new UnknownBoardError(id);
    deleteUpdatesThrough.run(id, throughSeq);
  });

  const touch = db.transaction((id: string, changes: { title?: string; updatedAt?: number }) => {
    let changed = 0;
    if (changes.title !== undefined) changed += updateTitle.run(changes.title, id).changes;
    if (changes.updatedAt !== undefined) changed += updateUpdatedAt.run(changes.updatedAt, id).changes;
    if (changed === 0 && (changes.title !== undefined || changes.updatedAt !== undefined)) {
      throw new UnknownBoardError(id);
    }
  });

  return {
    create: (meta, initialState) => create(meta, initialState),
    exists: (id) => selectExists.get(id) !== undefined,
    getMeta: (id) => {
      const row = selectMeta.get(id);
      return row ? toMeta(row) : undefined;
    },
    list: () => selectAll.all().map(toMeta),
    load: (id) => load(id),
    appendUpdate(id, update) {
      try {
        return Number(insertUpdate.run(id, update).lastInsertRowid);
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new UnknownBoardError(id);
        }
        throw error;
      }
    },
    compact: (id, snapshot, throughSeq) => compact(id, snapshot, throughSeq),
    touch: (id, changes) => touch(id, changes),
    stats(id): BoardStorageStats | undefined {
      if (!selectExists.get(id)) return undefined;
      const row = selectStats.get(id, id, id);
      return {
        updateRows: row?.updateRows ?? 0,
        updateBytes: row?.updateBytes ?? 0,
        snapshotBytes: row?.snapshotBytes ?? 0,
      };
    },
    setAccessToken(boardId, role, tokenHash, createdAt, sealed = null) {
      onBoard(boardId, () => upsertToken.run(boardId, role, tokenHash, createdAt, sealed));
    },
    accessTokens: (boardId): StoredAccessToken[] =>
      selectTokens.all(boardId).map((row) => ({
        role: row.role,
        tokenHash: bytes(row.token_hash),
        createdAt: row.created_at,
        ...(row.sealed_token ? { sealed: bytes(row.sealed_token) } : {}),
      })),
    participantSecretHash(boardId, participantId) {
      const row = selectParticipant.get(boardId, participantId);
      return row ? bytes(row.secret_hash) : undefined;
    },
    addParticipant(boardId, participantId, secretHash, createdAt) {
      onBoard(boardId, () => insertParticipant.run(boardId, participantId, secretHash, createdAt));
    },
    createVoteRound(boardId, round) {
      onBoard(boardId, () =>
        insertRound.run(
          boardId,
          round.id,
          round.target,
          round.votesPerPerson,
          round.allowMultiplePerCard ? 1 : 0,
          round.startedAt,
          round.closedAt,
        ),
      );
    },
    voteRound(boardId, roundId) {
      const row = selectRound.get(boardId, roundId);
      return row ? toRound(row) : undefined;
    },
    openVoteRound(boardId) {
      const row = selectOpenRound.get(boardId);
      return row ? toRound(row) : undefined;
    },
    voteRounds: (boardId) => selectRounds.all(boardId).map(toRound),
    closeVoteRound(boardId, roundId, closedAt) {
      if (updateRoundClosed.run(closedAt, boardId, roundId).changes !== 1) {
        throw new Error(`unknown vote round "${roundId}" on board "${boardId}"`);
      }
    },
    setVote(boardId, roundId, participantId, cardId, count) {
      if (count > 0) upsertVote.run(boardId, roundId, participantId, cardId, count);
      else deleteVote.run(boardId, roundId, participantId, cardId);
    },
    participantVotes: (boardId, roundId, participantId) =>
      new Map(selectParticipantVotes.all(boardId, roundId, participantId).map((row) => [row.card_id, row.count])),
    roundVotes: (boardId, roundId): StoredVote[] =>
      selectRoundVotes
        .all(boardId, roundId)
        .map((row) => ({ participantId: row.participant_id, cardId: row.card_id, count: row.count })),
    loadDraft(boardId, participantId) {
      const row = selectDraft.get(boardId, participantId);
      return row ? bytes(row.data) : undefined;
    },
    saveDraft(boardId, participantId, state, updatedAt) {
      onBoard(boardId, () => upsertDraft.run(boardId, participantId, state, updatedAt));
    },
    listDrafts: (boardId) =>
      selectDrafts.all(boardId).map((row) => ({ participantId: row.participant_id, state: bytes(row.data) })),
    deleteDraft(boardId, participantId) {
      deleteDraftRow.run(boardId, participantId);
    },
    close() {
      if (db.open) db.close();
    },
  };
}

import type Database from 'better-sqlite3';
import type { DraftStore } from './drafts.ts';
import type { LinkStore } from './links.ts';
import { toVoteRound, type VoteRoundRow, type VoteStore } from './votes.ts';
import { bytes, onBoard } from './sqlite-documents.ts';

/** Links and participants in `board_tokens` and `board_participants`. */
export function createSqliteLinks(db: Database.Database): LinkStore {
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
  return {
    setToken(boardId, role, tokenHash, createdAt, sealed = null) {
      onBoard(boardId, () => upsertToken.run(boardId, role, tokenHash, createdAt, sealed));
    },
    tokens: (boardId) =>
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
  };
}

/** Rounds and votes in `vote_rounds` and `votes`. */
export function createSqliteVotes(db: Database.Database): VoteStore {
  const insertRound = db.prepare<[string, string, string, number, number, number, number | null]>(
    `INSERT INTO vote_rounds (board_id, round_id, target, votes_per_person, allow_multiple, started_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const roundColumns = 'round_id, target, votes_per_person, allow_multiple, started_at, closed_at';
  const selectRound = db.prepare<[string, string], VoteRoundRow>(
    `SELECT ${roundColumns} FROM vote_rounds WHERE board_id = ? AND round_id = ?`,
  );
  const selectOpenRound = db.prepare<[string], VoteRoundRow>(
    `SELECT ${roundColumns} FROM vote_rounds WHERE board_id = ? AND closed_at IS NULL ORDER BY started_at DESC LIMIT 1`,
  );
  const selectRounds = db.prepare<[string], VoteRoundRow>(
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
  const unknownRound = (boardId: string, roundId: string) => new Error(`unknown vote round "${roundId}" on board "${boardId}"`);
  return {
    createRound(boardId, round) {
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
    round(boardId, roundId) {
      const row = selectRound.get(boardId, roundId);
      return row ? toVoteRound(row) : undefined;
    },
    openRound(boardId) {
      const row = selectOpenRound.get(boardId);
      return row ? toVoteRound(row) : undefined;
    },
    rounds: (boardId) => selectRounds.all(boardId).map(toVoteRound),
    closeRound(boardId, roundId, closedAt) {
      if (updateRoundClosed.run(closedAt, boardId, roundId).changes !== 1) throw unknownRound(boardId, roundId);
    },
    setVote(boardId, roundId, participantId, cardId, count) {
      if (!selectRound.get(boardId, roundId)) throw unknownRound(boardId, roundId);
      if (count > 0) upsertVote.run(boardId, roundId, participantId, cardId, count);
      else deleteVote.run(boardId, roundId, participantId, cardId);
    },
    participantVotes: (boardId, roundId, participantId) =>
      new Map(selectParticipantVotes.all(boardId, roundId, participantId).map((row) => [row.card_id, row.count])),
    roundVotes: (boardId, roundId) =>
      selectRoundVotes.all(boardId, roundId).map((row) => ({ participantId: row.participant_id, cardId: row.card_id, count: row.count })),
  };
}

/** Private drafts in `board_drafts`. */
export function createSqliteDrafts(db: Database.Database): DraftStore {
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
  return {
    load(boardId, participantId) {
      const row = selectDraft.get(boardId, participantId);
      return row ? bytes(row.data) : undefined;
    },
    save(boardId, participantId, state, updatedAt) {
      onBoard(boardId, () => upsertDraft.run(boardId, participantId, state, updatedAt));
    },
    list: (boardId) => selectDrafts.all(boardId).map((row) => ({ participantId: row.participant_id, state: bytes(row.data) })),
    delete(boardId, participantId) {
      deleteDraftRow.run(boardId, participantId);
    },
  };
}

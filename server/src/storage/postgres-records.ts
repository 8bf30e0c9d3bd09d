import type { DraftStore } from './drafts.ts';
import type { LinkStore } from './links.ts';
import type { SqlConnection } from './postgres-connection.ts';
import { onPostgresBoard } from './postgres-documents.ts';
import { toVoteRound, type StoredVoteRound, type VoteRoundRow, type VoteStore } from './votes.ts';

/** Links and participants in `board_tokens` and `board_participants`. */
export function createPostgresLinks(sql: SqlConnection): LinkStore {
  return {
    setToken(boardId, role, tokenHash, createdAt, sealed = null) {
      onPostgresBoard(boardId, () =>
        sql.query(
          `INSERT INTO board_tokens (board_id, role, token_hash, created_at, sealed_token) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (board_id, role) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at,
             sealed_token = excluded.sealed_token`,
          [boardId, role, tokenHash, createdAt, sealed],
        ),
      );
    },
    tokens: (boardId) =>
      sql
        .query<{ role: string; token_hash: Uint8Array; created_at: number; sealed_token: Uint8Array | null }>(
          'SELECT role, token_hash, created_at, sealed_token FROM board_tokens WHERE board_id = $1 ORDER BY role COLLATE "C"',
          [boardId],
        )
        .map((row) => ({
          role: row.role,
          tokenHash: row.token_hash,
          createdAt: row.created_at,
          ...(row.sealed_token ? { sealed: row.sealed_token } : {}),
        })),
    participantSecretHash: (boardId, participantId) =>
      sql.query<{ secret_hash: Uint8Array }>('SELECT secret_hash FROM board_participants WHERE board_id = $1 AND participant_id = $2', [
        boardId,
        participantId,
      ])[0]?.secret_hash,
    addParticipant(boardId, participantId, secretHash, createdAt) {
      onPostgresBoard(boardId, () =>
        sql.query('INSERT INTO board_participants (board_id, participant_id, secret_hash, created_at) VALUES ($1, $2, $3, $4)', [
          boardId,
          participantId,
          secretHash,
          createdAt,
        ]),
      );
    },
  };
}

const ROUND_COLUMNS = 'round_id, target, votes_per_person, allow_multiple, started_at, closed_at';

/** Rounds and votes in `vote_rounds` and `votes`. */
export function createPostgresVotes(sql: SqlConnection): VoteStore {
  const unknownRound = (boardId: string, roundId: string) => new Error(`unknown vote round "${roundId}" on board "${boardId}"`);
  const round = (boardId: string, roundId: string): StoredVoteRound | undefined => {
    const row = sql.query<VoteRoundRow>(`SELECT ${ROUND_COLUMNS} FROM vote_rounds WHERE board_id = $1 AND round_id = $2`, [
      boardId,
      roundId,
    ])[0];
    return row ? toVoteRound(row) : undefined;
  };
  return {
    createRound(boardId, created) {
      onPostgresBoard(boardId, () =>
        sql.query(
          `INSERT INTO vote_rounds (board_id, round_id, target, votes_per_person, allow_multiple, started_at, closed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [boardId, created.id, created.target, created.votesPerPerson, created.allowMultiplePerCard, created.startedAt, created.closedAt],
        ),
      );
    },
    round,
    openRound(boardId) {
      const row = sql.query<VoteRoundRow>(
        `SELECT ${ROUND_COLUMNS} FROM vote_rounds WHERE board_id = $1 AND closed_at IS NULL ORDER BY started_at DESC LIMIT 1`,
        [boardId],
      )[0];
      return row ? toVoteRound(row) : undefined;
    },
    rounds: (boardId) =>
      sql
        .query<VoteRoundRow>(`SELECT ${ROUND_COLUMNS} FROM vote_rounds WHERE board_id = $1 ORDER BY started_at, round_id COLLATE "C"`, [
          boardId,
        ])
        .map(toVoteRound),
    closeRound(boardId, roundId, closedAt) {
      const closed = sql.query('UPDATE vote_rounds SET closed_at = $3 WHERE board_id = $1 AND round_id = $2 RETURNING round_id', [
        boardId,
        roundId,
        closedAt,
      ]);
      if (closed.length !== 1) throw unknownRound(boardId, roundId);
    },
    setVote(boardId, roundId, participantId, cardId, count) {
      if (!round(boardId, roundId)) throw unknownRound(boardId, roundId);
      if (count > 0) {
        sql.query(
          `INSERT INTO votes (board_id, round_id, participant_id, card_id, count) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (board_id, round_id, participant_id, card_id) DO UPDATE SET count = excluded.count`,
          [boardId, roundId, participantId, cardId, count],
        );
      } else {
        sql.query('DELETE FROM votes WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 AND card_id = $4', [
          boardId,
          roundId,
          participantId,
          cardId,
        ]);
      }
    },
    participantVotes: (boardId, roundId, participantId) =>
      new Map(
        sql
          .query<{ card_id: string; count: number }>(
            'SELECT card_id, count FROM votes WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 ORDER BY card_id COLLATE "C"',
            [boardId, roundId, participantId],
          )
          .map((row) => [row.card_id, row.count]),
      ),
    roundVotes: (boardId, roundId) =>
      sql
        .query<{ participant_id: string; card_id: string; count: number }>(
          'SELECT participant_id, card_id, count FROM votes WHERE board_id = $1 AND round_id = $2 ORDER BY participant_id COLLATE "C", card_id COLLATE "C"',
          [boardId, roundId],
        )
        .map((row) => ({ participantId: row.participant_id, cardId: row.card_id, count: row.count })),
  };
}

/** Private drafts in `board_drafts`. */
export function createPostgresDrafts(sql: SqlConnection): DraftStore {
  return {
    load: (boardId, participantId) =>
      sql.query<{ data: Uint8Array }>('SELECT data FROM board_drafts WHERE board_id = $1 AND participant_id = $2', [
        boardId,
        participantId,
      ])[0]?.data,
    save(boardId, participantId, state, updatedAt) {
      onPostgresBoard(boardId, () =>
        sql.query(
          `INSERT INTO board_drafts (board_id, participant_id, data, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (board_id, participant_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
          [boardId, participantId, state, updatedAt],
        ),
      );
    },
    list: (boardId) =>
      sql
        .query<{ participant_id: string; data: Uint8Array }>(
          'SELECT participant_id, data FROM board_drafts WHERE board_id = $1 ORDER BY participant_id COLLATE "C"',
          [boardId],
        )
        .map((row) => ({ participantId: row.participant_id, state: row.data })),
    delete(boardId, participantId) {
      sql.query('DELETE FROM board_drafts WHERE board_id = $1 AND participant_id = $2', [boardId, participantId]);
    },
  };
}

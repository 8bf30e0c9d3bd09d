import { FOREIGN_KEY_VIOLATION, PostgresError, type SqlConnection } from './postgres-connection.ts';
import { onPostgresBoard } from './postgres-documents.ts';
import { UnknownToneRoundError, toToneRound as toRound, type StoredToneRound, type ToneRoundRow, type ToneStore } from './tone.ts';

const COLUMNS = 'round_id, card_id, started_at, closed_at';

/** Tone rounds and ratings in `tone_rounds` and `tone_ratings` (schema step 2). */
export function createPostgresTone(sql: SqlConnection): ToneStore {
  const selectRound = (boardId: string, where: string, params: readonly string[]): StoredToneRound | undefined => {
    const row = sql.query<ToneRoundRow>(`SELECT ${COLUMNS} FROM tone_rounds WHERE board_id = $1 AND ${where}`, [boardId, ...params])[0];
    return row ? toRound(row) : undefined;
  };
  return {
    createRound(boardId, round) {
      onPostgresBoard(boardId, () =>
        sql.query('INSERT INTO tone_rounds (board_id, round_id, card_id, started_at, closed_at) VALUES ($1, $2, $3, $4, $5)', [
          boardId,
          round.id,
          round.cardId,
          round.startedAt,
          round.closedAt,
        ]),
      );
    },
    round: (boardId, roundId) => selectRound(boardId, 'round_id = $2', [roundId]),
    openRound: (boardId) => selectRound(boardId, 'closed_at IS NULL ORDER BY started_at DESC LIMIT 1', []),
    rounds: (boardId) =>
      sql
        .query<ToneRoundRow>(`SELECT ${COLUMNS} FROM tone_rounds WHERE board_id = $1 ORDER BY started_at, round_id COLLATE "C"`, [boardId])
        .map(toRound),
    closeRound(boardId, roundId, closedAt) {
      const closed = sql.query('UPDATE tone_rounds SET closed_at = $3 WHERE board_id = $1 AND round_id = $2 RETURNING round_id', [
        boardId,
        roundId,
        closedAt,
      ]);
      if (closed.length !== 1) throw new UnknownToneRoundError(roundId);
    },
    setRating(boardId, roundId, participantId, variant, rating) {
      // One round trip: the foreign key to the round is the "unknown round" check.
      try {
        sql.query(
          `INSERT INTO tone_ratings (board_id, round_id, participant_id, variant, rating) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (board_id, round_id, participant_id, variant) DO UPDATE SET rating = excluded.rating`,
          [boardId, roundId, participantId, variant, rating],
        );
      } catch (error) {
        if (error instanceof PostgresError && error.code === FOREIGN_KEY_VIOLATION) throw new UnknownToneRoundError(roundId);
        throw error;
      }
    },
    participantRatings: (boardId, roundId, participantId) =>
      new Map(
        sql
          .query<{ variant: string; rating: number }>(
            'SELECT variant, rating FROM tone_ratings WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 ORDER BY variant COLLATE "C"',
            [boardId, roundId, participantId],
          )
          .map((row) => [row.variant, row.rating]),
      ),
    roundRatings: (boardId, roundId) =>
      sql
        .query<{ participant_id: string; variant: string; rating: number }>(
          'SELECT participant_id, variant, rating FROM tone_ratings WHERE board_id = $1 AND round_id = $2 ORDER BY participant_id COLLATE "C", variant COLLATE "C"',
          [boardId, roundId],
        )
        .map((row) => ({ participantId: row.participant_id, variant: row.variant, rating: row.rating })),
  };
}

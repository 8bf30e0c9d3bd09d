import type Database from 'better-sqlite3';
import { UnknownBoardError } from './documents.ts';
import { UnknownToneRoundError, toToneRound as toRound, type ToneRoundRow, type ToneStore } from './tone.ts';

/** Prepares the statements on first use (a read-only peek at an older file never needs them). */
function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** Tone rounds and ratings in `tone_rounds` and `tone_ratings` (schema step 3). */
export function createSqliteTone(db: Database.Database): ToneStore {
  const statements = lazy(() => {
    const columns = 'round_id, card_id, started_at, closed_at';
    return {
      boardExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM boards WHERE id = ?'),
      insertRound: db.prepare<[string, string, string, number, number | null]>(
        'INSERT INTO tone_rounds (board_id, round_id, card_id, started_at, closed_at) VALUES (?, ?, ?, ?, ?)',
      ),
      selectRound: db.prepare<[string, string], ToneRoundRow>(`SELECT ${columns} FROM tone_rounds WHERE board_id = ? AND round_id = ?`),
      selectOpen: db.prepare<[string], ToneRoundRow>(
        `SELECT ${columns} FROM tone_rounds WHERE board_id = ? AND closed_at IS NULL ORDER BY started_at DESC LIMIT 1`,
      ),
      selectRounds: db.prepare<[string], ToneRoundRow>(
        `SELECT ${columns} FROM tone_rounds WHERE board_id = ? ORDER BY started_at, round_id`,
      ),
      close: db.prepare<[number, string, string]>('UPDATE tone_rounds SET closed_at = ? WHERE board_id = ? AND round_id = ?'),
      upsertRating: db.prepare<[string, string, string, string, number]>(
        `INSERT INTO tone_ratings (board_id, round_id, participant_id, variant, rating) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (board_id, round_id, participant_id, variant) DO UPDATE SET rating = excluded.rating`,
      ),
      selectMine: db.prepare<[string, string, string], { variant: string; rating: number }>(
        'SELECT variant, rating FROM tone_ratings WHERE board_id = ? AND round_id = ? AND participant_id = ? ORDER BY variant',
      ),
      selectAll: db.prepare<[string, string], { participant_id: string; variant: string; rating: number }>(
        'SELECT participant_id, variant, rating FROM tone_ratings WHERE board_id = ? AND round_id = ? ORDER BY participant_id, variant',
      ),
    };
  });
  const requireRound = (boardId: string, roundId: string): void => {
    if (!statements().selectRound.get(boardId, roundId)) throw new UnknownToneRoundError(roundId);
  };
  return {
    createRound(boardId, round) {
      const s = statements();
      if (!s.boardExists.get(boardId)) throw new UnknownBoardError(boardId);
      s.insertRound.run(boardId, round.id, round.cardId, round.startedAt, round.closedAt);
    },
    round(boardId, roundId) {
      const row = statements().selectRound.get(boardId, roundId);
      return row ? toRound(row) : undefined;
    },
    openRound(boardId) {
      const row = statements().selectOpen.get(boardId);
      return row ? toRound(row) : undefined;
    },
    rounds: (boardId) => statements().selectRounds.all(boardId).map(toRound),
    closeRound(boardId, roundId, closedAt) {
      requireRound(boardId, roundId);
      statements().close.run(closedAt, boardId, roundId);
    },
    setRating(boardId, roundId, participantId, variant, rating) {
      requireRound(boardId, roundId);
      statements().upsertRating.run(boardId, roundId, participantId, variant, rating);
    },
    participantRatings: (boardId, roundId, participantId) =>
      new Map(
        statements()
          .selectMine.all(boardId, roundId, participantId)
          .map((row) => [row.variant, row.rating]),
      ),
    roundRatings: (boardId, roundId) =>
      statements()
        .selectAll.all(boardId, roundId)
        .map((row) => ({ participantId: row.participant_id, variant: row.variant, rating: row.rating })),
  };
}

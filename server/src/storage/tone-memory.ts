import { UnknownToneRoundError, type StoredToneRound, type ToneStore } from './tone.ts';

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The memory store's board ids, as the foreign key: throws when closed or when the board does not exist. */
export interface MemoryToneBoards {
  require(boardId: string): void;
  /** Throws when the store is closed. */
  open(): void;
}

interface MemoryToneRound {
  round: StoredToneRound;
  /** participant id → variant → rating */
  ratings: Map<string, Map<string, number>>;
}

/** Tone rounds in memory: the same contract as SQLite, for fast tests. */
export function createMemoryTone(boards: MemoryToneBoards): ToneStore {
  const byBoard = new Map<string, Map<string, MemoryToneRound>>();
  const roundsOf = (boardId: string): Map<string, MemoryToneRound> => {
    boards.open();
    return byBoard.get(boardId) ?? new Map();
  };
  const get = (boardId: string, roundId: string): MemoryToneRound => {
    const found = roundsOf(boardId).get(roundId);
    if (!found) throw new UnknownToneRoundError(roundId);
    return found;
  };
  const ordered = (boardId: string): StoredToneRound[] =>
    [...roundsOf(boardId).values()].map((r) => ({ ...r.round })).sort((a, b) => a.startedAt - b.startedAt || byKey(a.id, b.id));
  return {
    createRound(boardId, round) {
      boards.require(boardId);
      let rounds = byBoard.get(boardId);
      if (!rounds) {
        rounds = new Map();
        byBoard.set(boardId, rounds);
      }
      if (rounds.has(round.id)) throw new Error(`tone round "${round.id}" already exists`);
      rounds.set(round.id, { round: { ...round }, ratings: new Map() });
    },
    round(boardId, roundId) {
      const found = roundsOf(boardId).get(roundId);
      return found ? { ...found.round } : undefined;
    },
    openRound: (boardId) =>
      ordered(boardId)
        .filter((r) => r.closedAt === null)
        .at(-1),
    rounds: ordered,
    closeRound(boardId, roundId, closedAt) {
      get(boardId, roundId).round.closedAt = closedAt;
    },
    setRating(boardId, roundId, participantId, variant, rating) {
      const { ratings } = get(boardId, roundId);
      let mine = ratings.get(participantId);
      if (!mine) {
        mine = new Map();
        ratings.set(participantId, mine);
      }
      mine.set(variant, rating);
    },
    participantRatings(boardId, roundId, participantId) {
      const mine = roundsOf(boardId).get(roundId)?.ratings.get(participantId);
      return new Map([...(mine ?? [])].sort(([a], [b]) => byKey(a, b)));
    },
    roundRatings(boardId, roundId) {
      const ratings = roundsOf(boardId).get(roundId)?.ratings ?? new Map<string, Map<string, number>>();
      return [...ratings]
        .sort(([a], [b]) => byKey(a, b))
        .flatMap(([participantId, mine]) =>
          [...mine].sort(([a], [b]) => byKey(a, b)).map(([variant, rating]) => ({ participantId, variant, rating })),
        );
    },
  };
}

/**
 * Blind tone rounds and their ratings, kept out of the shared document while a round is open
 * (like dot votes): each participant's rating of each variant of one letter, 1…5.
 */

/** A tone round on one letter, SMS or e-mail touchpoint. */
export interface StoredToneRound {
  id: string;
  cardId: string;
  startedAt: number;
  /** Null while the round is open. */
  closedAt: number | null;
}

/** A round as both SQL stores keep it (table `tone_rounds`). */
export interface ToneRoundRow {
  round_id: string;
  card_id: string;
  started_at: number;
  closed_at: number | null;
}

export const toToneRound = (row: ToneRoundRow): StoredToneRound => ({
  id: row.round_id,
  cardId: row.card_id,
  startedAt: row.started_at,
  closedAt: row.closed_at,
});

interface StoredToneRating {
  participantId: string;
  /** The message variant rated ('a' or 'b'). */
  variant: string;
  /** 1 threatening … 5 helpful. */
  rating: number;
}

export interface ToneStore {
  /** Stores a new round. Throws if the id exists or the board is unknown (UnknownBoardError). */
  createRound(boardId: string, round: StoredToneRound): void;
  round(boardId: string, roundId: string): StoredToneRound | undefined;
  /** The board's open round, if any (at most one is open at a time). */
  openRound(boardId: string): StoredToneRound | undefined;
  /** Every round of the board, oldest first. */
  rounds(boardId: string): StoredToneRound[];
  /** Throws for an unknown round. */
  closeRound(boardId: string, roundId: string, closedAt: number): void;
  /** Sets (or replaces) one participant's rating of one variant. Throws for an unknown round. */
  setRating(boardId: string, roundId: string, participantId: string, variant: string, rating: number): void;
  /** One participant's ratings in a round, by variant. */
  participantRatings(boardId: string, roundId: string, participantId: string): Map<string, number>;
  /** Every rating in a round, ordered by participant and variant. */
  roundRatings(boardId: string, roundId: string): StoredToneRating[];
}

/** A tone round that is not on the board. */
export class UnknownToneRoundError extends Error {
  constructor(readonly roundId: string) {
    super(`unknown tone round "${roundId}"`);
    this.name = 'UnknownToneRoundError';
  }
}

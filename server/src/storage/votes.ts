/** Dot-voting rounds and their votes, kept out of the shared document while a round is open. */

/** A dot-voting round; its votes are kept apart (see `setVote`). */
export interface StoredVoteRound {
  id: string;
  target: string;
  votesPerPerson: number;
  allowMultiplePerCard: boolean;
  startedAt: number;
  /** Null while the round is open. */
  closedAt: number | null;
}

/** A round as both SQL stores keep it (table `vote_rounds`); SQLite stores the flag as 0/1. */
export interface VoteRoundRow {
  round_id: string;
  target: string;
  votes_per_person: number;
  allow_multiple: boolean | number;
  started_at: number;
  closed_at: number | null;
}

export const toVoteRound = (row: VoteRoundRow): StoredVoteRound => ({
  id: row.round_id,
  target: row.target,
  votesPerPerson: row.votes_per_person,
  allowMultiplePerCard: row.allow_multiple === true || row.allow_multiple === 1,
  startedAt: row.started_at,
  closedAt: row.closed_at,
});

export interface StoredVote {
  participantId: string;
  cardId: string;
  count: number;
}

export interface VoteStore {
  /** Stores a new round. Throws if the id exists or the board is unknown (UnknownBoardError). */
  createRound(boardId: string, round: StoredVoteRound): void;
  round(boardId: string, roundId: string): StoredVoteRound | undefined;
  /** The board's open round, if any (at most one is open at a time). */
  openRound(boardId: string): StoredVoteRound | undefined;
  /** Every round of the board, oldest first. */
  rounds(boardId: string): StoredVoteRound[];
  /** Throws for an unknown round. */
  closeRound(boardId: string, roundId: string, closedAt: number): void;
  /** Sets one participant's vote count on one card in a round (0 removes it). Throws for an unknown round. */
  setVote(boardId: string, roundId: string, participantId: string, cardId: string, count: number): void;
  /** One participant's votes in a round, by card id (cards with no vote are absent). */
  participantVotes(boardId: string, roundId: string, participantId: string): Map<string, number>;
  /** Every vote in a round, ordered by participant and card. */
  roundVotes(boardId: string, roundId: string): StoredVote[];
}

/**
 * Where boards are kept. A board is its metadata plus its Yjs state, stored as one
 * snapshot (a full encoded state) and a log of updates appended after it. Loading
 * applies the snapshot and then the updates in order; compacting replaces the snapshot
 * with a fresh encoding of the live document and deletes the updates it folded in.
 *
 * Every method is synchronous: the sync layer relies on that to load a room before it
 * answers a message and to unload it without another connection slipping in between.
 */
export interface BoardMeta {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Last time the board's content changed (throttled while a board is live). */
  updatedAt: number;
}

export interface StoredBoardState {
  /** The snapshot (a Yjs update holding the whole state at the last compaction). */
  snapshot: Uint8Array;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last update (0 when there is none since the store began). */
  lastSeq: number;
}

export interface BoardStorageStats {
  /** Update rows not yet folded into the snapshot. */
  updateRows: number;
  snapshotBytes: number;
  updateBytes: number;
}

/** One secret link of a board: the SHA-256 hash of its token, and maybe the token sealed for the facilitator. */
export interface StoredAccessToken {
  role: string;
  tokenHash: Uint8Array;
  createdAt: number;
  /** The token sealed under the facilitator's token (auth/sealed-links.ts), so it can be shown again; absent when it cannot be. */
  sealed?: Uint8Array;
}

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

export interface StoredVote {
  participantId: string;
  cardId: string;
  count: number;
}

export interface BoardStore {
  /** Stores a new board with its initial state as the snapshot. Throws if the id exists. */
  create(meta: BoardMeta, initialState: Uint8Array): void;
  exists(id: string): boolean;
  getMeta(id: string): BoardMeta | undefined;
  /** Every board, most recently updated first. */
  list(): BoardMeta[];
  /** The stored state, or undefined for an unknown board. */
  load(id: string): StoredBoardState | undefined;
  /** Appends one update after the existing ones and returns its sequence number. */
  appendUpdate(id: string, update: Uint8Array): number;
  /**
   * Replaces the snapshot with `snapshot` and deletes the updates with seq <= `throughSeq`,
   * atomically. The caller guarantees `snapshot` contains all of them.
   */
  compact(id: string, snapshot: Uint8Array, throughSeq: number): void;
  /** Updates the metadata shown in board lists. */
  touch(id: string, changes: { title?: string; updatedAt?: number }): void;
  stats(id: string): BoardStorageStats | undefined;

  /** Sets (or replaces) the token hash of one role's link, and its seal (none: not showable again). Throws for an unknown board. */
  setAccessToken(boardId: string, role: string, tokenHash: Uint8Array, createdAt: number, sealed?: Uint8Array | null): void;
  /** The board's current links (hashes); empty for an unknown board. */
  accessTokens(boardId: string): StoredAccessToken[];

  /** The secret hash a participant id was bound to on this board, if any. */
  participantSecretHash(boardId: string, participantId: string): Uint8Array | undefined;
  /** Binds a participant id to a secret hash. Throws if the id is already bound or the board is unknown. */
  addParticipant(boardId: string, participantId: string, secretHash: Uint8Array, createdAt: number): void;

  /** Stores a new round. Throws if the id exists or the board is unknown. */
  createVoteRound(boardId: string, round: StoredVoteRound): void;
  voteRound(boardId: string, roundId: string): StoredVoteRound | undefined;
  /** The board's open round, if any (at most one is open at a time). */
  openVoteRound(boardId: string): StoredVoteRound | undefined;
  /** Every round of the board, oldest first. */
  voteRounds(boardId: string): StoredVoteRound[];
  closeVoteRound(boardId: string, roundId: string, closedAt: number): void;
  /** Sets one participant's vote count on one card in a round (0 removes it). */
  setVote(boardId: string, roundId: string, participantId: string, cardId: string, count: number): void;
  /** One participant's votes in a round (cards with no vote are absent). */
  participantVotes(boardId: string, roundId: string, participantId: string): Map<string, number>;
  /** Every vote in a round. */
  roundVotes(boardId: string, roundId: string): StoredVote[];

  /** A participant's private drafts document (a Yjs state), if any. */
  loadDraft(boardId: string, participantId: string): Uint8Array | undefined;
  /** Replaces a participant's drafts document. Throws for an unknown board. */
  saveDraft(boardId: string, participantId: string, state: Uint8Array, updatedAt: number): void;
  /** Every participant's drafts of a board. */
  listDrafts(boardId: string): { participantId: string; state: Uint8Array }[];
  deleteDraft(boardId: string, participantId: string): void;

  close(): void;
}

export class UnknownBoardError extends Error {
  constructor(readonly boardId: string) {
    super(`unknown board "${boardId}"`);
    this.name = 'UnknownBoardError';
  }
}

export class BoardExistsError extends Error {
  constructor(readonly boardId: string) {
    super(`board "${boardId}" already exists`);
    this.name = 'BoardExistsError';
  }
}

/**
 * A board's secret links and participant identities: who may open it, and who a
 * participant id belongs to. Only hashes are stored (see auth/tokens.ts, auth/participants.ts).
 */

/** One secret link of a board: the SHA-256 hash of its token, and maybe the token sealed for the facilitator. */
export interface StoredAccessToken {
  role: string;
  tokenHash: Uint8Array;
  createdAt: number;
  /** The token sealed under the facilitator's token (auth/sealed-links.ts), so it can be shown again; absent when it cannot be. */
  sealed?: Uint8Array;
}

export interface LinkStore {
  /**
   * Sets (or replaces) the token hash of one role's link, and its seal (none: the link cannot
   * be shown again). Throws UnknownBoardError for an unknown board.
   */
  setToken(boardId: string, role: string, tokenHash: Uint8Array, createdAt: number, sealed?: Uint8Array | null): void;
  /** The board's current links (hashes), ordered by role; empty for an unknown board. */
  tokens(boardId: string): StoredAccessToken[];
  /** The secret hash a participant id was bound to on this board, if any. */
  participantSecretHash(boardId: string, participantId: string): Uint8Array | undefined;
  /** Binds a participant id to a secret hash. Throws if the id is already bound or the board is unknown. */
  addParticipant(boardId: string, participantId: string, secretHash: Uint8Array, createdAt: number): void;
}

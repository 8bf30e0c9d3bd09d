/**
 * A board's secret links and participant identities: who may open it, and who a
 * participant id belongs to. Only hashes are stored (see auth/tokens.ts, auth/participants.ts).
 */

/** One secret link of a board: only the SHA-256 hash of its token is kept. */
export interface StoredAccessToken {
  role: string;
  tokenHash: Uint8Array;
  createdAt: number;
}

export interface LinkStore {
  /** Sets (or replaces) the token hash of one role's link. Throws UnknownBoardError for an unknown board. */
  setToken(boardId: string, role: string, tokenHash: Uint8Array, createdAt: number): void;
  /** The board's current links (hashes), ordered by role; empty for an unknown board. */
  tokens(boardId: string): StoredAccessToken[];
  /** The secret hash a participant id was bound to on this board, if any. */
  participantSecretHash(boardId: string, participantId: string): Uint8Array | undefined;
  /** Binds a participant id to a secret hash. Throws if the id is already bound or the board is unknown. */
  addParticipant(boardId: string, participantId: string, secretHash: Uint8Array, createdAt: number): void;
}

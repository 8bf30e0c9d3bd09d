/** Private-mode drafts: one small Yjs state per participant and board, replaced whole on change. */

interface StoredDraft {
  participantId: string;
  state: Uint8Array;
}

export interface DraftStore {
  /** A participant's drafts document (a Yjs state), if any. */
  load(boardId: string, participantId: string): Uint8Array | undefined;
  /** Replaces a participant's drafts document. Throws UnknownBoardError for an unknown board. */
  save(boardId: string, participantId: string, state: Uint8Array, updatedAt: number): void;
  /** Every participant's drafts of a board, ordered by participant id. */
  list(boardId: string): StoredDraft[];
  delete(boardId: string, participantId: string): void;
}

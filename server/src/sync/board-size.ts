import type * as Y from 'yjs';
import { dropHeldBack, heldBackBytes } from '@rejse/shared';

/** The size limits of one board, checked before an update is applied (see SERVER_LIMITS). */
export interface BoardSizeLimits {
  /** Bytes of stored state (snapshot + update log) a board may reach. */
  maxBoardBytes: number;
  /** Cards a board may hold. */
  maxBoardCards: number;
  /** Items (Yjs structs) a board may hold: its memory grows with them, not with its bytes. */
  maxBoardItems: number;
}

/** Bytes of updates Yjs holds back because their dependencies have not arrived. */
export const pendingBytes = (doc: Y.Doc): number => heldBackBytes(doc);

/** Drops the held-back updates (never stored or sent; their senders resend them on their next sync). */
export const clearPending = (doc: Y.Doc): void => dropHeldBack(doc);

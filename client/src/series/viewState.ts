import type { Board, SnapshotInfo } from '@rejse/shared';
import { useSyncExternalStore } from 'react';
import { createExternalStore } from '../doc/externalStore.ts';

/**
 * Local UI of the version history that outlives the side panel (never in the document): the
 * saved version shown on the canvas instead of the live board, and the last restore this
 * browser made, which it can still undo. Both name their board, so another board never shows them.
 */
export interface ViewedSnapshot {
  boardId: string;
  info: SnapshotInfo;
  board: Board;
  /** A card to bring on screen and select (from the compare list). */
  focusCardId: string | null;
}

export interface UndoableRestore {
  boardId: string;
  /** The version the server saved just before the restore: restoring it undoes the restore. */
  undoSnapshotId: string;
  /** What was restored, for the message. */
  label: string;
  /** Increases with every restore, so a new one restarts the toast's timer. */
  seq: number;
}

const viewed = createExternalStore<ViewedSnapshot | null>(null);
const undoable = createExternalStore<UndoableRestore | null>(null);
let restoreSeq = 0;

export const showSnapshot = (snapshot: ViewedSnapshot | null): void => viewed.set(snapshot);

export function useViewedSnapshot(boardId: string): ViewedSnapshot | null {
  const value = useSyncExternalStore(viewed.subscribe, viewed.get);
  return value && value.boardId === boardId ? value : null;
}

export function offerUndoRestore(restore: Omit<UndoableRestore, 'seq'> | null): void {
  restoreSeq += 1;
  undoable.set(restore ? { ...restore, seq: restoreSeq } : null);
}

export function useUndoableRestore(boardId: string): UndoableRestore | null {
  const value = useSyncExternalStore(undoable.subscribe, undoable.get);
  return value && value.boardId === boardId ? value : null;
}

/** A card to bring on screen and select on the live board (from the compare list). */
export interface CardFocusRequest {
  boardId: string;
  cardId: string;
  seq: number;
}

const liveFocus = createExternalStore<CardFocusRequest | null>(null);
let focusSeq = 0;

export function focusLiveCard(boardId: string, cardId: string): void {
  focusSeq += 1;
  liveFocus.set({ boardId, cardId, seq: focusSeq });
}

export function useLiveCardFocus(boardId: string): CardFocusRequest | null {
  const value = useSyncExternalStore(liveFocus.subscribe, liveFocus.get);
  return value && value.boardId === boardId ? value : null;
}

import type { Board } from '@rejse/shared';
import { createContext, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BoardUiState, BoardUiStore } from './boardUi.ts';
import type { BoardCommands } from './commands.ts';
import type { EditorState, EditorStore } from './editorStore.ts';
import type { MapLayers } from './mapLayers.ts';
import type { BoardSession, SessionStatus } from './session.ts';
import type { UndoState } from './undoHistory.ts';

/**
 * Everything one open board has: its session (Y.Doc, provider, undo, records), its commands
 * and its local UI stores. Made together when a board page opens, dropped when it closes.
 */
export interface BoardContextValue {
  session: BoardSession;
  commands: BoardCommands;
  ui: BoardUiStore;
  editor: EditorStore;
  /** What the workshop lays over the live map (private cards, vote controls); absent on a saved version. */
  layers?: MapLayers;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export function BoardProvider({ value, children }: { value: BoardContextValue; children: ReactNode }) {
  return <BoardContext.Provider value={value}>{children}</BoardContext.Provider>;
}

/** The whole value, for a provider below that replaces one part (the guarded commands). */
export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard… hooks need a <BoardProvider>');
  return value;
}

export const useSession = (): BoardSession => useBoardContext().session;
export const useCommands = (): BoardCommands => useBoardContext().commands;
/** This board's local UI store, for reading and writing in event handlers (`getState()`). */
export const useBoardUiStore = (): BoardUiStore => useBoardContext().ui;
export const useEditorStore = (): EditorStore => useBoardContext().editor;

/** A slice of this board's local UI state; re-renders when it changes. */
export function useBoardUi<T>(selector: (state: BoardUiState) => T): T {
  return useStore(useBoardContext().ui, selector);
}

/** A slice of this board's editor state (search/filter, dialogs). */
export function useEditorState<T>(selector: (state: EditorState) => T): T {
  return useStore(useBoardContext().editor, selector);
}

/** The whole board snapshot; re-renders on every document change. Prefer `useBoard(selector)`. */
export function useBoardSnapshot(): Board {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getBoard);
}

/**
 * A slice of the board. The component re-renders only when the selected value changes
 * by `equal` (pass `shallow` from zustand for arrays and objects).
 */
export function useBoard<T>(selector: (board: Board) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const session = useSession();
  const cache = useRef<{ board: Board; selector: (board: Board) => T; value: T } | null>(null);
  const getSelected = (): T => {
    const board = session.getBoard();
    const cached = cache.current;
    if (cached && cached.board === board && cached.selector === selector) return cached.value;
    const value = selector(board);
    if (cached && equal(cached.value, value)) {
      cache.current = { board, selector, value: cached.value };
      return cached.value;
    }
    cache.current = { board, selector, value };
    return value;
  };
  return useSyncExternalStore(session.subscribe, getSelected);
}

export function useSessionStatus(): SessionStatus {
  const { status } = useSession();
  return useSyncExternalStore(status.subscribe, status.get);
}

export function useUndoState(): UndoState {
  const { state } = useSession().history;
  return useSyncExternalStore(state.subscribe, state.get);
}

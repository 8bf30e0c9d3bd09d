import type { CardKind } from '@rejse/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { EMPTY_FILTER, type CardFilter, type ChannelKey } from './filter.ts';

/**
 * Local UI state of the editor of one open board (this tab only, never in the Y.Doc): the
 * card search and filter, and which editor dialogs are open. Made per board, like
 * `createBoardUiStore`.
 */
type EditorDialog = 'personas' | 'shortcuts' | null;

export interface EditorState {
  filter: CardFilter;
  dialog: EditorDialog;
  /** Bumped to ask the search field to take focus (Ctrl/Cmd+F, "/"). */
  searchFocus: number;

  setText(text: string): void;
  toggleKind(kind: CardKind): void;
  toggleChannel(channel: ChannelKey): void;
  toggleStage(stageId: string): void;
  clearFilter(): void;
  focusSearch(): void;
  openDialog(dialog: EditorDialog): void;
}

export type EditorStore = StoreApi<EditorState>;

const toggle = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export function createEditorStore(): EditorStore {
  return createStore<EditorState>()((set) => ({
    filter: EMPTY_FILTER,
    dialog: null,
    searchFocus: 0,

    setText(text) {
      set((s) => ({ filter: { ...s.filter, text } }));
    },
    toggleKind(kind) {
      set((s) => ({ filter: { ...s.filter, kinds: toggle(s.filter.kinds, kind) } }));
    },
    toggleChannel(channel) {
      set((s) => ({ filter: { ...s.filter, channels: toggle(s.filter.channels, channel) } }));
    },
    toggleStage(stageId) {
      set((s) => ({ filter: { ...s.filter, stageIds: toggle(s.filter.stageIds, stageId) } }));
    },
    clearFilter() {
      set({ filter: EMPTY_FILTER });
    },
    focusSearch() {
      set((s) => ({ searchFocus: s.searchFocus + 1 }));
    },
    openDialog(dialog) {
      set({ dialog });
    },
  }));
}

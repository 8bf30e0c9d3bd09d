import type { CardId, LaneId, LinkId, StageId } from '@rejse/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { sameTextTarget, type TextTarget } from './liveText.ts';

/**
 * Local UI state of one open board: what this browser tab shows and is doing. Never written
 * to the Y.Doc, never shared. A new store is made for every board the page opens (see
 * `BoardProvider`), so nothing carries over from one board to the next.
 */
export type HeaderEdit = { axis: 'stage'; id: StageId } | { axis: 'lane'; id: LaneId };
export type RemoveRequest = { axis: 'stage'; id: StageId } | { axis: 'lane'; id: LaneId };

interface Notice {
  id: number;
  text: string;
}

export interface BoardUiState {
  /** Selected cards and links on the canvas (React Flow reports, we keep). */
  selectedCards: readonly CardId[];
  selectedLinks: readonly LinkId[];
  /** The card whose text is being edited in place. */
  editingCard: CardId | null;
  /** The stage or lane header being renamed in place. */
  editingHeader: HeaderEdit | null;
  /** The text field this person is typing into (shown to others as "… is editing"). */
  typing: TextTarget | null;
  /** A stage/lane removal waiting for the user to choose what happens to its cards. */
  removeRequest: RemoveRequest | null;
  /** The "add a lane" dialog is open (a lane is added with its kind). */
  addingLane: boolean;
  inspectorOpen: boolean;
  notice: Notice | null;

  setSelection(cards: readonly CardId[], links: readonly LinkId[]): void;
  editCard(id: CardId | null): void;
  editHeader(edit: HeaderEdit | null): void;
  /** Sets or clears (`null`, or leaving `target`) the text being typed into. */
  setTyping(target: TextTarget | null, leaving?: boolean): void;
  requestRemove(request: RemoveRequest | null): void;
  askLane(open: boolean): void;
  setInspectorOpen(open: boolean): void;
  notify(text: string): void;
  dismissNotice(): void;
}

export type BoardUiStore = StoreApi<BoardUiState>;

export function createBoardUiStore(): BoardUiStore {
  let noticeSeq = 0;
  return createStore<BoardUiState>()((set, get) => ({
    selectedCards: [],
    selectedLinks: [],
    editingCard: null,
    editingHeader: null,
    typing: null,
    removeRequest: null,
    addingLane: false,
    inspectorOpen: true,
    notice: null,

    setSelection(cards, links) {
      set({ selectedCards: cards, selectedLinks: links });
    },
    editCard(id) {
      set({ editingCard: id });
    },
    editHeader(edit) {
      set({ editingHeader: edit });
    },
    setTyping(target, leaving = false) {
      const typing = get().typing;
      if (leaving) {
        if (sameTextTarget(typing, target)) set({ typing: null });
      } else if (!sameTextTarget(typing, target)) set({ typing: target });
    },
    requestRemove(request) {
      set({ removeRequest: request });
    },
    askLane(open) {
      set({ addingLane: open });
    },
    setInspectorOpen(open) {
      set({ inspectorOpen: open });
    },
    notify(text) {
      noticeSeq += 1;
      set({ notice: { id: noticeSeq, text } });
    },
    dismissNotice() {
      set({ notice: null });
    },
  }));
}

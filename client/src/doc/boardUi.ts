import type { CardId, LaneId, LinkId, StageId } from '@rejse/shared';
import { create } from 'zustand';
import { isLocale, preferredLocale, type Locale } from '../i18n/locales.ts';

/**
 * Local UI state: what this browser tab shows and is doing. Never written to the Y.Doc,
 * never shared. Board-scoped parts are reset when a board page opens.
 */
export type HeaderEdit = { axis: 'stage'; id: StageId } | { axis: 'lane'; id: LaneId };
export type RemoveRequest = { axis: 'stage'; id: StageId } | { axis: 'lane'; id: LaneId };

export interface Notice {
  id: number;
  text: string;
}

interface UiState {
  locale: Locale;
  /** Selected cards and links on the canvas (React Flow reports, we keep). */
  selectedCards: readonly CardId[];
  selectedLinks: readonly LinkId[];
  /** The card whose text is being edited in place. */
  editingCard: CardId | null;
  /** The stage or lane header being renamed in place. */
  editingHeader: HeaderEdit | null;
  /** A stage/lane removal waiting for the user to choose what happens to its cards. */
  removeRequest: RemoveRequest | null;
  inspectorOpen: boolean;
  notice: Notice | null;
  /** A picture export is drawing the map: cards render in full whatever the zoom. */
  capturingPicture: boolean;
  setCapturingPicture(capturing: boolean): void;

  setLocale(locale: Locale): void;
  setSelection(cards: readonly CardId[], links: readonly LinkId[]): void;
  editCard(id: CardId | null): void;
  editHeader(edit: HeaderEdit | null): void;
  requestRemove(request: RemoveRequest | null): void;
  setInspectorOpen(open: boolean): void;
  notify(text: string): void;
  dismissNotice(): void;
  resetBoardUi(): void;
}

const LOCALE_KEY = 'rejse.locale';

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode); the browser preference is fine.
  }
  return preferredLocale(globalThis.navigator?.languages ?? []);
}

let noticeSeq = 0;

export const useUiStore = create<UiState>()((set) => ({
  locale: initialLocale(),
  selectedCards: [],
  selectedLinks: [],
  capturingPicture: false,
  setCapturingPicture: (capturing) => set({ capturingPicture: capturing }),
  editingCard: null,
  editingHeader: null,
  removeRequest: null,
  inspectorOpen: true,
  notice: null,

  setLocale(locale) {
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, locale);
    } catch {
      // Not persisted; still switched for this tab.
    }
    set({ locale });
  },
  setSelection(cards, links) {
    set({ selectedCards: cards, selectedLinks: links });
  },
  editCard(id) {
    set({ editingCard: id });
  },
  editHeader(edit) {
    set({ editingHeader: edit });
  },
  requestRemove(request) {
    set({ removeRequest: request });
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
  resetBoardUi() {
    set({ selectedCards: [], selectedLinks: [], editingCard: null, editingHeader: null, removeRequest: null, notice: null });
  },
}));

import { create } from 'zustand';

/** Local UI state of the prioritise view (which sub-view, which rows are expanded); never shared. */
export type PrioritizeSubview = 'list' | 'matrix';

interface PrioritizeUiState {
  subview: PrioritizeSubview;
  /** Cards whose score breakdown is open in the list. */
  expanded: ReadonlySet<string>;
  setSubview(subview: PrioritizeSubview): void;
  toggleExpanded(id: string): void;
}

export const usePrioritizeUi = create<PrioritizeUiState>()((set) => ({
  subview: 'list',
  expanded: new Set(),
  setSubview(subview) {
    set({ subview });
  },
  toggleExpanded(id) {
    set((state) => {
      const next = new Set(state.expanded);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { expanded: next };
    });
  },
}));

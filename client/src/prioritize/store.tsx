import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Local UI state of one board's prioritise view (which sub-view, which rows are expanded);
 * never shared. Made per board by `PrioritizeUiProvider`, which the board page mounts.
 */
export type PrioritizeSubview = 'list' | 'matrix';

interface PrioritizeUiState {
  subview: PrioritizeSubview;
  /** Cards whose score breakdown is open in the list. */
  expanded: ReadonlySet<string>;
  /** The matrix sizes its chips by each idea's value a year. */
  sizeByValue: boolean;
  setSubview(subview: PrioritizeSubview): void;
  setSizeByValue(on: boolean): void;
  toggleExpanded(id: string): void;
}

function createPrioritizeUiStore(): StoreApi<PrioritizeUiState> {
  return createStore<PrioritizeUiState>()((set) => ({
    subview: 'list',
    expanded: new Set(),
    sizeByValue: false,
    setSubview(subview) {
      set({ subview });
    },
    setSizeByValue(on) {
      set({ sizeByValue: on });
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
}

const PrioritizeUiContext = createContext<StoreApi<PrioritizeUiState> | null>(null);

export function PrioritizeUiProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createPrioritizeUiStore);
  return <PrioritizeUiContext.Provider value={store}>{children}</PrioritizeUiContext.Provider>;
}

export function usePrioritizeUi<T>(selector: (state: PrioritizeUiState) => T): T {
  const store = useContext(PrioritizeUiContext);
  if (!store) throw new Error('usePrioritizeUi needs a <PrioritizeUiProvider>');
  return useStore(store, selector);
}

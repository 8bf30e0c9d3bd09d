import { readingOrder, stepCard, type CardId, type CardStep } from '@rejse/shared';
import { useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useBoardUiStore } from '../doc/BoardContext.tsx';
import type { GridLayout } from './layout.ts';
import { UPRIGHT_BAR } from './StickyHeaders.tsx';
import { useReveal } from './useCanvasActions.ts';
import { useZoomToRead } from './useFarPointer.ts';

const STEPS: Readonly<Record<string, CardStep>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'first',
  End: 'last',
};
/** A card the keyboard reaches is panned on screen at the zoom it is seen at, clear of the upright stage bar. */
const REVEAL = { keepZoom: true, top: UPRIGHT_BAR + 8 } as const;
/** Frames to wait for the card's node after zooming in (the nodes come back once the zoom settles). */
const NODE_WAIT_FRAMES = 120;

export interface FarKeys {
  /** The card the keyboard is on, null before the far map first had the focus (or with no cards). */
  focused: string | null;
  /** Whether the far map has the keyboard focus now (the far layer rings `focused` only then). */
  active: boolean;
  onFocus: () => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** The first card in reading order that is on screen, else the map's first. */
function firstInView(layout: GridLayout, view: { x: number; y: number; width: number; height: number }): string | null {
  const order = readingOrder(layout);
  const seen = order.find((id) => {
    const box = layout.cards.get(id);
    return (
      box && box.x >= view.x && box.y >= view.y && box.x + box.width <= view.x + view.width && box.y + box.height <= view.y + view.height
    );
  });
  return seen ?? order[0] ?? null;
}

/**
 * The keyboard on the map seen from far, where cards are drawn, not nodes: the far map is one
 * Tab stop; the arrows move between its cards (`stepCard`: along a lane, through a stack,
 * between lanes; Home/End the first and last), panning the card on screen; Enter or Space
 * selects the card (Shift, Ctrl or Cmd adds or takes it away, as a click does); Z — or Enter
 * on the card already selected — zooms in to read it at 100 %, as a double-click does, and puts
 * the focus on its node; Escape leaves the far map (and lets go of the selection, as up close).
 * Delete is the far layer's (`useFarPointer`). The focused card stays where the layout has it:
 * when it goes, the keyboard moves to the card now at its place in reading order.
 */
export function useFarKeys(
  far: boolean,
  layout: GridLayout,
  layoutRef: RefObject<GridLayout>,
  wrapper: RefObject<HTMLElement | null>,
): FarKeys {
  const uiStore = useBoardUiStore();
  const store = useStoreApi();
  const reveal = useReveal();
  const zoomToRead = useZoomToRead(layoutRef);
  const [focused, setFocused] = useState<string | null>(null);
  const [active, setActive] = useState(false);
  /** The focused card's place in reading order, for when it is deleted or moved away. */
  const place = useRef(0);

  const focus = useCallback(
    (id: string | null) => {
      setFocused(id);
      const box = id ? layout.cards.get(id) : undefined;
      if (!box) return;
      place.current = readingOrder(layout).indexOf(box.id);
      reveal(box, REVEAL);
    },
    [layout, reveal],
  );

  // The focused card was deleted (or is no longer on this map): go to the one now at its place.
  useEffect(() => {
    if (focused === null || layout.cards.has(focused)) return;
    const order = readingOrder(layout);
    setFocused(order[Math.min(place.current, order.length - 1)] ?? null);
  }, [focused, layout]);

  const onFocus = useCallback(() => {
    setActive(true);
    const box = focused === null ? undefined : layout.cards.get(focused);
    if (box) return reveal(box, REVEAL);
    const selected = uiStore.getState().selectedCards.find((id) => layout.cards.has(id));
    const [x, y, zoom] = store.getState().transform;
    const { width, height } = store.getState();
    focus(
      selected ??
        firstInView(layout, { x: -x / zoom, y: (UPRIGHT_BAR - y) / zoom, width: width / zoom, height: (height - UPRIGHT_BAR) / zoom }),
    );
  }, [focused, layout, uiStore, store, focus, reveal]);
  const onBlur = useCallback(() => setActive(false), []);

  const zoomIn = useCallback(
    async (id: string) => {
      if (!(await zoomToRead(id))) return;
      // The card is a node again once the zoom settles and the canvas draws it: focus it there.
      const selector = `.react-flow__node-card[data-id="${CSS.escape(id)}"]`;
      for (let frame = 0; frame < NODE_WAIT_FRAMES; frame += 1) {
        const node = wrapper.current?.querySelector<HTMLElement>(selector);
        if (node) return node.focus({ preventScroll: true });
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
    [zoomToRead, wrapper],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!far || event.altKey || event.nativeEvent.isComposing) return;
      const mod = event.ctrlKey || event.metaKey;
      const step = STEPS[event.key];
      if (step && !mod) {
        event.preventDefault();
        focus(stepCard(layout, focused, step));
        return;
      }
      const ui = uiStore.getState();
      if (event.key === 'Escape') {
        // The editor's Escape (useEditorShortcuts) then lets go of the selection; with none, the search filter stays.
        if (ui.selectedCards.length === 0 && ui.selectedLinks.length === 0) event.preventDefault();
        event.currentTarget.blur();
        return;
      }
      if (focused === null || !layout.cards.has(focused)) return;
      const only = ui.selectedCards.length === 1 && ui.selectedCards[0] === focused;
      if ((event.key === 'z' || event.key === 'Z') && !mod) {
        event.preventDefault();
        void zoomIn(focused);
      } else if (event.key === 'Enter' && !mod && !event.shiftKey && only) {
        event.preventDefault();
        void zoomIn(focused);
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        const id = focused as CardId;
        if (event.shiftKey || mod) {
          const has = ui.selectedCards.includes(id);
          ui.setSelection(has ? ui.selectedCards.filter((card) => card !== id) : [...ui.selectedCards, id], ui.selectedLinks);
        } else ui.setSelection([id], []);
      }
    },
    [far, layout, focused, focus, uiStore, zoomIn],
  );

  const shown = far && active;
  return useMemo(() => ({ focused, active: shown, onFocus, onBlur, onKeyDown }), [focused, shown, onFocus, onBlur, onKeyDown]);
}

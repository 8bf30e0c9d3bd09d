import { cardAt, type CardId } from '@rejse/shared';
import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import { useEffect, useState, type RefObject } from 'react';
import { useBoardUiStore } from '../doc/BoardContext.tsx';
import type { GridLayout } from './layout.ts';

/** Screen pixels the pointer moves before a press on a block becomes a drag (as for card nodes). */
const DRAG_THRESHOLD = 4;

/** The blocks being dragged and how far, in map units (the far layer draws them there). */
export interface FarDrag {
  ids: ReadonlySet<string>;
  dx: number;
  dy: number;
}

interface Drop {
  aimAt: (pointer: XYPosition) => void;
  dropAt: (cards: readonly CardId[], grabbed: CardId, pointer: XYPosition) => void;
  stopAiming: () => void;
}

/**
 * Dragging blocks below FAR_ZOOM, where cards are drawn, not nodes: a press on a block and a
 * move past the threshold drags it (with the rest of the selection when it is selected), the
 * cell under the pointer is outlined, and the release drops the cards there the way a card
 * node's drag does (`useDragDrop`: same places, same question about the lane's kind). The
 * press is kept from the pane, so it does not pan; a press beside the blocks still pans.
 * Shift, Ctrl or Cmd leave the press to the selection box and the selection.
 */
export function useFarDrag(
  far: boolean,
  viewOnly: boolean,
  /** The canvas's element: it hears a press before React Flow's pane, inside it, does. */
  canvas: RefObject<HTMLElement | null>,
  layoutRef: RefObject<GridLayout>,
  drop: Drop,
): FarDrag | null {
  const [drag, setDrag] = useState<FarDrag | null>(null);
  const store = useStoreApi();
  const uiStore = useBoardUiStore();
  const { screenToFlowPosition } = useReactFlow();
  const { aimAt, dropAt, stopAiming } = drop;

  useEffect(() => {
    const pane = canvas.current;
    if (!far || viewOnly || !pane) return;
    let stop: () => void = () => {};
    const onMouseDown = (event: MouseEvent) => {
      if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!(event.target as Element | null)?.closest?.('.react-flow__node')) return;
      const grabbed = cardAt(layoutRef.current, screenToFlowPosition({ x: event.clientX, y: event.clientY })) as CardId | null;
      if (!grabbed) return;
      // A block under the pointer: React Flow's pan never sees this press.
      event.stopPropagation();
      const start = { x: event.clientX, y: event.clientY };
      const selected = uiStore.getState().selectedCards;
      const ids = (selected.includes(grabbed) ? selected : [grabbed]) as CardId[];
      let moved = false;
      const onMove = (move: MouseEvent) => {
        const pointer = { x: move.clientX, y: move.clientY };
        if (!moved && Math.hypot(pointer.x - start.x, pointer.y - start.y) < DRAG_THRESHOLD) return;
        if (!moved && !selected.includes(grabbed)) uiStore.getState().setSelection(ids, []);
        moved = true;
        const zoom = store.getState().transform[2] || 1;
        setDrag({ ids: new Set(ids), dx: (pointer.x - start.x) / zoom, dy: (pointer.y - start.y) / zoom });
        aimAt(pointer);
      };
      const onUp = (up: MouseEvent) => {
        stop();
        if (!moved) return;
        dropAt(ids, grabbed, { x: up.clientX, y: up.clientY });
        stopAiming();
        setDrag(null);
      };
      stop = () => {
        window.removeEventListener('mousemove', onMove);
        window.removeEventListener('mouseup', onUp);
      };
      window.addEventListener('mousemove', onMove);
      window.addEventListener('mouseup', onUp);
    };
    pane.addEventListener('mousedown', onMouseDown, true);
    return () => {
      pane.removeEventListener('mousedown', onMouseDown, true);
      stop();
    };
  }, [far, viewOnly, canvas, store, uiStore, layoutRef, screenToFlowPosition, aimAt, dropAt, stopAiming]);

  return far ? drag : null;
}

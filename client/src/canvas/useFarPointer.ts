import { cardAt, type CardId, type LinkId } from '@rejse/shared';
import { useReactFlow, useStoreApi, type Node } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import { useBoardUiStore, useCommands, useSession } from '../doc/BoardContext.tsx';
import type { GridLayout } from './layout.ts';
import { isTyping } from './useClipboard.ts';

/** The zoom a double-clicked block opens at: its text at full size. */
const READING_ZOOM = 1;

/**
 * Zooms in to read a card seen from far (a double-click on its block, or Z on the keyboard):
 * selects it and centres it at full size. Answers, once there, whether the card was on the map.
 */
export function useZoomToRead(layoutRef: RefObject<GridLayout>): (id: string) => Promise<boolean> {
  const uiStore = useBoardUiStore();
  const { setCenter } = useReactFlow();
  return useCallback(
    async (id) => {
      const box = layoutRef.current.cards.get(id);
      if (!box) return false;
      uiStore.getState().setSelection([id as CardId], []);
      await setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: READING_ZOOM, duration: 300 });
      return true;
    },
    [layoutRef, uiStore, setCenter],
  );
}

/**
 * The pointer and keys on the far layer's blocks, which are drawn, not nodes: a click on a
 * block selects its card (Shift, Ctrl or Cmd adds or takes it away), a double-click zooms in
 * to read it, the pointer says a block can be clicked (with the card's text as its tooltip),
 * a selection box selects the blocks it touches, and Delete removes the selected cards and
 * links. The click handlers answer whether they took the event, so the canvas's own handling
 * runs otherwise.
 */
export function useFarPointer(far: boolean, layoutRef: RefObject<GridLayout>, viewOnly: boolean) {
  const uiStore = useBoardUiStore();
  const commands = useCommands();
  const session = useSession();
  const { screenToFlowPosition } = useReactFlow();
  const store = useStoreApi();
  const hovered = useRef<string | null>(null);
  /** Where a selection box began, in map units (React Flow keeps it only while the box is drawn). */
  const boxStart = useRef<{ x: number; y: number } | null>(null);

  const blockAt = useCallback(
    (event: ReactMouseEvent): CardId | null =>
      far ? (cardAt(layoutRef.current, screenToFlowPosition({ x: event.clientX, y: event.clientY })) as CardId | null) : null,
    [far, layoutRef, screenToFlowPosition],
  );

  const onClick = useCallback(
    (event: ReactMouseEvent): boolean => {
      const id = blockAt(event);
      if (!id) return false;
      const ui = uiStore.getState();
      if (event.shiftKey || event.metaKey || event.ctrlKey) {
        const has = ui.selectedCards.includes(id);
        ui.setSelection(has ? ui.selectedCards.filter((card) => card !== id) : [...ui.selectedCards, id], ui.selectedLinks);
      } else ui.setSelection([id], []);
      return true;
    },
    [blockAt, uiStore],
  );

  const zoomToRead = useZoomToRead(layoutRef);
  const onDoubleClick = useCallback(
    (event: ReactMouseEvent): boolean => {
      const id = blockAt(event);
      if (!id || !layoutRef.current.cards.has(id)) return false;
      void zoomToRead(id);
      return true;
    },
    [blockAt, layoutRef, zoomToRead],
  );

  const onMouseMove = useCallback(
    (event: ReactMouseEvent, node: Node) => {
      if (!far) return;
      const id = blockAt(event);
      if (id === hovered.current) return;
      hovered.current = id;
      const element = (event.target as Element).closest<HTMLElement>('.react-flow__node');
      if (!element) return;
      element.classList.toggle('is-over-block', id !== null);
      const text = id ? (session.getBoard().cards.find((card) => card.id === id)?.text ?? '') : '';
      if (text) element.title = text;
      else if (node.type === 'cell') element.removeAttribute('title');
    },
    [far, blockAt, session],
  );

  // Delete and Backspace anywhere but a text field, as React Flow listens for its nodes (a
  // clicked block leaves the focus on the page, not on a node). React Flow's own listener has
  // marked the key handled by then, with no node of its own to delete.
  useEffect(() => {
    if (!far || viewOnly) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || (event.key !== 'Delete' && event.key !== 'Backspace')) return;
      if ((event.target as Element | null)?.closest?.('dialog')) return;
      const ui = uiStore.getState();
      if (ui.selectedCards.length === 0 && ui.selectedLinks.length === 0) return;
      event.preventDefault();
      commands.deleteElements(ui.selectedCards as CardId[], ui.selectedLinks as LinkId[]);
      ui.setSelection([], []);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [far, viewOnly, uiStore, commands]);

  // A selection box (Shift-drag) selects the blocks it touches, as it selects card nodes up close.
  const onSelectionStart = useCallback(() => {
    const rect = store.getState().userSelectionRect;
    boxStart.current = far && rect ? { x: rect.startX, y: rect.startY } : null;
  }, [far, store]);
  const onSelectionEnd = useCallback(
    (event: ReactMouseEvent) => {
      const start = boxStart.current;
      boxStart.current = null;
      if (!far || !start) return;
      const end = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const [left, right] = [Math.min(start.x, end.x), Math.max(start.x, end.x)];
      const [top, bottom] = [Math.min(start.y, end.y), Math.max(start.y, end.y)];
      const inBox: CardId[] = [];
      for (const [id, box] of layoutRef.current.cards) {
        if (box.x < right && box.x + box.width > left && box.y < bottom && box.y + box.height > top) inBox.push(id as CardId);
      }
      uiStore.getState().setSelection(inBox, []);
    },
    [far, layoutRef, screenToFlowPosition, uiStore],
  );

  return useMemo(
    () => ({ onClick, onDoubleClick, onMouseMove, onSelectionStart, onSelectionEnd }),
    [onClick, onDoubleClick, onMouseMove, onSelectionStart, onSelectionEnd],
  );
}

import type { CardId } from '@rejse/shared';
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { cellKey, computeLayout, type GridLayout } from './layout.ts';
import { planNudge, type CellMove } from './moves.ts';
import { useReveal } from './useCanvasActions.ts';
import { isTyping } from './useClipboard.ts';

const STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Keyboard on a focused card: Enter edits its text; the arrow keys move it to the
 * neighbouring cell (left/right: stage; up/down: within its cell, then into the next lane).
 * When the focused card is part of a multi-selection, the arrows move the whole selection
 * by one stage or lane (as one undo step), stopping at the grid's edge. A move into a lane meant
 * for another kind asks first, as a drop does (`propose`: `useDragDrop`'s `proposeMoves`).
 */
export function useCardKeys(
  layoutRef: RefObject<GridLayout>,
  viewOnly: boolean,
  propose: (moves: readonly CellMove[]) => void,
): (event: KeyboardEvent<HTMLElement>) => void {
  const uiStore = useBoardUiStore();
  const session = useSession();
  const reveal = useReveal();
  return useCallback(
    (event) => {
      // A view-only link neither edits nor moves cards; the arrows then scroll as usual.
      if (viewOnly || isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const nodeElement = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node-card');
      const id = nodeElement?.dataset.id as CardId | undefined;
      if (!id) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        uiStore.getState().editCard(id);
        return;
      }
      const layout = layoutRef.current;
      const box = layout.cards.get(id);
      if (!box) return;
      const selection = uiStore.getState().selectedCards;
      const step = STEPS[event.key];
      if (step && selection.length > 1 && selection.includes(id)) {
        event.preventDefault();
        const chosen = new Set<string>(selection);
        const ids = session
          .getBoard()
          .cards.filter((c) => chosen.has(c.id))
          .map((c) => c.id);
        const moves = planNudge(layout, ids, step[0], step[1]);
        if (moves.length === 0) return;
        propose(moves);
        const moved = computeLayout(session.getBoard()).cards.get(id);
        if (moved) reveal(moved);
        return;
      }
      const stageIndex = layout.stages.findIndex((s) => s.id === box.stageId);
      const laneIndex = layout.lanes.findIndex((l) => l.id === box.laneId);
      const inCell = layout.cellCards.get(cellKey(box.stageId, box.laneId))?.length ?? 1;
      let target: { stageIndex: number; laneIndex: number; index: number | undefined } | null = null;
      switch (event.key) {
        case 'ArrowLeft':
          target = { stageIndex: stageIndex - 1, laneIndex, index: box.index };
          break;
        case 'ArrowRight':
          target = { stageIndex: stageIndex + 1, laneIndex, index: box.index };
          break;
        case 'ArrowUp':
          target =
            box.index > 0 ? { stageIndex, laneIndex, index: box.index - 1 } : { stageIndex, laneIndex: laneIndex - 1, index: undefined };
          break;
        case 'ArrowDown':
          target =
            box.index < inCell - 1 ? { stageIndex, laneIndex, index: box.index + 1 } : { stageIndex, laneIndex: laneIndex + 1, index: 0 };
          break;
        default:
          return;
      }
      event.preventDefault();
      const stage = layout.stages[target.stageIndex];
      const lane = layout.lanes[target.laneIndex];
      if (!stage || !lane) return;
      propose([{ ids: [id], stageId: stage.id, laneId: lane.id, ...(target.index === undefined ? {} : { index: target.index }) }]);
      const moved = computeLayout(session.getBoard()).cards.get(id);
      if (moved) reveal(moved);
    },
    [propose, session, layoutRef, reveal, uiStore, viewOnly],
  );
}

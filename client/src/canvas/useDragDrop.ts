import type { Board, CardId, CardKind, LaneId, StageId } from '@rejse/shared';
import { type OnNodeDrag, type XYPosition, useReactFlow } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { useCommands, useSession } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import type { KindQuestion } from './KindChangeDialog.tsx';
import { kindMismatches } from './kinds.ts';
import { cellAt, dropIndex, type GridLayout } from './layout.ts';
import { planGroupMove, type CellMove } from './moves.ts';
import type { BoardNode, CardNode } from './types.ts';

/**
 * Dragging cards by the pointer: while a drag lasts the cell under the pointer is the drop
 * target (outlined by the canvas); on release the cards go to that cell, the others of a group
 * shifted by as many stages and lanes, in one write. Cards coming into a lane meant for another
 * kind wait for the answer to "change their kind?" (`pendingDrop`), whether dragged or moved by
 * the arrow keys (`proposeMoves`).
 */

const NO_DRAG: ReadonlyMap<string, XYPosition> = new Map();

type Cell = { stageId: StageId; laneId: LaneId };
const sameCell = (a: Cell | null, b: Cell | null): boolean => a?.stageId === b?.stageId && a?.laneId === b?.laneId;

/** A drop waiting for the answer to "change the cards' kind?". */
export interface PendingDrop {
  moves: CellMove[];
  changes: Array<{ id: string; to: CardKind }>;
  question: KindQuestion;
}

/** The pointer's screen position in a drag event (mouse, or the touch that moved or ended). */
function pointerOf(event: { clientX?: unknown; clientY?: unknown; changedTouches?: TouchList }): XYPosition | null {
  if (typeof event.clientX === 'number' && typeof event.clientY === 'number') return { x: event.clientX, y: event.clientY };
  const touch = event.changedTouches?.[0];
  return touch ? { x: touch.clientX, y: touch.clientY } : null;
}

export function useDragDrop(layout: GridLayout, board: Board) {
  // Read by the drag handlers at the moment of the event, without re-creating them on every change.
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const boardRef = useRef(board);
  boardRef.current = board;
  const commands = useCommands();
  const session = useSession();
  const t = useT();
  const { screenToFlowPosition } = useReactFlow();
  /** Where the dragged cards are drawn meanwhile (React Flow's positions), by card id. */
  const [drag, setDrag] = useState<ReadonlyMap<string, XYPosition>>(NO_DRAG);
  const [dropCell, setDropCell] = useState<Cell | null>(null);
  const [pendingDrop, setPendingDrop] = useState<PendingDrop | null>(null);
  const lastPointer = useRef<XYPosition | null>(null);

  /** Outlines the cell under the pointer (a screen point) as the drop target. */
  const aimAt = useCallback(
    (pointer: XYPosition) => {
      lastPointer.current = pointer;
      const cell = cellAt(layoutRef.current, screenToFlowPosition(pointer));
      setDropCell((previous) => (sameCell(previous, cell) ? previous : cell));
    },
    [screenToFlowPosition],
  );

  const onNodeDrag: OnNodeDrag<BoardNode> = useCallback(
    (event, node) => {
      if (node.type !== 'card') return;
      const pointer = pointerOf(event as unknown as MouseEvent);
      if (pointer) aimAt(pointer);
    },
    [aimAt],
  );

  const applyMoves = useCallback(
    (moves: readonly CellMove[], changes: ReadonlyArray<{ id: string; to: CardKind }> = []) => {
      if (moves.length === 1 && changes.length === 0 && moves[0]) {
        const [{ ids: moving, ...to }] = moves;
        commands.moveCards(moving, to);
        return;
      }
      // The kind changes and the moves are one step: one undo puts everything back.
      session.batch(() => {
        for (const { id, to } of changes) commands.updateCard(id as CardId, { kind: to });
        for (const { ids: moving, ...to } of moves) commands.moveCards(moving, to);
      });
    },
    [commands, session],
  );

  /**
   * Moves cards as planned, or first asks "change their kind?" when some come into a lane meant
   * for another kind: by the pointer and by the arrow keys alike.
   */
  const proposeMoves = useCallback(
    (moves: readonly CellMove[]) => {
      const byId = new Map(boardRef.current.cards.map((c) => [c.id as string, c]));
      const lanes = new Map(boardRef.current.lanes.map((l) => [l.id as string, l]));
      const mismatches = kindMismatches(
        moves,
        (id) => byId.get(id),
        (id) => lanes.get(id)?.kind,
      );
      const first = mismatches[0];
      if (first) {
        const laneId = moves.find((m) => m.ids.includes(first.id as CardId))?.laneId;
        setPendingDrop({
          moves: [...moves],
          changes: mismatches,
          question: {
            count: mismatches.length,
            from: first.from,
            to: first.to,
            laneTitle: (laneId ? lanes.get(laneId)?.title : '') || t('lane.new'),
          },
        });
      } else if (moves.length > 0) applyMoves(moves);
    },
    [applyMoves, t],
  );

  /**
   * Drops cards where the pointer (a screen point) is: the grabbed card into the cell and place
   * under it, the others of a group shifted by as many stages and lanes (`proposeMoves`).
   * Nothing happens outside the grid.
   */
  const dropAt = useCallback(
    (dragged: readonly CardId[], grabbed: CardId, pointer: XYPosition) => {
      const current = layoutRef.current;
      const box = current.cards.get(grabbed);
      // The pointer, not the card's centre, says where the cards go (a card is grabbed anywhere).
      const at = screenToFlowPosition(pointer);
      const target = cellAt(current, at);
      if (dragged.length === 0 || !box || !target) return;
      // Keep the moved cards in their reading order.
      const order = new Map(boardRef.current.cards.map((c, i) => [c.id as string, i]));
      const ids = [...dragged].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const index = dropIndex(current, target.stageId, target.laneId, at.y, new Set(ids));
      const unchanged = ids.length === 1 && box.stageId === target.stageId && box.laneId === target.laneId && box.index === index;
      if (unchanged) return;
      proposeMoves(planGroupMove(current, ids, grabbed, { ...target, index }));
    },
    [proposeMoves, screenToFlowPosition],
  );

  /** Ends an aim: no cell outlined any more. */
  const stopAiming = useCallback(() => {
    lastPointer.current = null;
    setDropCell(null);
  }, []);

  const onNodeDragStop: OnNodeDrag<BoardNode> = useCallback(
    (event, node, dragged) => {
      const cards = dragged.filter((n): n is CardNode => n.type === 'card').map((n) => n.id as CardId);
      const pointer = pointerOf(event as unknown as MouseEvent) ?? lastPointer.current;
      if (pointer) dropAt(cards, node.id as CardId, pointer);
      // Outside the grid (or while asking) the card snaps back: its position comes from the document again.
      stopAiming();
      const ids = new Set(dragged.map((n) => n.id));
      setDrag((previous) => {
        const next = new Map(previous);
        for (const id of ids) next.delete(id);
        return next.size ? next : NO_DRAG;
      });
    },
    [dropAt, stopAiming],
  );

  return {
    drag,
    setDrag,
    dropCell,
    pendingDrop,
    setPendingDrop,
    onNodeDrag,
    onNodeDragStop,
    applyMoves,
    proposeMoves,
    aimAt,
    dropAt,
    stopAiming,
  };
}

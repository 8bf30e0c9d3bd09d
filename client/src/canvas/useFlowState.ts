import type { Board } from '@rejse/shared';
import type { XYPosition } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { GridLayout } from './layout.ts';
import { boardToEdges, boardToNodes, reconcileEdges, reconcileNodes, type CardLabel } from './toFlow.ts';
import type { BoardNode, LinkEdge } from './types.ts';

/**
 * Nodes and edges for React Flow: derived from the board (identity kept for unchanged
 * nodes), then overlaid with the local-only state — selection and in-progress drags.
 */
export function useFlowElements(
  board: Board,
  layout: GridLayout,
  selectedCards: readonly string[],
  selectedLinks: readonly string[],
  drag: ReadonlyMap<string, XYPosition>,
  linkLabel: (fromText: string, toText: string) => string,
  cardLabel: CardLabel,
): { nodes: BoardNode[]; edges: LinkEdge[] } {
  const previousNodes = useRef<ReadonlyMap<string, BoardNode>>(new Map());
  const previousEdges = useRef<ReadonlyMap<string, LinkEdge>>(new Map());

  const derivedNodes = useMemo(() => {
    const next = reconcileNodes(previousNodes.current, boardToNodes(board, layout, cardLabel));
    previousNodes.current = new Map(next.map((n) => [n.id, n]));
    return next;
  }, [board, layout, cardLabel]);

  const derivedEdges = useMemo(() => {
    const next = reconcileEdges(previousEdges.current, boardToEdges(board, layout, linkLabel));
    previousEdges.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [board, layout, linkLabel]);

  // Selected versions of derived nodes, reused while neither changes.
  const selectedCache = useRef(new WeakMap<BoardNode, BoardNode>());
  const nodes = useMemo(() => {
    const selected = new Set(selectedCards);
    if (selected.size === 0 && drag.size === 0) return derivedNodes;
    return derivedNodes.map((node) => {
      const position = drag.get(node.id);
      if (position) return { ...node, position, selected: selected.has(node.id), dragging: true } as BoardNode;
      if (!selected.has(node.id)) return node;
      let cached = selectedCache.current.get(node);
      if (!cached) {
        cached = { ...node, selected: true } as BoardNode;
        selectedCache.current.set(node, cached);
      }
      return cached;
    });
  }, [derivedNodes, selectedCards, drag]);

  const edges = useMemo(() => {
    if (selectedLinks.length === 0) return derivedEdges;
    const selected = new Set(selectedLinks);
    return derivedEdges.map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge));
  }, [derivedEdges, selectedLinks]);

  return { nodes, edges };
}

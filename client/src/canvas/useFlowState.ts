import type { Board } from '@rejse/shared';
import type { XYPosition } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { GridLayout } from './layout.ts';
import { createNodeCache } from './flowCache.ts';
import { boardToEdges } from './toEdges.ts';
import { boardToNodes, type CardFigures, type CardLabel } from './toFlow.ts';
import type { BoardNode, CardNode, LinkEdge } from './types.ts';
import { metered } from '../doc/workMeter.ts';

/** Local-only state laid over the derived nodes: never in the document, never shared. */
export interface FlowOverlay {
  selectedCards: readonly string[];
  selectedLinks: readonly string[];
  editingCard: string | null;
  /** Cards matching the search/filter; null when no filter is set. */
  matches: ReadonlySet<string> | null;
  drag: ReadonlyMap<string, XYPosition>;
}

const NO_EDGES: LinkEdge[] = [];

interface Overlaid {
  key: string;
  node: BoardNode;
}

/**
 * Nodes and edges for React Flow: derived from the board (a card node only when its own
 * card, box or links changed; identity kept for unchanged nodes), then overlaid with the local-only state — selection, the card being edited,
 * the search highlight and in-progress drags. An overlaid node is cached per derived node
 * and overlay, so a node whose overlay did not change keeps its object and does not render.
 */
export function useFlowElements(
  board: Board,
  layout: GridLayout,
  overlay: FlowOverlay,
  linkLabel: (fromText: string, toText: string) => string,
  cardLabel: CardLabel,
  figures: CardFigures,
  privateIds?: ReadonlySet<string>,
  /** Below FAR_ZOOM the far layer draws cards and links: no card node and no edge is made. */
  far = false,
): { nodes: BoardNode[]; edges: LinkEdge[] } {
  const nodeCache = useRef(createNodeCache());

  // Equal nodes and edges keep their objects inside the deriver (toFlow.ts), which patches
  // its last lists when the doc binding names the cards a remote edit changed.
  const derivedNodes = useMemo(
    () => metered('nodes', () => boardToNodes(board, layout, cardLabel, figures, nodeCache.current, privateIds, !far)),
    [board, layout, cardLabel, figures, privateIds, far],
  );
  const derivedEdges = useMemo(
    () => (far ? NO_EDGES : metered('edges', () => boardToEdges(board, layout, linkLabel, nodeCache.current))),
    [board, layout, linkLabel, far],
  );

  const cache = useRef(new WeakMap<BoardNode, Overlaid>());
  /** The last overlaid list and what it was made from, to patch it when only a few derived nodes changed. */
  const lastOverlaid = useRef<{ derived: BoardNode[]; key: readonly unknown[]; nodes: BoardNode[] } | null>(null);
  const { selectedCards, selectedLinks, editingCard, matches, drag } = overlay;
  const nodes = useMemo(
    () =>
      metered('overlay', () => {
        const selected = new Set(selectedCards);
        if (selected.size === 0 && drag.size === 0 && editingCard === null && matches === null) {
          lastOverlaid.current = null;
          return derivedNodes;
        }
        const solo = selected.size === 1 ? selectedCards[0] : undefined;
        const overlayNode = (node: BoardNode): BoardNode => {
          if (node.type !== 'card') return node;
          const position = drag.get(node.id);
          const isSelected = selected.has(node.id);
          const editing = editingCard === node.id;
          const className = matches === null ? undefined : matches.has(node.id) ? 'is-match' : 'is-dimmed';
          if (position) return overlaid(node, { position, selected: isSelected, dragging: true, editing, solo: false, className });
          if (!isSelected && !editing && className === undefined) return node;
          const key = `${isSelected ? 's' : ''}${editing ? 'e' : ''}${solo === node.id ? 'o' : ''}${className ?? ''}`;
          const hit = cache.current.get(node);
          if (hit && hit.key === key) return hit.node;
          const next = overlaid(node, { selected: isSelected, editing, solo: solo === node.id, className });
          cache.current.set(node, { key, node: next });
          return next;
        };
        // The same overlay over a derived list that changed in a few places (a remote keystroke
        // while something is selected): overlay only the nodes that are new objects.
        const key = [selectedCards, drag, editingCard, matches] as const;
        const last = lastOverlaid.current;
        let result: BoardNode[];
        if (last?.key.every((part, i) => part === key[i]) && last.derived.length === derivedNodes.length) {
          result = last.nodes;
          derivedNodes.forEach((node, i) => {
            if (node === last.derived[i]) return;
            if (result === last.nodes) result = last.nodes.slice();
            result[i] = overlayNode(node);
          });
        } else {
          result = derivedNodes.map(overlayNode);
        }
        lastOverlaid.current = { derived: derivedNodes, key, nodes: result };
        return result;
      }),
    [derivedNodes, selectedCards, drag, editingCard, matches],
  );

  const edges = useMemo(() => {
    if (selectedLinks.length === 0 && matches === null) return derivedEdges;
    const selected = new Set(selectedLinks);
    return derivedEdges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const dimmed = matches !== null && !(matches.has(edge.source) && matches.has(edge.target));
      if (!isSelected && !dimmed) return edge;
      return { ...edge, selected: isSelected, ...(dimmed ? { className: 'is-dimmed' } : {}) };
    });
  }, [derivedEdges, selectedLinks, matches]);

  return { nodes, edges };
}

function overlaid(
  node: CardNode,
  o: {
    position?: XYPosition;
    selected: boolean;
    dragging?: boolean;
    editing: boolean;
    solo: boolean;
    className: string | undefined;
  },
): BoardNode {
  const data =
    o.editing || o.solo ? { ...node.data, ...(o.editing ? { editing: true } : {}), ...(o.solo ? { solo: true } : {}) } : node.data;
  return {
    ...node,
    ...(o.position ? { position: o.position, dragging: true } : {}),
    selected: o.selected,
    data,
    ...(o.className ? { className: o.className } : {}),
  };
}

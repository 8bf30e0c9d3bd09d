import type { Board, Card, Link } from '@rejse/shared';
import { CardIndex, LinkFacts } from './cardFacts.ts';
import type { EmotionNodeCache } from './emotionNode.ts';
import type { CardBox, GridLayout } from './layout.ts';
import type { CardFigures, CardLabel } from './toFlow.ts';
import type { CachedEdge, DerivedEdges } from './toEdges.ts';
import type { BoardNode, CardNode } from './types.ts';

/**
 * What a node deriver keeps between boards: card nodes made before, per card object (a card
 * whose object, box, links and labels are the same gets its previous node back without being
 * derived again — the doc binding keeps an unchanged card's object, the layout an unchanged
 * cell's boxes), the cards by id and the link facts.
 */
export interface NodeCache {
  cardNodes: WeakMap<Card, CachedCardNode>;
  index: CardIndex;
  links: LinkFacts;
  /** The grid's cells and headers, kept while the stages, lanes and lane heights are the same. */
  grid: {
    key: string;
    stages: Board['stages'] | null;
    lanes: Board['lanes'] | null;
    cells: BoardNode[];
    headers: BoardNode[];
  };
  edges: WeakMap<Link, CachedEdge>;
  /** The emotion curve's node and what it was derived from (see emotionNode.ts). */
  emotion: EmotionNodeCache | null;
  /** The last node list and what it was derived from, to patch it when few cards changed. */
  nodes: DerivedNodes | null;
  /** The grid-and-curve list given below FAR_ZOOM, kept while they are the same. */
  gridOnly: { grid: NodeCache['grid']; emotion: BoardNode | null; list: BoardNode[] } | null;
  /** The last edge list and what it was derived from, kept while no link's ends changed. */
  edgeList: DerivedEdges | null;
}

export interface DerivedNodes {
  board: Board;
  layout: GridLayout;
  cardLabel: CardLabel;
  figures: CardFigures;
  privateIds: ReadonlySet<string>;
  grid: NodeCache['grid'];
  emotion: BoardNode | null;
  /** Where the emotion node stands in `list` (-1: none). */
  emotionAt: number;
  list: BoardNode[];
  /** Each card node's place in `list`. */
  places: Map<string, number>;
}

interface CachedCardNode {
  box: CardBox;
  linkCount: number;
  relatedNames: string;
  related: number;
  cardLabel: CardLabel;
  figures: CardFigures;
  isPrivate: boolean;
  node: CardNode;
}

export const createNodeCache = (): NodeCache => ({
  cardNodes: new WeakMap(),
  index: new CardIndex(),
  links: new LinkFacts(),
  grid: { key: '', stages: null, lanes: null, cells: [], headers: [] },
  edges: new WeakMap(),
  emotion: null,
  nodes: null,
  gridOnly: null,
  edgeList: null,
});

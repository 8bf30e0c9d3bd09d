import type { Board, Card, Link } from '@rejse/shared';
import { CardIndex, LinkFacts } from './cardFacts.ts';
import { MarkerType } from '@xyflow/react';
import { cardsChangedSince } from '../doc/binding.ts';
import { emotionNode, type EmotionNodeCache } from './emotionNode.ts';
import { boxesChangedSince, type CardBox, type GridLayout, type Rect } from './layout.ts';
import { nodeId, Z, type BoardNode, type CardNode, type CellNode, type LinkEdge } from './types.ts';

/**
 * The one place where the board becomes React Flow nodes and edges. Everything is
 * derived from the document's records and the layout. A card node is derived again only
 * when its card, box, links or labels changed (`CachedCardNode`); every other node that did
 * not change keeps its previous object, so memoised node components skip rendering. When
 * the doc binding and the layout can tell which cards and boxes changed since the last
 * list (a remote keystroke), the last list is patched at those cards instead of walked.
 */
const fixed = (rect: Rect) => ({
  position: { x: rect.x, y: rect.y },
  width: rect.width,
  height: rect.height,
  // Sizes are known from the layout; telling React Flow keeps them through re-derivation.
  measured: { width: rect.width, height: rect.height },
});

const inert = { draggable: false, selectable: false, deletable: false, connectable: false, focusable: false } as const;
/** Grid nodes are not selectable, yet take double-clicks and hold buttons. */
const interactive = { pointerEvents: 'all' } as const;

/** The accessible name of a card node, e.g. "Pain point: Letter does not say…" (saying so when it is private). */
export type CardLabel = (kind: Card['kind'], text: string, isPrivate?: boolean) => string;

/** A touchpoint's figures as one short line in the board's locale, or null when it has none. */
export type CardFigures = (card: Card) => string | null;

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
  /** The last edge list and what it was derived from, kept while no link's ends changed. */
  edgeList: DerivedEdges | null;
}

interface DerivedNodes {
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

interface DerivedEdges {
  board: Board;
  layout: GridLayout;
  label: (fromText: string, toText: string) => string;
  list: LinkEdge[];
  byId: Map<string, LinkEdge>;
  /** The cards at either end of a link. */
  ends: ReadonlySet<string>;
}

interface CachedEdge {
  from: CardBox;
  to: CardBox;
  fromText: string;
  toText: string;
  label: (fromText: string, toText: string) => string;
  edge: LinkEdge;
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
  edgeList: null,
});

/** What the grid's nodes depend on besides the stage and lane records: their count and the lanes' heights. */
const gridKey = (layout: GridLayout): string =>
  `${layout.stages.length}|${layout.lanes.map((lane) => `${lane.y}:${lane.height}`).join(',')}`;

// Defaults as constants: a node is reused only for the same label functions.
const textAsLabel: CardLabel = (_kind, text) => text;
const noFigures: CardFigures = () => null;
const noLinkLabel = (): string => '';
const NO_PRIVATE: ReadonlySet<string> = new Set();

/** The grid's cells, stage and lane headers and "+" nodes. */
function gridNodes(board: Board, layout: GridLayout): { cells: BoardNode[]; headers: BoardNode[] } {
  const cells: BoardNode[] = [];
  const headers: BoardNode[] = [];
  const stageTitle = new Map<string, string>(board.stages.map((s) => [s.id, s.title]));
  const laneTitle = new Map<string, string>(board.lanes.map((l) => [l.id, l.title]));

  for (const stage of layout.stages) {
    for (const lane of layout.lanes) {
      const cell: CellNode = {
        id: nodeId.cell(stage.id, lane.id),
        type: 'cell',
        style: interactive,
        ...fixed({ x: stage.x, y: lane.y, width: stage.width, height: lane.height }),
        ...inert,
        zIndex: Z.cell,
        data: {
          stageId: stage.id,
          laneId: lane.id,
          stageTitle: stageTitle.get(stage.id) ?? '',
          laneTitle: laneTitle.get(lane.id) ?? '',
        },
      };
      cells.push(cell);
    }
  }

  layout.stages.forEach((stage, index) => {
    headers.push({
      id: nodeId.stage(stage.id),
      type: 'stage',
      style: interactive,
      ...fixed(stage),
      ...inert,
      zIndex: Z.header,
      data: { stageId: stage.id, title: stageTitle.get(stage.id) ?? '', index, count: layout.stages.length },
    });
  });
  layout.lanes.forEach((lane, index) => {
    headers.push({
      id: nodeId.lane(lane.id),
      type: 'lane',
      style: interactive,
      ...fixed(lane),
      ...inert,
      zIndex: Z.header,
      data: {
        laneId: lane.id,
        title: laneTitle.get(lane.id) ?? '',
        kind: lane.kind,
        index,
        count: layout.lanes.length,
      },
    });
  });
  const addNode = { ...inert, zIndex: Z.header, style: interactive, data: {} };
  headers.push({ id: nodeId.addStage, type: 'addStage', ...fixed(layout.addStage), ...addNode });
  headers.push({ id: nodeId.addLane, type: 'addLane', ...fixed(layout.addLane), ...addNode });

  return { cells, headers };
}

export function boardToNodes(
  board: Board,
  layout: GridLayout,
  cardLabel: CardLabel = textAsLabel,
  figures: CardFigures = noFigures,
  cache: NodeCache = createNodeCache(),
  /** This person's private cards among `board.cards` (drawn marked, in their view only). */
  privateIds: ReadonlySet<string> = NO_PRIVATE,
): BoardNode[] {
  const last = cache.nodes;
  // Which cards and boxes may differ from the last list's (null: not known, walk them all).
  const changedCards = last ? cardsChangedSince(board, last.board) : null;
  const changedBoxes = last ? boxesChangedSince(layout, last.layout) : null;

  const key = gridKey(layout);
  if (cache.grid.stages !== board.stages || cache.grid.lanes !== board.lanes || cache.grid.key !== key) {
    const made = gridNodes(board, layout);
    const before = new Map([...cache.grid.cells, ...cache.grid.headers].map((node) => [node.id, node]));
    cache.grid = {
      key,
      stages: board.stages,
      lanes: board.lanes,
      cells: reconcileNodes(before, made.cells),
      headers: reconcileNodes(before, made.headers),
    };
  }
  cache.index.update(board);
  const before = cache.emotion;
  const curve = emotionNode(board, layout, before, cache.index);
  if (curve) {
    // A curve derived afresh but equal keeps its object.
    if (before && curve.fresh && sameNode(before.node, curve.node)) curve.node = before.node;
    cache.emotion = curve;
  }
  const emotion = curve?.node ?? null;
  const affected = cache.links.update(board, cache.index);

  if (
    last &&
    changedCards &&
    changedBoxes &&
    affected &&
    last.grid === cache.grid &&
    (emotion === null) === (last.emotion === null) &&
    last.cardLabel === cardLabel &&
    last.figures === figures &&
    last.privateIds === privateIds
  ) {
    const list = patchCards(last, [changedCards, changedBoxes, affected], emotion, (id) => {
      const entry = cache.index.get(id);
      const box = layout.cards.get(id);
      return entry && box ? cardNode(entry.card, box, cache, cardLabel, figures, privateIds) : null;
    });
    if (list) {
      cache.nodes = { ...last, board, layout, emotion, list };
      return list;
    }
  }

  const list: BoardNode[] = [...cache.grid.cells];
  const emotionAt = emotion ? list.push(emotion) - 1 : -1;
  list.push(...cache.grid.headers);
  const places = new Map<string, number>();
  for (const card of board.cards) {
    const box = layout.cards.get(card.id);
    if (!box) continue;
    places.set(card.id, list.push(cardNode(card, box, cache, cardLabel, figures, privateIds)) - 1);
  }
  cache.nodes = { board, layout, cardLabel, figures, privateIds, grid: cache.grid, emotion, emotionAt, list, places };
  return list;
}

/**
 * The last list with the nodes of the named cards derived again (cards edited in place, boxes
 * moved, link facts changed) and the curve's node replaced: a copy when a node changed, the
 * last list itself when none did. Null when one of them had no node or has no box now (a
 * card that came into or left the grid: the list is walked instead).
 */
function patchCards(
  last: DerivedNodes,
  changed: readonly ReadonlySet<string>[],
  emotion: BoardNode | null,
  derive: (id: string) => CardNode | null,
): BoardNode[] | null {
  let list: BoardNode[] | null = null;
  const put = (place: number, node: BoardNode): void => {
    if (last.list[place] === node) return;
    list ??= last.list.slice();
    list[place] = node;
  };
  for (const ids of changed) {
    for (const id of ids) {
      const place = last.places.get(id);
      const node = place === undefined ? null : derive(id);
      if (place === undefined || !node) return null;
      put(place, node);
    }
  }
  if (emotion && last.emotionAt >= 0) put(last.emotionAt, emotion);
  return list ?? last.list;
}

/** A card's node: the cached one while its card, box, link facts and labels are the same. */
function cardNode(
  card: Card,
  box: CardBox,
  cache: NodeCache,
  cardLabel: CardLabel,
  figures: CardFigures,
  privateIds: ReadonlySet<string>,
): CardNode {
  const { linkCount, related, names } = cache.links;
  const others = related.get(card.id)?.length ?? 0;
  const relatedNames = names.get(card.id) ?? '';
  const links = linkCount.get(card.id) ?? 0;
  const hit = cache.cardNodes.get(card);
  const isPrivate = privateIds.has(card.id);
  if (
    hit &&
    hit.isPrivate === isPrivate &&
    hit.box === box &&
    hit.linkCount === links &&
    hit.related === others &&
    hit.relatedNames === relatedNames &&
    hit.cardLabel === cardLabel &&
    hit.figures === figures
  ) {
    return hit.node;
  }
  const node: CardNode = {
    id: card.id,
    type: 'card',
    ...fixed(box),
    zIndex: Z.card,
    connectable: true,
    ariaLabel: cardLabel(card.kind, card.text, isPrivate),
    data: {
      kind: card.kind,
      text: card.text,
      channel: card.channel ?? null,
      customChannel: card.channel ? null : (card.customChannel ?? null),
      emotion: card.emotion ?? null,
      stageId: box.stageId,
      laneId: box.laneId,
      lines: box.lines,
      linkCount: links,
      truncated: box.truncated,
      figures: box.figures ? figures(card) : null,
      related: others,
      relatedNames,
      ...(isPrivate ? { private: true } : {}),
    },
  };
  cache.cardNodes.set(card, { box, linkCount: links, related: others, relatedNames, cardLabel, figures, isPrivate, node });
  return node;
}

/**
 * The links' edges. A link whose ends' cards and boxes did not change since the last list
 * keeps its edge; when no link's ends changed (a keystroke in an unlinked card), the last
 * list itself is given back.
 */
export function boardToEdges(
  board: Board,
  layout: GridLayout,
  label: (fromText: string, toText: string) => string = noLinkLabel,
  cache: NodeCache = createNodeCache(),
): LinkEdge[] {
  const last = cache.edgeList;
  if (last && last.board.links === board.links && last.label === label) {
    const changedCards = cardsChangedSince(board, last.board);
    const changedBoxes = boxesChangedSince(layout, last.layout);
    const linked = (ids: ReadonlySet<string>): boolean => [...ids].some((id) => last.ends.has(id));
    if (changedCards && changedBoxes && !linked(changedCards) && !linked(changedBoxes)) {
      cache.edgeList = { ...last, board, layout };
      return last.list;
    }
  }
  const edges: LinkEdge[] = [];
  cache.index.update(board);
  const text = (id: string): string => cache.index.get(id)?.card.text ?? '';
  for (const link of board.links) {
    const from = layout.cards.get(link.from);
    const to = layout.cards.get(link.to);
    if (!from || !to) continue;
    const fromText = text(link.from);
    const toText = text(link.to);
    const hit = cache.edges.get(link);
    if (hit && hit.from === from && hit.to === to && hit.fromText === fromText && hit.toText === toText && hit.label === label) {
      edges.push(hit.edge);
      continue;
    }
    // Leave from the side that faces the other card, so links between lanes stay short.
    const fromAbove = from.y + from.height / 2 <= to.y + to.height / 2;
    const made: LinkEdge = {
      id: link.id,
      source: link.from,
      target: link.to,
      sourceHandle: fromAbove ? 'bottom' : 'top',
      targetHandle: fromAbove ? 'top' : 'bottom',
      zIndex: Z.link,
      ariaLabel: label(fromText, toText),
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      data: {},
    };
    // An edge made again but equal to the last one keeps that object.
    const before = last?.byId.get(link.id);
    const edge = before && sameEdge(before, made) ? before : made;
    cache.edges.set(link, { from, to, fromText, toText, label, edge });
    edges.push(edge);
  }
  const kept = last !== null && last.board.links === board.links && sameItems(edges, last.list);
  const list = kept ? last.list : edges;
  const ends = kept ? last.ends : new Set(board.links.flatMap((link) => [link.from as string, link.to as string]));
  cache.edgeList = { board, layout, label, list, byId: kept ? last.byId : new Map(list.map((e) => [e.id, e])), ends };
  return list;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

const sameEdge = (a: LinkEdge, b: LinkEdge): boolean =>
  a.source === b.source &&
  a.target === b.target &&
  a.sourceHandle === b.sourceHandle &&
  a.targetHandle === b.targetHandle &&
  a.ariaLabel === b.ariaLabel;

/**
 * Equal plain data, compared field by field (arrays item by item) a few levels deep: node
 * data is small and plain (the emotion curve's points are the deepest, at two levels).
 */
function sameValue(a: unknown, b: unknown, depth = 3): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i], depth - 1));
  }
  const x = a as Readonly<Record<string, unknown>>;
  const y = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => sameValue(x[key], y[key], depth - 1));
}

function sameRecord(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameValue(a[key], b[key]));
}

function sameNode(a: BoardNode, b: BoardNode): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.zIndex === b.zIndex &&
    a.ariaLabel === b.ariaLabel &&
    sameRecord(a.data, b.data)
  );
}

/** `next`, with every node equal to its previous version (by id) replaced by that previous object. */
export const reconcileNodes = (previous: ReadonlyMap<string, BoardNode>, next: BoardNode[]): BoardNode[] =>
  next.map((node) => {
    const before = previous.get(node.id);
    return before && (before === node || sameNode(before, node)) ? before : node;
  });

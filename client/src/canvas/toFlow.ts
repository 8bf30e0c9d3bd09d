import { emotionCurve, type Board, type Card } from '@rejse/shared';
import { painIdeaRelations } from './relations.ts';
import { MarkerType } from '@xyflow/react';
import { CURVE } from './curve.ts';
import { emotionHostLane, GRID, type CardBox, type GridLayout, type Rect } from './layout.ts';
import { nodeId, Z, type BoardNode, type CardNode, type CellNode, type LinkEdge } from './types.ts';

/**
 * The one place where the board becomes React Flow nodes and edges. Everything is
 * derived from the document's records and the layout. A card node is derived again only
 * when its card, box, links or labels changed (`CardNodeCache`); `reconcile` reuses the
 * previous object of every other node that did not change, so memoised node components
 * skip rendering.
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

/** The accessible name of a card node, e.g. "Pain point: Letter does not say…". */
export type CardLabel = (kind: Card['kind'], text: string) => string;

/** A touchpoint's figures as one short line in the board's locale, or null when it has none. */
export type CardFigures = (card: Card) => string | null;

/** Related cards listed in a tooltip, at most; longer texts are cut. */
const RELATED_SHOWN = 8;
const RELATED_CHARS = 80;

/** Standard deviation of each stage's touchpoint emotions (the spread shown with the curve). */
function emotionSpread(board: Board): Map<string, number> {
  const scores = new Map<string, number[]>();
  for (const card of board.cards) {
    if (card.kind !== 'touchpoint' || card.emotion === undefined) continue;
    const list = scores.get(card.stageId);
    if (list) list.push(card.emotion);
    else scores.set(card.stageId, [card.emotion]);
  }
  const out = new Map<string, number>();
  for (const [stageId, list] of scores) {
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    out.set(stageId, Math.sqrt(list.reduce((sum, v) => sum + (v - mean) ** 2, 0) / list.length));
  }
  return out;
}

/**
 * Card nodes made before, per card object: a card whose object, box, links and labels are
 * the same gets its previous node back without being derived again (the doc binding keeps
 * an unchanged card's object, the layout an unchanged cell's boxes).
 */
export type CardNodeCache = WeakMap<Card, CachedCardNode>;

interface CachedCardNode {
  box: CardBox;
  linkCount: number;
  relatedNames: string;
  related: number;
  cardLabel: CardLabel;
  figures: CardFigures;
  node: CardNode;
}

export const createCardNodeCache = (): CardNodeCache => new WeakMap();

/** Cards by id with their reading position, once per card list. */
const indexes = new WeakMap<readonly Card[], ReadonlyMap<string, { card: Card; position: number }>>();
export function cardIndex(cards: readonly Card[]): ReadonlyMap<string, { card: Card; position: number }> {
  let index = indexes.get(cards);
  if (!index) {
    index = new Map(cards.map((card, position) => [card.id as string, { card, position }]));
    indexes.set(cards, index);
  }
  return index;
}

export function boardToNodes(
  board: Board,
  layout: GridLayout,
  cardLabel: CardLabel = (_kind, text) => text,
  figures: CardFigures = () => null,
  cache: CardNodeCache = createCardNodeCache(),
): BoardNode[] {
  const nodes: BoardNode[] = [];
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
      nodes.push(cell);
    }
  }

  const host = emotionHostLane(layout);
  const spread = emotionSpread(board);
  if (host && layout.stages.length > 0) {
    nodes.push({
      id: nodeId.emotion,
      type: 'emotion',
      ...fixed({
        x: layout.grid.x - CURVE.axisWidth,
        y: host.y,
        width: layout.grid.width + CURVE.axisWidth,
        height: host.height,
      }),
      ...inert,
      zIndex: Z.curve,
      data: {
        points: emotionCurve(board).map((p) => ({
          stageId: p.stageId,
          index: p.index,
          count: p.count,
          mean: p.mean,
          min: p.min,
          max: p.max,
          sd: p.mean === null ? null : (spread.get(p.stageId) ?? 0),
        })),
        titles: Object.fromEntries(stageTitle),
        stageWidth: GRID.stageWidth,
        overlay: host.kind !== 'emotions',
      },
    });
  }

  layout.stages.forEach((stage, index) => {
    nodes.push({
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
    nodes.push({
      id: nodeId.lane(lane.id),
      type: 'lane',
      style: interactive,
      ...fixed(lane),
      ...inert,
      zIndex: Z.header,
      data: { laneId: lane.id, title: laneTitle.get(lane.id) ?? '', kind: lane.kind, index, count: layout.lanes.length },
    });
  });
  const addNode = { ...inert, zIndex: Z.header, style: interactive, data: {} };
  nodes.push({ id: nodeId.addStage, type: 'addStage', ...fixed(layout.addStage), ...addNode });
  nodes.push({ id: nodeId.addLane, type: 'addLane', ...fixed(layout.addLane), ...addNode });

  const linkCount = new Map<string, number>();
  for (const link of board.links) {
    linkCount.set(link.from, (linkCount.get(link.from) ?? 0) + 1);
    linkCount.set(link.to, (linkCount.get(link.to) ?? 0) + 1);
  }
  const index = cardIndex(board.cards);
  const related = painIdeaRelations(board, index);
  for (const card of board.cards) {
    const box = layout.cards.get(card.id);
    if (!box) continue;
    const others = related.get(card.id) ?? [];
    const relatedNames = others.length === 0 ? '' : namesOf(others, index);
    const links = linkCount.get(card.id) ?? 0;
    const hit = cache.get(card);
    if (
      hit &&
      hit.box === box &&
      hit.linkCount === links &&
      hit.related === others.length &&
      hit.relatedNames === relatedNames &&
      hit.cardLabel === cardLabel &&
      hit.figures === figures
    ) {
      nodes.push(hit.node);
      continue;
    }
    const node: CardNode = {
      id: card.id,
      type: 'card',
      ...fixed(box),
      zIndex: Z.card,
      connectable: true,
      ariaLabel: cardLabel(card.kind, card.text),
      data: {
        kind: card.kind,
        text: card.text,
        channel: card.channel ?? null,
        emotion: card.emotion ?? null,
        stageId: box.stageId,
        laneId: box.laneId,
        lines: box.lines,
        linkCount: links,
        truncated: box.truncated,
        figures: box.figures ? figures(card) : null,
        related: others.length,
        relatedNames,
      },
    };
    cache.set(card, { box, linkCount: links, related: others.length, relatedNames, cardLabel, figures, node });
    nodes.push(node);
  }
  return nodes;
}

/** The related cards' texts for a tooltip, one per line, each cut short, at most RELATED_SHOWN. */
function namesOf(ids: readonly string[], index: ReadonlyMap<string, { card: Card }>): string {
  const names = ids.slice(0, RELATED_SHOWN).map((id) => {
    const text = (index.get(id)?.card.text ?? '').replace(/\s+/g, ' ').trim();
    return text.length > RELATED_CHARS ? `${text.slice(0, RELATED_CHARS - 1)}…` : text;
  });
  if (ids.length > RELATED_SHOWN) names.push('…');
  return names.join('\n');
}

export function boardToEdges(
  board: Board,
  layout: GridLayout,
  label: (fromText: string, toText: string) => string = () => '',
): LinkEdge[] {
  const edges: LinkEdge[] = [];
  const index = board.links.length > 0 ? cardIndex(board.cards) : null;
  const text = (id: string): string => index?.get(id)?.card.text ?? '';
  for (const link of board.links) {
    const from = layout.cards.get(link.from);
    const to = layout.cards.get(link.to);
    if (!from || !to) continue;
    // Leave from the side that faces the other card, so links between lanes stay short.
    const fromAbove = from.y + from.height / 2 <= to.y + to.height / 2;
    edges.push({
      id: link.id,
      source: link.from,
      target: link.to,
      sourceHandle: fromAbove ? 'bottom' : 'top',
      targetHandle: fromAbove ? 'top' : 'bottom',
      zIndex: Z.link,
      ariaLabel: label(text(link.from), text(link.to)),
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      data: {},
    });
  }
  return edges;
}

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

/** `next`, with every node equal to its previous version replaced by that previous object. */
export function reconcile<T extends { id: string }>(
  previous: ReadonlyMap<string, T>,
  next: T[],
  same: (a: T, b: T) => boolean,
): T[] {
  return next.map((node) => {
    const before = previous.get(node.id);
    return before && (before === node || same(before, node)) ? before : node;
  });
}

export const reconcileNodes = (previous: ReadonlyMap<string, BoardNode>, next: BoardNode[]): BoardNode[] =>
  reconcile(previous, next, sameNode);

export const reconcileEdges = (previous: ReadonlyMap<string, LinkEdge>, next: LinkEdge[]): LinkEdge[] =>
  reconcile(
    previous,
    next,
    (a, b) =>
      a.source === b.source &&
      a.target === b.target &&
      a.sourceHandle === b.sourceHandle &&
      a.targetHandle === b.targetHandle &&
      a.ariaLabel === b.ariaLabel,
  );

import { emotionCurve, type Board, type Card } from '@rejse/shared';
import { painIdeaRelations } from './relations.ts';
import { MarkerType } from '@xyflow/react';
import { CURVE } from './curve.ts';
import { emotionHostLane, GRID, type GridLayout, type Rect } from './layout.ts';
import { nodeId, Z, type BoardNode, type CardNode, type CellNode, type LinkEdge } from './types.ts';

/**
 * The one place where the board becomes React Flow nodes and edges. Everything is
 * derived from the document snapshot and the layout; `reconcile` then reuses the previous
 * object of every node that did not change, so memoised node components skip rendering.
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

export function boardToNodes(
  board: Board,
  layout: GridLayout,
  cardLabel: CardLabel = (_kind, text) => text,
  figures: CardFigures = () => null,
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
  const related = painIdeaRelations(board);
  const textOf = new Map<string, string>(board.cards.map((c) => [c.id, c.text]));
  for (const card of board.cards) {
    const box = layout.cards.get(card.id);
    if (!box) continue;
    const others = related.get(card.id) ?? [];
    const names = others.slice(0, RELATED_SHOWN).map((id) => {
      const text = (textOf.get(id) ?? '').replace(/\s+/g, ' ').trim();
      return text.length > RELATED_CHARS ? `${text.slice(0, RELATED_CHARS - 1)}…` : text;
    });
    if (others.length > RELATED_SHOWN) names.push('…');
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
        linkCount: linkCount.get(card.id) ?? 0,
        truncated: box.truncated,
        figures: box.figures ? figures(card) : null,
        related: others.length,
        relatedNames: names.join('\n'),
      },
    };
    nodes.push(node);
  }
  return nodes;
}

export function boardToEdges(
  board: Board,
  layout: GridLayout,
  label: (fromText: string, toText: string) => string = () => '',
): LinkEdge[] {
  const edges: LinkEdge[] = [];
  const text = new Map<string, string>(board.cards.map((c) => [c.id, c.text]));
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
      ariaLabel: label(text.get(link.from) ?? '', text.get(link.to) ?? ''),
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      data: {},
    });
  }
  return edges;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
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
    return before && same(before, node) ? before : node;
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

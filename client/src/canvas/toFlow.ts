import type { Board, Card } from '@rejse/shared';
import { cardsChangedSince } from '../doc/binding.ts';
import { emotionNode } from './emotionNode.ts';
import { createNodeCache, type DerivedNodes, type NodeCache } from './flowCache.ts';
import { fixed, gridKey, gridNodes } from './gridNodes.ts';
import { boxesChangedSince, type CardBox, type GridLayout } from './layout.ts';
import { Z, type BoardNode, type CardNode } from './types.ts';

/**
 * The one place where the board becomes React Flow nodes and edges. Everything is
 * derived from the document's records and the layout. A card node is derived again only
 * when its card, box, links or labels changed (`CachedCardNode`); every other node that did
 * not change keeps its previous object, so memoised node components skip rendering. When
 * the doc binding and the layout can tell which cards and boxes changed since the last
 * list (a remote keystroke), the last list is patched at those cards instead of walked.
 * The grid's nodes are made in `gridNodes.ts`, the links' edges in `toEdges.ts`, and what is
 * kept between boards is `flowCache.ts`'s.
 */

/** The accessible name of a card node, e.g. "Pain point: Letter does not say…" (saying so when it is private). */
export type CardLabel = (kind: Card['kind'], text: string, isPrivate?: boolean) => string;

/** A touchpoint's figures as one short line in the board's locale, or null when it has none. */
export type CardFigures = (card: Card) => string | null;

// Defaults as constants: a node is reused only for the same label functions.
const textAsLabel: CardLabel = (_kind, text) => text;
const noFigures: CardFigures = () => null;
const NO_PRIVATE: ReadonlySet<string> = new Set();

export function boardToNodes(
  board: Board,
  layout: GridLayout,
  cardLabel: CardLabel = textAsLabel,
  figures: CardFigures = noFigures,
  cache: NodeCache = createNodeCache(),
  /** This person's private cards among `board.cards` (drawn marked, in their view only). */
  privateIds: ReadonlySet<string> = NO_PRIVATE,
  /** False below FAR_ZOOM: the far layer draws the cards, so only the grid and the curve are nodes. */
  withCards = true,
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
  if (!withCards) return gridOnly(cache, emotion);
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

/** The grid's nodes and the curve's, the same list while they are the same. */
function gridOnly(cache: NodeCache, emotion: BoardNode | null): BoardNode[] {
  const last = cache.gridOnly;
  if (last && last.grid === cache.grid && last.emotion === emotion) return last.list;
  const list = [...cache.grid.cells, ...(emotion ? [emotion] : []), ...cache.grid.headers];
  cache.gridOnly = { grid: cache.grid, emotion, list };
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

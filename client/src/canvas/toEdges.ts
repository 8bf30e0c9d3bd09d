/** The links as React Flow edges, kept per link and as a whole list while their ends did not change. */
import { MarkerType } from '@xyflow/react';
import type { Board, Link } from '@rejse/shared';
import { cardsChangedSince } from '../doc/binding.ts';
import { createNodeCache, type NodeCache } from './flowCache.ts';
import { boxesChangedSince, type CardBox, type GridLayout } from './layout.ts';
import { Z, type LinkEdge } from './types.ts';

/** The last edge list and what it was derived from. */
export interface DerivedEdges {
  board: Board;
  layout: GridLayout;
  label: (fromText: string, toText: string) => string;
  list: LinkEdge[];
  byId: Map<string, LinkEdge>;
  /** The cards at either end of a link. */
  ends: ReadonlySet<string>;
}

export interface CachedEdge {
  from: CardBox;
  to: CardBox;
  fromText: string;
  toText: string;
  label: (fromText: string, toText: string) => string;
  edge: LinkEdge;
}

const noLinkLabel = (): string => '';

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

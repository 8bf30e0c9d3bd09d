import { emotionCurve, emotionFor, personaCurves, type Board, type Card } from '@rejse/shared';
import { cardsChangedSince } from '../doc/binding.ts';
import type { CardIndex } from './cardFacts.ts';
import { CURVE } from './curve.ts';
import { emotionHostLane, GRID, type GridLayout } from './layout.ts';
import { nodeId, Z, type CurveTouchpointData, type EmotionNode } from './types.ts';

/** The emotion curve's node and what it was derived from. */
export interface EmotionNodeCache {
  /** The board last checked against (the node may have been derived from an earlier one). */
  board: Board;
  key: string;
  stages: Board['stages'];
  personas: Board['personas'];
  /** The touchpoint cards the node was derived from; null once a point was re-texted (the node shows newer cards). */
  touchpoints: readonly Card[] | null;
  /** Derived afresh in this call (not kept, nor re-texted). */
  fresh: boolean;
  /** The touchpoints' cards as the node shows them, by id. */
  byId: Map<string, Card>;
  node: EmotionNode;
}

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
 * The emotion curve's node, derived again only when a touchpoint card, the stages, the
 * personas or the curve's lane changed: typing into a pain point or an idea leaves the
 * curve's object (and its hundreds of points) alone. When the doc binding names the cards
 * edited since the board checked last, only those are looked at (`index`: the cards by id,
 * already updated to `board`); otherwise every card is.
 */
export function emotionNode(board: Board, layout: GridLayout, hit: EmotionNodeCache | null, index: CardIndex): EmotionNodeCache | null {
  const host = emotionHostLane(layout);
  if (!host || layout.stages.length === 0) return null;
  const key = `${layout.grid.x}|${layout.grid.width}|${host.y}|${host.height}|${host.kind}`;
  const same = hit !== null && hit.key === key && hit.stages === board.stages && hit.personas === board.personas;
  if (same) {
    const changed = cardsChangedSince(board, hit.board);
    const touches = (id: string): boolean => hit.byId.has(id) || index.get(id)?.card.kind === 'touchpoint';
    const edited = changed ? [...changed].filter(touches) : null;
    if (edited?.length === 0) return { ...hit, board, fresh: false };
    // Only touchpoints' texts changed (typing into one): the curve is the same, its points' texts are not.
    const retexted = edited && textsOnly(edited, hit.byId, index);
    if (retexted) {
      // The cache owns `byId`: the record given back replaces `hit`.
      for (const card of retexted) hit.byId.set(card.id, card);
      const node = withTexts(hit.node, new Map(retexted.map((card) => [card.id as string, card])));
      return { ...hit, board, fresh: false, touchpoints: node === hit.node ? hit.touchpoints : null, node };
    }
  }
  const touchpoints = board.cards.filter((card) => card.kind === 'touchpoint');
  const shown = same ? hit.touchpoints : null;
  if (hit && shown && shown.length === touchpoints.length && shown.every((card, i) => card === touchpoints[i])) {
    return { ...hit, board, fresh: false };
  }
  const spread = emotionSpread(board);
  const width = layout.grid.width + CURVE.axisWidth;
  const node: EmotionNode = {
    id: nodeId.emotion,
    type: 'emotion',
    position: { x: layout.grid.x - CURVE.axisWidth, y: host.y },
    width,
    height: host.height,
    measured: { width, height: host.height },
    draggable: false,
    selectable: false,
    deletable: false,
    connectable: false,
    focusable: false,
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
      touchpoints: curveTouchpoints(board, null),
      personas: personaCurves(board).map((curve) => ({
        personaId: curve.personaId,
        name: curve.name,
        colour: curve.colour,
        dash: curve.dash,
        points: curve.points.map((p) => ({ ...p, sd: null })),
        touchpoints: curveTouchpoints(board, curve.personaId),
      })),
      titles: Object.fromEntries(board.stages.map((s) => [s.id, s.title])),
      stageWidth: GRID.stageWidth,
      overlay: host.kind !== 'emotions',
    },
  };
  const byId = new Map(touchpoints.map((card) => [card.id as string, card]));
  return { board, key, stages: board.stages, personas: board.personas, touchpoints, fresh: true, byId, node };
}

/** The edited touchpoints' new cards when only their texts changed for the curve, else null. */
function textsOnly(ids: readonly string[], shown: ReadonlyMap<string, Card>, index: CardIndex): Card[] | null {
  const cards: Card[] = [];
  for (const id of ids) {
    const before = shown.get(id);
    const now = index.get(id)?.card;
    if (!before || !now || now.kind !== 'touchpoint' || now.stageId !== before.stageId || now.emotion !== before.emotion) return null;
    if (!sameEmotions(before.personaEmotions, now.personaEmotions)) return null;
    cards.push(now);
  }
  return cards;
}

function sameEmotions(a: Card['personaEmotions'], b: Card['personaEmotions']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The curve's node with each touchpoint point's text taken from `cards`; the same node when no text differs. */
function withTexts(node: EmotionNode, cards: ReadonlyMap<string, Card>): EmotionNode {
  let changed = false;
  const retext = (points: readonly CurveTouchpointData[]): CurveTouchpointData[] =>
    points.map((point) => {
      const text = cards.get(point.id)?.text;
      if (text === undefined || text === point.text) return point;
      changed = true;
      return { ...point, text };
    });
  const { data } = node;
  const touchpoints = retext(data.touchpoints);
  const personas = data.personas.map((curve) => ({ ...curve, touchpoints: retext(curve.touchpoints) }));
  return changed ? { ...node, data: { ...data, touchpoints, personas } } : node;
}

/**
 * The rated touchpoints as points of the curve (of one persona's, with a persona), spread
 * across their stage's column in board order. A touchpoint rated for any persona keeps its
 * slot in every persona's curve, so one touchpoint's points line up across the curves.
 */
function curveTouchpoints(board: Board, personaId: string | null): CurveTouchpointData[] {
  const stageIndex = new Map(board.stages.map((stage, i) => [stage.id as string, i]));
  const perStage = new Map<number, Card[]>();
  const rated = (card: Card): boolean =>
    personaId === null ? card.emotion !== undefined : card.emotion !== undefined || card.personaEmotions !== undefined;
  for (const card of board.cards) {
    const index = stageIndex.get(card.stageId);
    if (card.kind !== 'touchpoint' || !rated(card) || index === undefined) continue;
    const list = perStage.get(index);
    if (list) list.push(card);
    else perStage.set(index, [card]);
  }
  const out: CurveTouchpointData[] = [];
  for (const [index, cards] of perStage) {
    cards.forEach((card, slot) => {
      const emotion = emotionFor(card, personaId);
      if (emotion !== undefined) out.push({ id: card.id, index, slot, slots: cards.length, emotion, text: card.text });
    });
  }
  return out;
}

import type { CardId, StageId } from '../ids.ts';
import type { Board } from '../schema/board.ts';
import type { Card } from '../schema/card.ts';

/** How badly a pain hurts: 1 mild, 2 serious, 3 severe. */
export type PainSeverity = 1 | 2 | 3;

export const MAX_PAIN_SEVERITY: PainSeverity = 3;

/**
 * Severity from an emotion: the customer's lowest touchpoint emotion in a stage.
 * −2 (very negative) → 3, −1 → 2, anything else (or no emotion recorded) → 1.
 * Pain cards carry no score of their own: the workshop already says how the customer
 * feels at each touchpoint, so a pain is as severe as the worst moment of its stage.
 */
export function severityFromEmotion(lowestEmotion: number | null | undefined): PainSeverity {
  if (lowestEmotion === null || lowestEmotion === undefined) return 1;
  if (lowestEmotion <= -2) return 3;
  if (lowestEmotion <= -1) return 2;
  return 1;
}

/** Each stage's severity: from the lowest emotion of the touchpoints in that stage. */
export function stageSeverities(board: Pick<Board, 'stages' | 'cards'>): Map<StageId, PainSeverity> {
  const lowest = new Map<StageId, number>();
  for (const card of board.cards) {
    if (card.kind !== 'touchpoint' || card.emotion === undefined) continue;
    const current = lowest.get(card.stageId);
    if (current === undefined || card.emotion < current) lowest.set(card.stageId, card.emotion);
  }
  return new Map(board.stages.map((stage) => [stage.id, severityFromEmotion(lowest.get(stage.id))]));
}

/** The severity of one pain card (see `severityFromEmotion` for the rule). */
export function painSeverity(board: Pick<Board, 'stages' | 'cards'>, pain: Pick<Card, 'stageId'>): PainSeverity {
  return stageSeverities(board).get(pain.stageId) ?? 1;
}

/**
 * Which pains each idea addresses and which ideas address each pain. A link joins an idea
 * and a pain in either direction; links between other kinds are not about prioritising.
 * Lists follow the board's card order and hold each card once.
 */
export interface PainLinks {
  painsOfIdea: Map<CardId, Card[]>;
  ideasOfPain: Map<CardId, Card[]>;
}

function addTo(map: Map<CardId, Set<CardId>>, key: CardId, value: CardId): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

export function painLinks(board: Pick<Board, 'cards' | 'links'>): PainLinks {
  const byId = new Map<CardId, Card>(board.cards.map((c) => [c.id, c]));
  const position = new Map<CardId, number>(board.cards.map((c, i) => [c.id, i]));
  const pairs = new Map<CardId, Set<CardId>>();
  const reverse = new Map<CardId, Set<CardId>>();
  for (const link of board.links) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    if (!a || !b) continue;
    const idea = a.kind === 'idea' ? a : b.kind === 'idea' ? b : undefined;
    const pain = a.kind === 'pain' ? a : b.kind === 'pain' ? b : undefined;
    if (!idea || !pain) continue;
    addTo(pairs, idea.id, pain.id);
    addTo(reverse, pain.id, idea.id);
  }
  const inBoardOrder = (ids: ReadonlySet<CardId>): Card[] =>
    [...ids]
      .sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0))
      .map((id) => byId.get(id))
      .filter((c): c is Card => c !== undefined);
  const painsOfIdea = new Map<CardId, Card[]>();
  for (const [id, ids] of pairs) painsOfIdea.set(id, inBoardOrder(ids));
  const ideasOfPain = new Map<CardId, Card[]>();
  for (const [id, ids] of reverse) ideasOfPain.set(id, inBoardOrder(ids));
  return { painsOfIdea, ideasOfPain };
}

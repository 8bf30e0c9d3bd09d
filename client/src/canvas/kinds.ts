import type { CardKind, LaneKind } from '@rejse/shared';

/** The card kind a new card gets from its lane (touchpoints lane → touchpoint, …, others → note). */
export function kindForLaneKind(kind: LaneKind | undefined): CardKind {
  switch (kind) {
    case 'touchpoints':
      return 'touchpoint';
    case 'pains':
      return 'pain';
    case 'ideas':
      return 'idea';
    default:
      return 'note';
  }
}

/**
 * The card kind a lane is meant for, when it is meant for one: a touchpoints lane holds
 * touchpoints, a thoughts or actions lane notes. An emotions lane (the curve) and an "other"
 * lane hold anything, so a card dropped there is never asked about.
 */
export function expectedKindForLane(kind: LaneKind | undefined): CardKind | null {
  switch (kind) {
    case 'touchpoints':
    case 'pains':
    case 'ideas':
    case 'thoughts':
    case 'actions':
    case 'backstage':
      return kindForLaneKind(kind);
    default:
      return null;
  }
}

/**
 * The cards of a move that come into a lane meant for another kind, each with the kind that
 * lane would give it. A card staying in its lane is not asked about again.
 */
export function kindMismatches(
  moves: readonly { ids: readonly string[]; laneId: string }[],
  cardOf: (cardId: string) => { kind: CardKind; laneId: string } | undefined,
  laneKindOf: (laneId: string) => LaneKind | undefined,
): Array<{ id: string; from: CardKind; to: CardKind }> {
  const out: Array<{ id: string; from: CardKind; to: CardKind }> = [];
  for (const move of moves) {
    const to = expectedKindForLane(laneKindOf(move.laneId));
    if (!to) continue;
    for (const id of move.ids) {
      const card = cardOf(id);
      if (card && card.laneId !== move.laneId && card.kind !== to) out.push({ id, from: card.kind, to });
    }
  }
  return out;
}

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

import type { Board } from '../schema/board.ts';
import type { Card } from '../schema/card.ts';
import type { CadenceRule, Scenario } from '../schema/dunning.ts';
import type { CardId, LaneId, StageId } from '../ids.ts';
import { smallBoard } from '../../testing/fixtures.ts';

/** Test helper: a touchpoint in the small board's touchpoint lane. */
export function touchpoint(id: string, fields: Partial<Card> = {}): Card {
  return {
    id: id as CardId,
    kind: 'touchpoint',
    stageId: 's_reminder' as StageId,
    laneId: 'l_touch' as LaneId,
    order: 1,
    text: id,
    ...fields,
  };
}

/** Test helper: the small board with these touchpoints, rules and scenarios. */
export function dunningBoard(cards: Card[], cadenceRules: CadenceRule[] = [], scenarios: Scenario[] = []): Board {
  return { ...smallBoard(), cards, links: [], cadenceRules, scenarios };
}

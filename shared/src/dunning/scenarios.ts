import type { Board } from '../schema/board.ts';
import type { Card, Emotion } from '../schema/card.ts';
import { COLLECTION_STEPS, type Scenario } from '../schema/dunning.ts';
import { emotionCurve, type EmotionPoint } from '../emotion.ts';

/**
 * Debtor scenarios: the same map seen for one kind of debtor. A touchpoint without
 * `scenarioIds` belongs to every scenario; `null` as a scenario means "all of them at once".
 */
export const appliesTo = (card: Pick<Card, 'scenarioIds'>, scenarioId: string | null): boolean =>
  scenarioId === null || !card.scenarioIds || card.scenarioIds.includes(scenarioId);

/** How the customer feels at a touchpoint in a scenario: its own point there, else the card's emotion. */
export function scenarioEmotion(card: Pick<Card, 'emotion' | 'scenarioEmotions'>, scenarioId: string | null): Emotion | undefined {
  if (scenarioId !== null) {
    const own = card.scenarioEmotions?.[scenarioId];
    if (own !== undefined) return own;
  }
  return card.emotion;
}

/** The scenario's path: its touchpoints, in reading order. */
export const scenarioPath = (board: Pick<Board, 'cards'>, scenarioId: string | null): Card[] =>
  board.cards.filter((card) => card.kind === 'touchpoint' && appliesTo(card, scenarioId));

/** The emotion curve of one scenario (null: the board's own curve, every touchpoint). */
export function scenarioCurve(board: Pick<Board, 'stages' | 'cards'>, scenarioId: string | null): EmotionPoint[] {
  const cards = scenarioPath(board, scenarioId).map((card) => {
    const emotion = scenarioEmotion(card, scenarioId);
    const { emotion: _own, ...rest } = card;
    return emotion === undefined ? rest : { ...rest, emotion };
  });
  return emotionCurve({ stages: board.stages, cards });
}

/** Every scenario's curve, in switcher order, for the overlay, the report and the exports. */
export const scenarioCurves = (
  board: Pick<Board, 'stages' | 'cards' | 'scenarios'>,
): Array<{ scenario: Scenario; curve: EmotionPoint[] }> =>
  board.scenarios.map((scenario) => ({ scenario, curve: scenarioCurve(board, scenario.id) }));

/** The vulnerable path reaches collection without passing a vulnerability checkpoint. */
export interface CheckpointWarning {
  scenarioId: Scenario['id'];
  /** The first collection or legal step reached unchecked; null when the scenario only ends in collection. */
  collectionCardId: Card['id'] | null;
}

/**
 * Whether `a` comes no later than `b` on a path: by day when both have one, else by stage
 * and place in the stage (a stage left of another comes first).
 */
function noLater(a: Card, b: Card, stageIndex: ReadonlyMap<string, number>): boolean {
  if (a.dayOffset !== undefined && b.dayOffset !== undefined) return a.dayOffset <= b.dayOffset;
  const sa = stageIndex.get(a.stageId) ?? 0;
  const sb = stageIndex.get(b.stageId) ?? 0;
  return sa < sb || (sa === sb && a.order <= b.order);
}

/**
 * Regulators ask for a check for vulnerable customers (hardship, breathing space) before
 * collection. For each scenario marked vulnerable: every collection or legal step on its
 * path needs a checkpoint no later than it; a scenario that ends in collection needs one at all.
 */
export function checkpointWarnings(board: Pick<Board, 'stages' | 'cards' | 'scenarios'>): CheckpointWarning[] {
  const stageIndex = new Map<string, number>(board.stages.map((s, i) => [s.id, i]));
  const out: CheckpointWarning[] = [];
  for (const scenario of board.scenarios) {
    if (!scenario.vulnerable) continue;
    const path = scenarioPath(board, scenario.id);
    const checkpoints = path.filter((card) => card.checkpoint !== undefined);
    const unchecked = path.find(
      (card) =>
        card.dunningStep !== undefined &&
        COLLECTION_STEPS.has(card.dunningStep) &&
        !checkpoints.some((checkpoint) => noLater(checkpoint, card, stageIndex)),
    );
    if (unchecked) out.push({ scenarioId: scenario.id, collectionCardId: unchecked.id });
    else if (scenario.outcome === 'collection' && checkpoints.length === 0) out.push({ scenarioId: scenario.id, collectionCardId: null });
  }
  return out;
}

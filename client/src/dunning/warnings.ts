import {
  boardCadenceWarnings,
  cadenceWarnings,
  checkpointWarnings,
  describeCadenceWarning,
  describeCheckpointWarning,
  warningScenarioNames,
  type Board,
  type CadenceWarning,
} from '@rejse/shared';
import type { Translate } from '../i18n/index.ts';

/** One warning as the time view shows it: words, and the touchpoints it is about. */
export interface ShownWarning {
  key: string;
  text: string;
  scenarios: string;
  cardIds: string[];
  fromDay: number | null;
  toDay: number | null;
  kind: CadenceWarning['kind'] | 'checkpoint';
}

/**
 * The cadence and checkpoint warnings of one scenario (or of every path), in the viewer's
 * language; money in the board's. The sentences are shared with the exports and the report.
 */
export function shownWarnings(board: Board, scenarioId: string | null, t: Translate): ShownWarning[] {
  const cadence =
    scenarioId === null ? boardCadenceWarnings(board) : cadenceWarnings(board, scenarioId).map((w) => ({ ...w, alsoIn: [] as string[] }));
  const out: ShownWarning[] = cadence.map((w, index) => ({
    key: `${w.ruleId}-${index}`,
    kind: w.kind,
    text: describeCadenceWarning(w, t, board),
    scenarios: warningScenarioNames(w, board),
    cardIds: w.cardIds,
    fromDay: w.fromDay,
    toDay: w.toDay,
  }));
  for (const warning of checkpointWarnings(board)) {
    if (scenarioId !== null && warning.scenarioId !== scenarioId) continue;
    const card = board.cards.find((c) => c.id === warning.collectionCardId);
    out.push({
      key: `checkpoint-${warning.scenarioId}`,
      kind: 'checkpoint',
      text: describeCheckpointWarning(warning, t, board),
      scenarios: '',
      cardIds: card ? [card.id] : [],
      fromDay: card?.dayOffset ?? null,
      toDay: card?.dayOffset ?? null,
    });
  }
  return out;
}

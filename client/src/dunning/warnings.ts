import {
  boardCadenceWarnings,
  cadenceWarnings,
  checkpointWarnings,
  formatDueDay,
  formatNumber,
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

/** The cadence and checkpoint warnings of one scenario (or of every path), in the viewer's language; money in the board's. */
export function shownWarnings(board: Board, scenarioId: string | null, t: Translate): ShownWarning[] {
  const names = new Map<string, string>(board.scenarios.map((s) => [s.id, s.name]));
  const cadence =
    scenarioId === null ? boardCadenceWarnings(board) : cadenceWarnings(board, scenarioId).map((w) => ({ ...w, alsoIn: [] as string[] }));
  const money = (n: number) => `${formatNumber(n, board.locale)} ${board.currency}`;
  const out: ShownWarning[] = cadence.map((w, index) => {
    const rule = board.cadenceRules.find((r) => r.id === w.ruleId);
    const days = rule && rule.kind === 'max-contacts' ? rule.windowDays : 0;
    const fee = w.kind === 'fee-cap';
    return {
      key: `${w.ruleId}-${index}`,
      kind: w.kind,
      text: t(`dunning.warning.${w.kind}`, {
        found: fee ? money(w.found) : w.found,
        limit: fee ? money(w.limit) : w.limit,
        from: formatDueDay(w.fromDay),
        to: formatDueDay(w.toDay),
        days,
      }),
      scenarios: [w.scenarioId, ...w.alsoIn]
        .filter((id): id is string => id !== null)
        .map((id) => names.get(id) ?? '')
        .join(', '),
      cardIds: w.cardIds,
      fromDay: w.fromDay,
      toDay: w.toDay,
    };
  });
  for (const warning of checkpointWarnings(board)) {
    if (scenarioId !== null && warning.scenarioId !== scenarioId) continue;
    const card = board.cards.find((c) => c.id === warning.collectionCardId);
    const scenario = names.get(warning.scenarioId) ?? '';
    out.push({
      key: `checkpoint-${warning.scenarioId}`,
      kind: 'checkpoint',
      text: card
        ? t('dunning.warning.checkpoint', {
            scenario,
            card: card.text,
            day: card.dayOffset === undefined ? t('dunning.ruler.none') : formatDueDay(card.dayOffset),
          })
        : t('dunning.warning.checkpointOutcome', { scenario }),
      scenarios: '',
      cardIds: card ? [card.id] : [],
      fromDay: card?.dayOffset ?? null,
      toDay: card?.dayOffset ?? null,
    });
  }
  return out;
}

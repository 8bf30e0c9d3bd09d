/**
 * The dunning journey in words: a cadence rule, a cadence warning, a checkpoint warning and a
 * scenario's label, from the one catalogue per language (`../i18n`). The time view, the
 * Markdown export and both report pages call these, so they say the same thing. `t` decides the
 * language (the viewer's in the UI, the board's in exports); money is always the board's.
 */
import type { Board } from '../schema/board.ts';
import type { CadenceRule, Scenario } from '../schema/dunning.ts';
import { formatNumber, type Translate } from '../i18n/index.ts';
import type { CadenceWarning } from './cadence.ts';
import { formatDueDay } from './days.ts';
import type { CheckpointWarning } from './scenarios.ts';

const money = (amount: number, locale: string, currency: string) => `${formatNumber(amount, locale)} ${currency}`;

/** A rule as a sentence: "At most 3 contacts in 7 days", "Fee for “Reminder”: at most 100 DKK". */
export function describeCadenceRule(rule: CadenceRule, t: Translate, board: Pick<Board, 'locale' | 'currency'>): string {
  switch (rule.kind) {
    case 'max-contacts':
      return t('dunning.rule.describe.max-contacts', {
        limit: rule.limit,
        days: rule.windowDays,
        channel: rule.channel ?? 'any',
        channelName: rule.channel ? t(`channel.${rule.channel}`) : '',
      });
    case 'promise-quiet':
      return t('dunning.rule.describe.promise-quiet', { days: rule.days });
    case 'reminder-spacing':
      return t('dunning.rule.describe.reminder-spacing', { days: rule.days });
    case 'reminder-count':
      return t('dunning.rule.describe.reminder-count', { limit: rule.limit });
    case 'fee-cap':
      return t('dunning.rule.describe.fee-cap', {
        step: t(`dunning.step.${rule.step}`),
        amount: money(rule.amount, board.locale, board.currency),
      });
  }
}

/** A cadence warning as a sentence, with the window's length from its rule. */
export function describeCadenceWarning(
  warning: CadenceWarning,
  t: Translate,
  board: Pick<Board, 'locale' | 'currency'> & { cadenceRules: readonly CadenceRule[] },
): string {
  const rule = board.cadenceRules.find((r) => r.id === warning.ruleId);
  const fee = warning.kind === 'fee-cap';
  return t(`dunning.warning.${warning.kind}`, {
    found: fee ? money(warning.found, board.locale, board.currency) : warning.found,
    limit: fee ? money(warning.limit, board.locale, board.currency) : warning.limit,
    from: formatDueDay(warning.fromDay),
    to: formatDueDay(warning.toDay),
    days: rule?.kind === 'max-contacts' ? rule.windowDays : 0,
  });
}

/** The scenarios a warning is about, by name ("Forgot, Won’t pay"); empty on a board without scenarios. */
export function warningScenarioNames(
  warning: CadenceWarning & { alsoIn?: readonly string[] },
  board: Pick<CheckpointWords, 'scenarios'>,
): string {
  const names = new Map<string, string>(board.scenarios.map((s) => [s.id, s.name]));
  return [warning.scenarioId, ...(warning.alsoIn ?? [])]
    .filter((id): id is string => id !== null)
    .map((id) => names.get(id) ?? '')
    .join(', ');
}

/** What a checkpoint warning reads of a board: card texts and days, scenario names (the report model has these too). */
export interface CheckpointWords {
  cards: ReadonlyArray<{ id: string; text: string; dayOffset?: number | undefined }>;
  scenarios: ReadonlyArray<{ id: string; name: string }>;
}

/** "Vulnerable customer reaches “Claim handed to collection” (D+50) without a hardship offer…". */
export function describeCheckpointWarning(warning: CheckpointWarning, t: Translate, board: CheckpointWords): string {
  const scenario = board.scenarios.find((s) => s.id === warning.scenarioId)?.name ?? '';
  const card = warning.collectionCardId === null ? undefined : board.cards.find((c) => c.id === warning.collectionCardId);
  if (!card) return t('dunning.warning.checkpointOutcome', { scenario });
  return t('dunning.warning.checkpoint', {
    scenario,
    card: card.text,
    day: card.dayOffset === undefined ? t('dunning.ruler.none') : formatDueDay(card.dayOffset),
  });
}

/** A scenario with its outcome: "Forgot (Paid)", "Vulnerable customer (Payment plan, vulnerable)". */
export function describeScenario(scenario: Pick<Scenario, 'name' | 'outcome' | 'vulnerable'>, t: Translate): string {
  return t('dunning.report.scenario', {
    name: scenario.name,
    outcome: t(`dunning.outcome.${scenario.outcome}`),
    vulnerable: scenario.vulnerable ? 'yes' : 'no',
  });
}

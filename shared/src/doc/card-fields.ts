/**
 * The optional fields of a card record, each checked against the card schema when read, and
 * the check itself, remembered for plain values.
 */
import { cardSchema } from '../schema/card.ts';

export const OPTIONAL_CARD_FIELDS = [
  'channel',
  'customChannel',
  'emotion',
  'ownerTeam',
  'metrics',
  'impact',
  'effort',
  'confidence',
  'owner',
  'dueDate',
  'status',
  'manualRank',
  'effects',
  'message',
  'dayOffset',
  'dunningStep',
  'fee',
  'scenarioIds',
  'scenarioEmotions',
  'checkpoint',
] as const;

export type OptionalCardField = (typeof OPTIONAL_CARD_FIELDS)[number];
/** Verdicts on plain values already checked, per field: a board repeats a few channels and emotions thousands of times. */
const verdicts = new Map<OptionalCardField, Map<string | number | boolean, boolean>>();
const VERDICTS_PER_FIELD = 256;

/** The card schema's verdict on one field's value (remembered for plain values). */
export function validCardField(field: OptionalCardField, value: unknown): boolean {
  const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  if (!plain) return cardSchema.shape[field].safeParse(value).success;
  let known = verdicts.get(field);
  if (!known) {
    known = new Map();
    verdicts.set(field, known);
  }
  let verdict = known.get(value);
  if (verdict === undefined) {
    verdict = cardSchema.shape[field].safeParse(value).success;
    if (known.size < VERDICTS_PER_FIELD) known.set(value, verdict);
  }
  return verdict;
}

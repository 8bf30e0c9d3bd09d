import { z } from 'zod';
import type { CadenceRuleId, ScenarioId } from '../ids.ts';
import { ID_PATTERN } from '../ids.ts';
import { CHANNELS } from './channels.ts';
import { LIMITS } from './limits.ts';

/**
 * The dunning model of a board: debtor scenarios and the contact-cadence rules it checks.
 * The card fields that go with them (`dayOffset`, `dunningStep`, `fee`, `scenarioIds`,
 * `scenarioEmotions`, `checkpoint`) are in card.ts; the rules that read them in `dunning/`.
 */

/**
 * What a touchpoint is in the dunning process. Steps tell the cadence rules which
 * touchpoints are the company's contacts (everything but CUSTOMER_STEPS), which are demands
 * (a reminder sent after a payment promise), and which may carry a reminder fee.
 */
export const DUNNING_STEPS = [
  'invoice',
  'due-notice',
  'nudge',
  'reminder',
  'final-notice',
  'collection',
  'payment-plan',
  'legal',
  'promise',
  'self-service',
  'customer-call',
  'payment',
] as const;
export type DunningStep = (typeof DUNNING_STEPS)[number];

/** A touchpoint where the customer acts (calls, promises, pays, serves themselves): not a contact the company makes. */
export const CUSTOMER_STEPS: ReadonlySet<DunningStep> = new Set(['promise', 'self-service', 'customer-call', 'payment']);

/** Steps that ask the debtor to pay: the ones a payment promise should silence for a while. */
export const DEMAND_STEPS: ReadonlySet<DunningStep> = new Set(['nudge', 'reminder', 'final-notice', 'collection', 'legal']);

/** Steps whose fee counts as a reminder fee (Danish renteloven § 9 b: at most three, 10 days apart). */
export const REMINDER_STEPS: ReadonlySet<DunningStep> = new Set(['reminder', 'final-notice']);

/** Steps that hand the claim to collection or the enforcement authority: the vulnerable path must pass a checkpoint first. */
export const COLLECTION_STEPS: ReadonlySet<DunningStep> = new Set(['collection', 'legal']);

/** A vulnerability checkpoint: where a customer in difficulty is offered help before collection. */
export const CHECKPOINTS = ['hardship-offer', 'breathing-space'] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

/** How a debtor scenario ends. */
export const SCENARIO_OUTCOMES = ['paid', 'payment-plan', 'collection', 'written-off'] as const;
export type ScenarioOutcome = (typeof SCENARIO_OUTCOMES)[number];

/** The same map seen for one kind of debtor ("forgot", "vulnerable customer"…). */
export const scenarioSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be a short id'),
  name: z.string().max(LIMITS.titleLength),
  outcome: z.enum(SCENARIO_OUTCOMES),
  /** The vulnerable path: the board warns when it reaches collection without passing a checkpoint. */
  vulnerable: z.boolean(),
});
export type Scenario = Omit<z.infer<typeof scenarioSchema>, 'id'> & { id: ScenarioId };

export const CADENCE_RULE_KINDS = ['max-contacts', 'promise-quiet', 'reminder-spacing', 'reminder-count', 'fee-cap'] as const;
export type CadenceRuleKind = (typeof CADENCE_RULE_KINDS)[number];

const ruleId = z.string().regex(ID_PATTERN, 'must be a short id');
const days = z.number().int().min(1).max(LIMITS.cadenceDays);
const count = z.number().int().min(1).max(LIMITS.cadenceCount);

/**
 * A cadence rule the board sets. Each kind says when contacts are too many or too close:
 *   max-contacts      more than `limit` contacts (on `channel`, or any) within `windowDays` days
 *   promise-quiet     a demand within `days` days after a payment promise
 *   reminder-spacing  fee-bearing reminders less than `days` days apart
 *   reminder-count    more than `limit` fee-bearing reminders
 *   fee-cap           a `step` charging more than `amount` (in the board's currency)
 */
export const cadenceRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    id: ruleId,
    kind: z.literal('max-contacts'),
    limit: count,
    windowDays: days,
    channel: z.enum(CHANNELS).optional(),
  }),
  z.object({ id: ruleId, kind: z.literal('promise-quiet'), days }),
  z.object({ id: ruleId, kind: z.literal('reminder-spacing'), days }),
  z.object({ id: ruleId, kind: z.literal('reminder-count'), limit: count }),
  z.object({
    id: ruleId,
    kind: z.literal('fee-cap'),
    step: z.enum(DUNNING_STEPS),
    amount: z.number().nonnegative().max(LIMITS.fee),
  }),
]);
type ParsedRule = z.infer<typeof cadenceRuleSchema>;
export type CadenceRule = ParsedRule extends infer R ? (R extends { id: string } ? Omit<R, 'id'> & { id: CadenceRuleId } : never) : never;
/** A rule without its id: what the ops take. */
export type CadenceRuleFields = CadenceRule extends infer R ? (R extends { id: string } ? Omit<R, 'id'> : never) : never;

export const isScenario = (value: unknown): value is Scenario => scenarioSchema.safeParse(value).success;
export const isCadenceRule = (value: unknown): value is CadenceRule => cadenceRuleSchema.safeParse(value).success;

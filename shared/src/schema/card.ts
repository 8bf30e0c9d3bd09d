import { z } from 'zod';
import type { CardId, LaneId, StageId } from '../ids.ts';
import { ID_PATTERN } from '../ids.ts';
import { CHANNELS, customChannelNameSchema } from './channels.ts';
import { CHECKPOINTS, DUNNING_STEPS } from './dunning.ts';
import { LIMITS } from './limits.ts';

export { CHANNELS, type Channel } from './channels.ts';

export const CARD_KINDS = ['touchpoint', 'pain', 'idea', 'note'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Customer emotion at a touchpoint: −2 very negative … +2 very positive. */
export const EMOTIONS = [-2, -1, 0, 1, 2] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const OWNER_TEAMS = ['frontstage', 'backstage'] as const;
export type OwnerTeam = (typeof OWNER_TEAMS)[number];

export const ACTION_STATUSES = ['proposed', 'agreed', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const score1to5 = z.number().int().min(1).max(5);
const emotionSchema = z.union([z.literal(-2), z.literal(-1), z.literal(0), z.literal(1), z.literal(2)]);

/** Figures measured at a touchpoint; all optional because workshops rarely know them all. */
export const touchpointMetricsSchema = z.object({
  /** Contacts a year, e.g. 1,000,000 collection letters. */
  yearlyVolume: z.number().nonnegative().finite().optional(),
  /** Cost of one contact in the board's currency. */
  costPerContact: z.number().nonnegative().finite().optional(),
  /** Share (0…1) of customers who responded or served themselves, e.g. 0.43. */
  responseRate: z.number().min(0).max(1).optional(),
  /** Net promoter score measured at this touchpoint (−100…+100). */
  nps: z.number().min(-100).max(100).optional(),
  /** Customer satisfaction (0…100 %). */
  csat: z.number().min(0).max(100).optional(),
});
export type TouchpointMetrics = z.infer<typeof touchpointMetricsSchema>;

const cardRef = z.string().regex(ID_PATTERN, 'must be a short id');
const share = z.number().min(0).max(1);
const amount = z.number().nonnegative().finite();

/**
 * What an idea is expected to change, in the terms of the touchpoints' figures, so Rejse can
 * say what the action is worth a year (see `shared/src/business/`). A touchpoint id that no
 * longer exists is kept (a concurrent delete must not invalidate the idea) and named as missing.
 */
export const ideaEffectSchema = z.discriminatedUnion('kind', [
  /** A share (0…1) of a touchpoint's yearly contacts no longer happens: −25 % calls. */
  z.object({ kind: z.literal('fewer-contacts'), touchpointId: cardRef, share }),
  /**
   * The response or self-service rate at a touchpoint rises to `rate`; each extra response
   * spares one contact at `avoidsAt` (default: the same touchpoint). `from` is the rate today
   * when the touchpoint's own figure is not the baseline (a new nudge starts at 0).
   */
  z.object({
    kind: z.literal('response-rate'),
    touchpointId: cardRef,
    rate: share,
    from: share.optional(),
    avoidsAt: cardRef.optional(),
  }),
  /** Customers kept a year × yearly revenue per customer × lifetime in years. */
  z.object({
    kind: z.literal('customers-kept'),
    customersPerYear: amount.optional(),
    revenuePerCustomerYear: amount.optional(),
    lifetimeYears: amount.optional(),
  }),
  /** A fee or cost per contact no longer paid, for a share (default all) of a touchpoint's contacts. */
  z.object({
    kind: z.literal('cost-avoided'),
    touchpointId: cardRef,
    amountPerContact: amount.optional(),
    share: share.optional(),
  }),
]);
export type IdeaEffect = z.infer<typeof ideaEffectSchema>;
export type IdeaEffectKind = IdeaEffect['kind'];
export const IDEA_EFFECT_KINDS = [
  'fewer-contacts',
  'response-rate',
  'customers-kept',
  'cost-avoided',
] as const satisfies readonly IdeaEffectKind[];

export const MESSAGE_VARIANTS = ['a', 'b'] as const;
export type MessageVariant = (typeof MESSAGE_VARIANTS)[number];

/** The text a letter, SMS or e-mail touchpoint sends, in up to two variants to compare. */
export const touchpointMessageSchema = z.object({
  a: z.string().max(LIMITS.messageTextLength).optional(),
  b: z.string().max(LIMITS.messageTextLength).optional(),
  /** Which variant customers get today; absent = not said. */
  inUse: z.enum(MESSAGE_VARIANTS).optional(),
});
export type TouchpointMessage = z.infer<typeof touchpointMessageSchema>;

export const cardSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be a short id'),
  kind: z.enum(CARD_KINDS),
  stageId: z.string().regex(ID_PATTERN, 'must be a short id'),
  laneId: z.string().regex(ID_PATTERN, 'must be a short id'),
  /** Position inside its cell; fractional so a move rewrites one card only. */
  order: z.number().finite(),
  text: z.string().max(LIMITS.cardTextLength),
  channel: z.enum(CHANNELS).optional(),
  /** A channel the board added itself (one of the board's `customChannels`, by name), instead of a built-in `channel`. */
  customChannel: customChannelNameSchema.optional(),
  emotion: emotionSchema.optional(),
  /** The customer's own words at this point ("Is this a mistake?"). */
  thought: z.string().max(LIMITS.cardTextLength).optional(),
  ownerTeam: z.enum(OWNER_TEAMS).optional(),
  metrics: touchpointMetricsSchema.optional(),
  /** Idea/action fields: what the prioritised to-do list is made of. */
  impact: score1to5.optional(),
  effort: score1to5.optional(),
  confidence: score1to5.optional(),
  owner: z.string().max(LIMITS.titleLength).optional(),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-31')
    .optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  /** Facilitator's dragged position in the to-do list (fractional); absent = follow the computed ranking. */
  manualRank: z.number().finite().optional(),
  /** Idea: its expected effects on touchpoints' figures, for the business case. */
  effects: z.array(ideaEffectSchema).max(LIMITS.effectsPerIdea).optional(),
  /** Letter/SMS/e-mail touchpoint: the message's actual text, for the letter lab. */
  message: touchpointMessageSchema.optional(),
  // ── the dunning journey (see schema/dunning.ts and dunning/) ──
  /** Day of this touchpoint relative to the invoice's due date: −14 = D−14, 0 = D0 (the due date), 12 = D+12. */
  dayOffset: z.number().int().min(LIMITS.dayOffsetMin).max(LIMITS.dayOffsetMax).optional(),
  /** What the touchpoint is in the dunning process: tells the cadence rules contacts, demands and reminders apart. */
  dunningStep: z.enum(DUNNING_STEPS).optional(),
  /** The fee this step charges, in the board's currency (a reminder fee, collection charges). */
  fee: z.number().nonnegative().max(LIMITS.fee).optional(),
  /** The debtor scenarios this touchpoint belongs to; absent = every scenario. */
  scenarioIds: z.array(z.string().regex(ID_PATTERN)).min(1).max(LIMITS.scenarios).optional(),
  /** How the customer feels here in a given scenario (scenario id → emotion); falls back to `emotion`. */
  scenarioEmotions: z.record(z.string().regex(ID_PATTERN), emotionSchema).optional(),
  /** How the customer feels here as a given persona (persona id → emotion, schema 4); falls back to `emotion`. */
  personaEmotions: z.record(z.string().regex(ID_PATTERN), emotionSchema).optional(),
  /** A vulnerability checkpoint (hardship offer, breathing space) the vulnerable path must pass before collection. */
  checkpoint: z.enum(CHECKPOINTS).optional(),
});

export type Card = Omit<z.infer<typeof cardSchema>, 'id' | 'stageId' | 'laneId'> & {
  id: CardId;
  stageId: StageId;
  laneId: LaneId;
};

/** Fields a user edits on a card (position and identity change through other operations). */
export type CardFields = Omit<Card, 'id' | 'stageId' | 'laneId' | 'order'>;

export const isCard = (value: unknown): value is Card => cardSchema.safeParse(value).success;

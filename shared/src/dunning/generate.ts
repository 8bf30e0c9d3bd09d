import type { BoardId, CadenceRuleId, CardId, LaneId, ScenarioId, StageId } from '../ids.ts';
import { CURRENT_SCHEMA_VERSION, type Board, type Currency } from '../schema/board.ts';
import type { Card, Channel, Emotion } from '../schema/card.ts';
import type { CadenceRule, DunningStep, Scenario } from '../schema/dunning.ts';
import type { LaneKind } from '../schema/lane.ts';
import { CADENCE_PRESET_RULES, defaultScenarios, type DefaultScenarioKey, type DunningLanguage } from './defaults.ts';
import { GENERATED_WORDS, type CardKey, type StageKey } from './generate-words.ts';

/** One step of a dunning process: its day relative to the due date, its channel, and its fee. */
export interface ProcessStep {
  day: number;
  channel: Channel;
  /** In the board's currency; 0 or absent = free. */
  fee?: number;
}

/**
 * A dunning process as a credit manager describes it. Dates are ISO days; every other step
 * is placed by its day relative to the due date (D+13 = 13 days after it).
 */
export interface DunningProcess {
  invoiceDate: string;
  dueDate: string;
  invoiceChannel: Channel;
  /** The reminder sent on the due date itself (2 of 3 customers think better of a supplier who does). */
  dueChannel: Channel;
  /** Digital nudges in the days between the due date and the first reminder (D+1 … D+days). */
  preReminderWindow: { days: number; channel: Channel };
  reminders: readonly [ProcessStep, ProcessStep];
  finalNotice: ProcessStep;
  collection: ProcessStep;
  paymentPlan: ProcessStep;
  /** The legal step: the enforcement court (fogedretten) or authority (Kronofogden). */
  legal: ProcessStep;
  currency: Currency;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates, UTC, so summer time never moves a day). */
export function daysBetween(from: string, to: string): number {
  const parse = (iso: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) {
      throw new RangeError(`"${iso.slice(0, 20)}" is not a date like 2026-03-31`);
    }
    return Date.parse(`${iso}T00:00:00Z`);
  };
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

const LANES: ReadonlyArray<[LaneId, LaneKind]> = [
  ['l_actions' as LaneId, 'actions'],
  ['l_touchpoints' as LaneId, 'touchpoints'],
  ['l_thoughts' as LaneId, 'thoughts'],
  ['l_emotions' as LaneId, 'emotions'],
  ['l_pains' as LaneId, 'pains'],
  ['l_ideas' as LaneId, 'ideas'],
  ['l_backstage' as LaneId, 'backstage'],
];

const STAGE_KEYS: readonly StageKey[] = [
  'invoice',
  'due',
  'window',
  'reminder1',
  'reminder2',
  'finalNotice',
  'collection',
  'plan',
  'legal',
];

interface CardPlan {
  key: CardKey;
  stage: StageKey;
  day: number;
  channel: Channel;
  step?: DunningStep;
  fee?: number;
  emotion: Emotion;
  /** Absent: every scenario. */
  scenarios?: DefaultScenarioKey[];
  /** Where a scenario's debtor feels differently from the card's emotion. */
  feels?: Partial<Record<DefaultScenarioKey, Emotion>>;
  checkpoint?: Card['checkpoint'];
}

/** The touchpoints of a process and which debtors meet them. */
function plan(p: DunningProcess): CardPlan[] {
  const [r1, r2] = p.reminders;
  const window = p.preReminderWindow;
  const fee = (step: ProcessStep) => (step.fee ? { fee: step.fee } : {});
  const cards: CardPlan[] = [
    {
      key: 'invoice',
      stage: 'invoice',
      day: -daysBetween(p.invoiceDate, p.dueDate),
      channel: p.invoiceChannel,
      step: 'invoice',
      emotion: 0,
    },
    {
      key: 'due',
      stage: 'due',
      day: 0,
      channel: p.dueChannel,
      step: 'due-notice',
      emotion: 1,
      feels: { 'wont-pay': 0 },
    },
    {
      key: 'nudgeFirst',
      stage: 'window',
      day: 1,
      channel: window.channel,
      step: 'nudge',
      emotion: 0,
      feels: { forgot: 1 },
    },
  ];
  if (window.days > 1) {
    cards.push({
      key: 'nudgeLast',
      stage: 'window',
      day: window.days,
      channel: window.channel,
      step: 'nudge',
      emotion: -1,
      scenarios: ['hardship', 'dispute', 'wont-pay', 'vulnerable'],
    });
  }
  cards.push(
    {
      key: 'paysInWindow',
      stage: 'window',
      day: window.days,
      channel: 'payment',
      step: 'payment',
      emotion: 2,
      scenarios: ['forgot'],
    },
    {
      key: 'reminder1',
      stage: 'reminder1',
      day: r1.day,
      channel: r1.channel,
      step: 'reminder',
      ...fee(r1),
      emotion: -1,
      scenarios: ['hardship', 'dispute', 'wont-pay', 'vulnerable'],
      feels: { dispute: -2, vulnerable: -2 },
    },
    {
      key: 'disputeCall',
      stage: 'reminder1',
      day: r1.day + 2,
      channel: 'phone',
      step: 'customer-call',
      emotion: -2,
      scenarios: ['dispute'],
    },
    {
      key: 'paysExplained',
      stage: 'reminder1',
      day: r1.day + 3,
      channel: 'payment',
      step: 'payment',
      emotion: 0,
      scenarios: ['dispute'],
    },
    {
      key: 'reminder2',
      stage: 'reminder2',
      day: r2.day,
      channel: r2.channel,
      step: 'reminder',
      ...fee(r2),
      emotion: -2,
      scenarios: ['hardship', 'wont-pay', 'vulnerable'],
    },
    {
      key: 'breathingSpace',
      stage: 'reminder2',
      day: r2.day + 1,
      channel: 'phone',
      emotion: 0,
      scenarios: ['vulnerable'],
      checkpoint: 'breathing-space',
    },
    {
      key: 'promise',
      stage: 'reminder2',
      day: r2.day + 2,
      channel: 'phone',
      step: 'promise',
      emotion: 0,
      scenarios: ['hardship'],
    },
    {
      key: 'finalNotice',
      stage: 'finalNotice',
      day: p.finalNotice.day,
      channel: p.finalNotice.channel,
      step: 'final-notice',
      ...fee(p.finalNotice),
      emotion: -2,
      scenarios: ['wont-pay'],
    },
    {
      key: 'collection',
      stage: 'collection',
      day: p.collection.day,
      channel: p.collection.channel,
      step: 'collection',
      ...fee(p.collection),
      emotion: -2,
      scenarios: ['wont-pay'],
    },
    {
      key: 'plan',
      stage: 'plan',
      day: p.paymentPlan.day,
      channel: p.paymentPlan.channel,
      step: 'payment-plan',
      ...fee(p.paymentPlan),
      emotion: 1,
      scenarios: ['hardship', 'vulnerable'],
      checkpoint: 'hardship-offer',
    },
    {
      key: 'legal',
      stage: 'legal',
      day: p.legal.day,
      channel: p.legal.channel,
      step: 'legal',
      ...fee(p.legal),
      emotion: -2,
      scenarios: ['wont-pay'],
    },
  );
  return cards;
}

/** The cadence rules a generated board starts with: the standard ones, plus the law of its language's country. */
const RULES_BY_LANGUAGE: Readonly<Record<DunningLanguage, readonly (keyof typeof CADENCE_PRESET_RULES)[]>> = {
  en: ['standard'],
  da: ['standard', 'denmark'],
  sv: ['standard', 'sweden'],
};

/**
 * A board from a dunning-process description: one stage per step, a touchpoint per contact
 * with its day, channel, step and fee, the five default debtor scenarios with their paths,
 * outcomes and feelings, a hardship offer and a breathing space on the vulnerable path, and
 * the cadence rules. Ids are readable (`c_reminder1`); `instantiateTemplate` makes them fresh.
 */
export function generateDunningBoard(process: DunningProcess, language: DunningLanguage, id = 'generated' as BoardId): Board {
  const words = GENERATED_WORDS[language];
  const scenarioIdOf = (key: DefaultScenarioKey) => `d_${key.replace('-', '_')}` as ScenarioId;
  const scenarios: Scenario[] = defaultScenarios(language).map(({ key, ...fields }) => ({
    id: scenarioIdOf(key),
    ...fields,
  }));
  const touchLane = 'l_touchpoints' as LaneId;
  const orderInStage = new Map<StageKey, number>();
  const cards: Card[] = plan(process).map((step) => {
    const order = (orderInStage.get(step.stage) ?? 0) + 1;
    orderInStage.set(step.stage, order);
    const feels = Object.entries(step.feels ?? {}).filter(([key]) => !step.scenarios || step.scenarios.includes(key as DefaultScenarioKey));
    return {
      id: `c_${step.key}` as CardId,
      kind: 'touchpoint',
      stageId: `s_${step.stage}` as StageId,
      laneId: touchLane,
      order,
      text: words.cards[step.key],
      channel: step.channel,
      emotion: step.emotion,
      dayOffset: step.day,
      ...(step.step ? { dunningStep: step.step } : {}),
      ...(step.fee ? { fee: step.fee } : {}),
      ...(step.scenarios ? { scenarioIds: step.scenarios.map(scenarioIdOf) } : {}),
      ...(feels.length > 0
        ? {
            scenarioEmotions: Object.fromEntries(feels.map(([key, e]) => [scenarioIdOf(key as DefaultScenarioKey), e])),
          }
        : {}),
      ...(step.checkpoint ? { checkpoint: step.checkpoint } : {}),
    } satisfies Card;
  });
  const cadenceRules = RULES_BY_LANGUAGE[language]
    .flatMap((preset) => CADENCE_PRESET_RULES[preset])
    .map((rule, index) => ({ ...rule, id: `r_${index + 1}` as CadenceRuleId }) as CadenceRule);
  return {
    id,
    title: words.title,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locale: language,
    currency: process.currency,
    personas: [],
    activePersonaId: null,
    stages: STAGE_KEYS.map((key) => ({ id: `s_${key}` as StageId, title: words.stages[key] })),
    lanes: LANES.map(([laneId, kind]) => ({ id: laneId, kind, title: words.lanes[kind as keyof typeof words.lanes] })),
    cards,
    links: [],
    scenarios,
    cadenceRules,
  };
}

/**
 * A Danish process within renteloven § 9 b: a 12-day window of digital nudges, three
 * fee-bearing letters 11 days apart at 100 DKK, collection, a payment plan, fogedretten.
 */
export const EXAMPLE_DANISH_PROCESS: DunningProcess = {
  invoiceDate: '2026-03-01',
  dueDate: '2026-03-15',
  invoiceChannel: 'email',
  dueChannel: 'sms',
  preReminderWindow: { days: 12, channel: 'sms' },
  reminders: [
    { day: 13, channel: 'letter', fee: 100 },
    { day: 24, channel: 'letter', fee: 100 },
  ],
  finalNotice: { day: 35, channel: 'letter', fee: 100 },
  collection: { day: 50, channel: 'letter' },
  paymentPlan: { day: 55, channel: 'phone' },
  legal: { day: 90, channel: 'letter' },
  currency: 'DKK',
};

/** A Swedish process: reminder 60 SEK, collection demand 180 SEK, payment plan 170 SEK, then Kronofogden. */
export const EXAMPLE_SWEDISH_PROCESS: DunningProcess = {
  ...EXAMPLE_DANISH_PROCESS,
  reminders: [
    { day: 13, channel: 'letter', fee: 60 },
    { day: 24, channel: 'letter' },
  ],
  finalNotice: { day: 35, channel: 'letter' },
  collection: { day: 50, channel: 'letter', fee: 180 },
  paymentPlan: { day: 55, channel: 'phone', fee: 170 },
  currency: 'SEK',
};

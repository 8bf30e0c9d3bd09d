import type { CadenceRuleFields, Scenario, ScenarioOutcome } from '../schema/dunning.ts';

/**
 * The board data a new dunning model starts from: the five default debtor scenarios (named
 * in the board's language, renameable like any text on the board) and the cadence-rule
 * presets. Legal rules are presets rather than rules that switch on by themselves: the
 * board's language is not its jurisdiction, so the team chooses the law that applies.
 */
export const DUNNING_LANGUAGES = ['en', 'da', 'sv'] as const;
export type DunningLanguage = (typeof DUNNING_LANGUAGES)[number];

/** The language of a board's dunning words from its locale tag (`da-DK` → `da`; anything unknown → `en`). */
export function dunningLanguage(locale: string): DunningLanguage {
  const base = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (DUNNING_LANGUAGES as readonly string[]).includes(base) ? (base as DunningLanguage) : 'en';
}

export const DEFAULT_SCENARIO_KEYS = ['forgot', 'hardship', 'dispute', 'wont-pay', 'vulnerable'] as const;
export type DefaultScenarioKey = (typeof DEFAULT_SCENARIO_KEYS)[number];

const SCENARIO_NAMES: Readonly<Record<DunningLanguage, Readonly<Record<DefaultScenarioKey, string>>>> = {
  en: {
    forgot: 'Forgot',
    hardship: 'Temporary hardship',
    dispute: 'Disputes the claim',
    'wont-pay': 'Won’t pay',
    vulnerable: 'Vulnerable customer',
  },
  da: {
    forgot: 'Glemte det',
    hardship: 'Midlertidige betalingsproblemer',
    dispute: 'Bestrider kravet',
    'wont-pay': 'Vil ikke betale',
    vulnerable: 'Sårbar kunde',
  },
  sv: {
    forgot: 'Glömde bort',
    hardship: 'Tillfälliga betalningssvårigheter',
    dispute: 'Bestrider kravet',
    'wont-pay': 'Vill inte betala',
    vulnerable: 'Sårbar kund',
  },
};

const SCENARIO_SHAPE: Readonly<Record<DefaultScenarioKey, { outcome: ScenarioOutcome; vulnerable: boolean }>> = {
  // Most non-payment is structural (forgot, no time): a nudge is enough.
  forgot: { outcome: 'paid', vulnerable: false },
  hardship: { outcome: 'payment-plan', vulnerable: false },
  // The claim is almost always right; once it is explained, it is paid.
  dispute: { outcome: 'paid', vulnerable: false },
  'wont-pay': { outcome: 'collection', vulnerable: false },
  vulnerable: { outcome: 'payment-plan', vulnerable: true },
};

/** The five default scenarios, in order, named in `language`. */
export function defaultScenarios(language: DunningLanguage): Array<Omit<Scenario, 'id'> & { key: DefaultScenarioKey }> {
  return DEFAULT_SCENARIO_KEYS.map((key) => ({ key, name: SCENARIO_NAMES[language][key], ...SCENARIO_SHAPE[key] }));
}

export const CADENCE_PRESETS = ['standard', 'denmark', 'sweden'] as const;
export type CadencePreset = (typeof CADENCE_PRESETS)[number];

/**
 * - standard: regulators name over-contact as a harm; no more than three contacts a week,
 *   and a week's quiet after a payment promise.
 * - denmark: renteloven § 9 b — a reminder fee of at most 100 DKK, for at most three
 *   reminders, sent at least 10 days apart.
 * - sweden: förordning 1981:1057 — reminder 60 SEK, collection demand 180 SEK, payment plan 170 SEK.
 */
export const CADENCE_PRESET_RULES: Readonly<Record<CadencePreset, readonly CadenceRuleFields[]>> = {
  standard: [
    { kind: 'max-contacts', limit: 3, windowDays: 7 },
    { kind: 'promise-quiet', days: 7 },
  ],
  denmark: [
    { kind: 'reminder-spacing', days: 10 },
    { kind: 'reminder-count', limit: 3 },
    { kind: 'fee-cap', step: 'reminder', amount: 100 },
    { kind: 'fee-cap', step: 'final-notice', amount: 100 },
  ],
  sweden: [
    { kind: 'fee-cap', step: 'reminder', amount: 60 },
    { kind: 'fee-cap', step: 'collection', amount: 180 },
    { kind: 'fee-cap', step: 'payment-plan', amount: 170 },
  ],
};

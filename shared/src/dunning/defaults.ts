import type { CadenceRuleFields, Scenario, ScenarioOutcome } from '../schema/dunning.ts';
import { catalogueLocale, LOCALES, translate, type Locale } from '../i18n/index.ts';

/**
 * The board data a new dunning model starts from: the five default debtor scenarios (named in
 * the board's language from the catalogue's `dunning.scenario.default.*`, then renameable like
 * any text on the board) and the cadence-rule presets. Legal rules are presets rather than rules
 * that switch on by themselves: the board's language is not its jurisdiction, so the team
 * chooses the law that applies.
 */

/** The languages of a board's dunning words: the catalogues' languages. */
export const DUNNING_LANGUAGES = LOCALES;
export type DunningLanguage = Locale;

/** The language of a board's dunning words from its locale tag (`da-DK` → `da`; anything unknown → `en`). */
export const dunningLanguage = (locale: string): DunningLanguage => catalogueLocale(locale);

export const DEFAULT_SCENARIO_KEYS = ['forgot', 'hardship', 'dispute', 'wont-pay', 'vulnerable'] as const;
export type DefaultScenarioKey = (typeof DEFAULT_SCENARIO_KEYS)[number];

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
  return DEFAULT_SCENARIO_KEYS.map((key) => ({
    key,
    name: translate(language, `dunning.scenario.default.${key}`),
    ...SCENARIO_SHAPE[key],
  }));
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

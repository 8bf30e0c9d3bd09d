/**
 * The priority score of an idea/action, defined once for the list, the matrix, the
 * exports and the help text.
 *
 *   score = votes + impact + effort + pains + confidence          (0 … 100, one decimal)
 *
 * Each component is its input mapped onto 0 … 1, times the component's weight:
 *
 * | component  | weight | mapping onto 0 … 1                       | default when absent    |
 * |------------|-------:|------------------------------------------|------------------------|
 * | votes      |     30 | v / (v + 5)  (5 votes give half)         | 0 votes                |
 * | impact     |     25 | (impact − 1) / 4                         | 3, flagged incomplete  |
 * | effort     |     15 | (5 − effort) / 4  (less effort is better) | 3, flagged incomplete  |
 * | pains      |     20 | s / (s + 3), s = sum of linked pains' severities (1 … 3 each) | no pains |
 * | confidence |     10 | (confidence − 1) / 4                     | 3 (neutral)            |
 *
 * Votes and pains saturate instead of being capped, so every extra vote or linked pain
 * still counts a little and the score stays below 100. Each component's points are rounded
 * to one decimal and the score is their sum, so a breakdown always adds up to what is shown.
 * Rounding and clamping are monotonic, so more votes, impact, confidence or pain severity
 * never lower the score and more effort never raises it.
 */

export const SCORE_COMPONENT_KEYS = ['votes', 'impact', 'effort', 'pains', 'confidence'] as const;
export type ScoreComponentKey = (typeof SCORE_COMPONENT_KEYS)[number];

export const PRIORITY_SCORE_MAX = 100;

/** Points each component can contribute at most; they add up to `PRIORITY_SCORE_MAX`. */
export const PRIORITY_SCORE_WEIGHTS: Readonly<Record<ScoreComponentKey, number>> = {
  votes: 30,
  impact: 25,
  effort: 15,
  pains: 20,
  confidence: 10,
};

/** Votes at which the votes component gives half its weight. */
export const VOTES_HALF_AT = 5;
/** Summed pain severity at which the pains component gives half its weight (one severe pain). */
export const PAIN_SEVERITY_HALF_AT = 3;
/** Value assumed for a 1…5 rating that has not been set: the middle of the scale. */
export const NEUTRAL_RATING = 3;

/** A count that saturates, `x / (x + halfAt)`, in the formula as data; absent counts as 0. */
const saturatingCount = (key: 'votes' | 'pains', symbol: string, meaning: string, halfAt: number) =>
  ({
    key,
    weight: PRIORITY_SCORE_WEIGHTS[key],
    formula: `${symbol} / (${symbol} + ${halfAt})`,
    symbols: { [symbol]: meaning },
    halfAt,
    whenMissing: 0,
    direction: 'higher-is-better',
    flagsIncomplete: false,
  }) as const;

/** A 1…5 rating mapped linearly onto 0…1, in the formula as data; absent counts as the middle. */
const linearRating = (
  key: 'impact' | 'effort' | 'confidence',
  symbol: string,
  direction: 'higher-is-better' | 'lower-is-better',
  flagsIncomplete: boolean,
) =>
  ({
    key,
    weight: PRIORITY_SCORE_WEIGHTS[key],
    formula: direction === 'higher-is-better' ? `(${symbol} - 1) / 4` : `(5 - ${symbol}) / 4`,
    symbols: { [symbol]: key },
    range: [1, 5],
    whenMissing: NEUTRAL_RATING,
    direction,
    flagsIncomplete,
  }) as const;

/**
 * The formula as data, for the UI's help text: keys name catalogue entries, formulas use
 * the symbols listed in `symbols`, numbers are the live constants above.
 */
export const PRIORITY_SCORE_EXPLANATION = {
  formula: SCORE_COMPONENT_KEYS.join(' + '),
  min: 0,
  max: PRIORITY_SCORE_MAX,
  decimals: 1,
  components: [
    saturatingCount('votes', 'v', 'votes', VOTES_HALF_AT),
    linearRating('impact', 'i', 'higher-is-better', true),
    linearRating('effort', 'e', 'lower-is-better', true),
    saturatingCount('pains', 's', 'sum-of-linked-pain-severities', PAIN_SEVERITY_HALF_AT),
    linearRating('confidence', 'c', 'higher-is-better', false),
  ],
  painSeverity: {
    source: 'lowest-touchpoint-emotion-in-stage',
    byEmotion: [
      { emotion: -2, severity: 3 },
      { emotion: -1, severity: 2 },
      { emotion: 'other', severity: 1 },
    ],
  },
} as const;

export interface PriorityInput {
  /** Votes from the facilitator's voting rounds; absent = 0. */
  votes?: number;
  impact?: number;
  effort?: number;
  confidence?: number;
  /** Severity (1…3) of each pain the idea is linked to. */
  painSeverities?: readonly number[];
}

export interface ScoreComponent {
  key: ScoreComponentKey;
  /** The input used (after defaults and clamping). */
  value: number;
  /** The input mapped onto 0…1. */
  normalised: number;
  weight: number;
  /** Contribution to the score: normalised × weight, one decimal. */
  points: number;
  /** True when the input was absent and a default was used. */
  assumed: boolean;
}

export interface ScoreBreakdown {
  /** 0…100, one decimal; the sum of the components' points. */
  score: number;
  components: Record<ScoreComponentKey, ScoreComponent>;
  /** Impact or effort was not set and the middle of the scale was assumed. */
  incomplete: boolean;
  missing: Array<'impact' | 'effort'>;
  linkedPainCount: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const finite = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
const rating = (n: number | undefined): number => (finite(n) ? clamp(n, 1, 5) : NEUTRAL_RATING);

function component(key: ScoreComponentKey, value: number, normalised: number, assumed: boolean): ScoreComponent {
  const weight = PRIORITY_SCORE_WEIGHTS[key];
  return { key, value, normalised, weight, points: round1(normalised * weight), assumed };
}

/** The priority score with each component's contribution (see the module comment). */
export function priorityScore(input: PriorityInput): ScoreBreakdown {
  const votes = finite(input.votes) ? Math.max(0, input.votes) : 0;
  const impact = rating(input.impact);
  const effort = rating(input.effort);
  const confidence = rating(input.confidence);
  const severities = (input.painSeverities ?? []).filter(finite).map((s) => clamp(s, 0, 3));
  const severitySum = severities.reduce((a, b) => a + b, 0);
  const components: Record<ScoreComponentKey, ScoreComponent> = {
    votes: component('votes', votes, votes / (votes + VOTES_HALF_AT), false),
    impact: component('impact', impact, (impact - 1) / 4, !finite(input.impact)),
    effort: component('effort', effort, (5 - effort) / 4, !finite(input.effort)),
    pains: component('pains', severitySum, severitySum / (severitySum + PAIN_SEVERITY_HALF_AT), false),
    confidence: component('confidence', confidence, (confidence - 1) / 4, !finite(input.confidence)),
  };
  const missing: Array<'impact' | 'effort'> = [];
  if (components.impact.assumed) missing.push('impact');
  if (components.effort.assumed) missing.push('effort');
  const score = round1(SCORE_COMPONENT_KEYS.reduce((sum, key) => sum + components[key].points, 0));
  return {
    score: clamp(score, 0, PRIORITY_SCORE_MAX),
    components,
    incomplete: missing.length > 0,
    missing,
    linkedPainCount: severities.length,
  };
}

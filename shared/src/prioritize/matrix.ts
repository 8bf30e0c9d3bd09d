/**
 * The impact/effort 2×2 matrix.
 *
 * Ratings are 1…5. Impact 3 or more is high; effort 3 or more is high. The middle rating
 * therefore counts as high on both axes: a middling idea is a "big bet" that deserves a
 * closer look, not a quick win by default.
 *
 *                 effort 1–2      effort 3–5
 *   impact 3–5    quick-win       big-bet
 *   impact 1–2    fill-in         money-pit
 *
 * For plotting, each rating owns an equal band of the 0…1 axis (rating r covers
 * [(r − 1)/5, r/5)) and is drawn at the band's centre; x is effort (left = little effort),
 * y is impact (0 = low, 1 = high; flip it for screen coordinates). The quadrant lines sit
 * at `MATRIX_SPLIT`, between the bands of 2 and 3, so a point's quadrant on screen is its
 * quadrant by rating.
 */

export const QUADRANTS = ['quick-win', 'big-bet', 'fill-in', 'money-pit'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const MATRIX_THRESHOLDS = {
  /** Impact at or above this is high. */
  highImpactFrom: 3,
  /** Effort at or above this is high. */
  highEffortFrom: 3,
} as const;

const RATING_MIN = 1;
const RATING_MAX = 5;
const BANDS = RATING_MAX - RATING_MIN + 1;

/** Where the quadrant lines are drawn, in the same 0…1 coordinates as `matrixPosition`. */
export const MATRIX_SPLIT = {
  x: (MATRIX_THRESHOLDS.highEffortFrom - RATING_MIN) / BANDS,
  y: (MATRIX_THRESHOLDS.highImpactFrom - RATING_MIN) / BANDS,
} as const;

export function quadrantOf(impact: number, effort: number): Quadrant {
  const highImpact = impact >= MATRIX_THRESHOLDS.highImpactFrom;
  const highEffort = effort >= MATRIX_THRESHOLDS.highEffortFrom;
  if (highImpact) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}

export interface MatrixPoint {
  /** Effort: 0 = least, 1 = most. */
  x: number;
  /** Impact: 0 = lowest, 1 = highest. */
  y: number;
}

const snap = (rating: number): number => Math.min(RATING_MAX, Math.max(RATING_MIN, Math.round(Number.isFinite(rating) ? rating : 3)));
const toAxis = (rating: number): number => (snap(rating) - RATING_MIN + 0.5) / BANDS;
const fromAxis = (t: number): number => {
  const v = Number.isFinite(t) ? t : 0.5;
  return Math.min(RATING_MAX, Math.max(RATING_MIN, Math.floor(v * BANDS) + RATING_MIN));
};

/** The centre of a rating pair's cell, in 0…1 on both axes. */
export function matrixPosition(impact: number, effort: number): MatrixPoint {
  return { x: toAxis(effort), y: toAxis(impact) };
}

/** The ratings under a point (e.g. where a card was dropped), snapped to 1…5; outside points clamp. */
export function valuesFromMatrixPosition(x: number, y: number): { impact: number; effort: number } {
  return { impact: fromAxis(y), effort: fromAxis(x) };
}

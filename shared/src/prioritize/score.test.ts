import { describe, expect, it } from 'vitest';
import { painSeverity, severityFromEmotion, stageSeverities } from './pains.ts';
import {
  PRIORITY_SCORE_EXPLANATION,
  PRIORITY_SCORE_MAX,
  PRIORITY_SCORE_WEIGHTS,
  priorityScore,
  SCORE_COMPONENT_KEYS,
  type PriorityInput,
} from './score.ts';
import { buildBoard, pain, touchpoint } from '../../testing/board-fixtures.ts';

const RATINGS = [1, 2, 3, 4, 5];
const VOTES = [0, 1, 2, 3, 5, 8, 13, 40, 1000];
const PAIN_SETS: number[][] = [[], [1], [2], [3], [1, 1], [3, 3], [3, 3, 3, 3, 3, 3]];

/** Every combination of inputs on a coarse grid, ratings sometimes left unset. */
function* grid(): Generator<PriorityInput> {
  const maybe = [undefined, ...RATINGS];
  for (const votes of [0, 3, 40]) {
    for (const impact of maybe) {
      for (const effort of maybe) {
        for (const confidence of maybe) {
          for (const painSeverities of [[], [2], [3, 3]]) yield { votes, impact, effort, confidence, painSeverities };
        }
      }
    }
  }
}

const score = (input: PriorityInput): number => priorityScore(input).score;

describe('priority score', () => {
  it('stays between 0 and 100 for every input, and reaches neither end by accident', () => {
    for (const input of grid()) {
      const s = score(input);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(PRIORITY_SCORE_MAX);
    }
    expect(score({ votes: 0, impact: 1, effort: 5, confidence: 1 })).toBe(0);
    const best = score({ votes: 1e9, impact: 5, effort: 1, confidence: 5, painSeverities: Array(1000).fill(3) });
    expect(best).toBeLessThanOrEqual(100);
    expect(best).toBeGreaterThan(99);
  });

  it('never drops when votes grow', () => {
    for (const input of grid()) {
      const scores = VOTES.map((votes) => score({ ...input, votes }));
      for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1] as number);
    }
  });

  it('never drops when impact or confidence grow, and never rises when effort grows', () => {
    for (const input of grid()) {
      const byImpact = RATINGS.map((impact) => score({ ...input, impact }));
      const byConfidence = RATINGS.map((confidence) => score({ ...input, confidence }));
      const byEffort = RATINGS.map((effort) => score({ ...input, effort }));
      for (let i = 1; i < 5; i++) {
        expect(byImpact[i]).toBeGreaterThan(byImpact[i - 1] as number);
        expect(byConfidence[i]).toBeGreaterThan(byConfidence[i - 1] as number);
        expect(byEffort[i]).toBeLessThan(byEffort[i - 1] as number);
      }
    }
  });

  it('never drops when a linked pain is added or a linked pain gets more severe', () => {
    for (const input of grid()) {
      const scores = PAIN_SETS.map((painSeverities) => score({ ...input, painSeverities }));
      expect(scores[1]).toBeGreaterThan(scores[0] as number);
      expect(scores[2]).toBeGreaterThan(scores[1] as number);
      expect(scores[3]).toBeGreaterThan(scores[2] as number);
      expect(scores[4]).toBeGreaterThan(scores[1] as number);
      expect(scores[5]).toBeGreaterThan(scores[3] as number);
      expect(scores[6]).toBeGreaterThan(scores[5] as number);
    }
  });

  it('breaks the score into components whose points add up to the score', () => {
    const breakdown = priorityScore({ votes: 5, impact: 5, effort: 1, confidence: 3, painSeverities: [3] });
    const { components } = breakdown;
    expect(components.votes).toMatchObject({ value: 5, normalised: 0.5, points: 15, assumed: false });
    expect(components.impact).toMatchObject({ value: 5, normalised: 1, points: 25 });
    expect(components.effort).toMatchObject({ value: 1, normalised: 1, points: 15 });
    expect(components.pains).toMatchObject({ value: 3, normalised: 0.5, points: 10 });
    expect(components.confidence).toMatchObject({ value: 3, normalised: 0.5, points: 5 });
    expect(breakdown.score).toBe(70);
    expect(breakdown.linkedPainCount).toBe(1);
    for (const input of grid()) {
      const b = priorityScore(input);
      const sum = SCORE_COMPONENT_KEYS.reduce((acc, key) => acc + b.components[key].points, 0);
      expect(b.score).toBeCloseTo(sum, 9);
      expect(Math.round(b.score * 10) / 10).toBe(b.score);
    }
  });

  it('assumes the middle for missing impact and effort and flags the score incomplete', () => {
    const missingBoth = priorityScore({ votes: 2 });
    expect(missingBoth.incomplete).toBe(true);
    expect(missingBoth.missing).toEqual(['impact', 'effort']);
    expect(missingBoth.components.impact).toMatchObject({ value: 3, assumed: true });
    expect(missingBoth.components.effort).toMatchObject({ value: 3, assumed: true });
    expect(missingBoth.score).toBe(score({ votes: 2, impact: 3, effort: 3 }));
    expect(priorityScore({ impact: 4 }).missing).toEqual(['effort']);
  });

  it('treats a missing confidence as neutral without flagging the score incomplete', () => {
    const b = priorityScore({ impact: 2, effort: 2 });
    expect(b.incomplete).toBe(false);
    expect(b.components.confidence).toMatchObject({ value: 3, assumed: true, points: 5 });
  });

  it('ignores negative or non-finite votes and clamps out-of-range ratings', () => {
    expect(score({ votes: -4, impact: 3, effort: 3 })).toBe(score({ votes: 0, impact: 3, effort: 3 }));
    expect(score({ votes: Number.NaN, impact: 3, effort: 3 })).toBe(score({ votes: 0, impact: 3, effort: 3 }));
    expect(score({ impact: 9, effort: -1 })).toBe(score({ impact: 5, effort: 1 }));
  });

  it('publishes its formula as data whose weights match the computation and sum to the maximum', () => {
    const weights = PRIORITY_SCORE_EXPLANATION.components.map((c) => [c.key, c.weight]);
    expect(Object.fromEntries(weights)).toEqual(PRIORITY_SCORE_WEIGHTS);
    expect(Object.values(PRIORITY_SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(PRIORITY_SCORE_EXPLANATION.max);
    expect(PRIORITY_SCORE_EXPLANATION.components.map((c) => c.key)).toEqual([...SCORE_COMPONENT_KEYS]);
    expect(JSON.parse(JSON.stringify(PRIORITY_SCORE_EXPLANATION))).toEqual(PRIORITY_SCORE_EXPLANATION);
  });
});

describe('pain severity', () => {
  it('maps the lowest emotion to a severity: −2 severe, −1 serious, anything else mild', () => {
    expect([-2, -1, 0, 1, 2, null].map((e) => severityFromEmotion(e))).toEqual([3, 2, 1, 1, 1, 1]);
  });

  it('takes the worst touchpoint emotion of the pain’s own stage', () => {
    const board = buildBoard({
      cards: [
        touchpoint('a', 's_invoice', 2),
        touchpoint('b', 's_invoice', -1),
        touchpoint('c', 's_reminder', -2),
        touchpoint('d', 's_collection'),
        pain('p1', 's_invoice'),
        pain('p2', 's_reminder'),
        pain('p3', 's_collection'),
        pain('p4', 's_paid'),
      ],
    });
    const painCards = board.cards.filter((c) => c.kind === 'pain');
    expect(painCards.map((p) => painSeverity(board, p))).toEqual([2, 3, 1, 1]);
    expect(Object.fromEntries(stageSeverities(board))).toEqual({
      s_invoice: 2,
      s_reminder: 3,
      s_collection: 1,
      s_paid: 1,
    });
  });

  it('ignores emotions set on cards that are not touchpoints', () => {
    const board = buildBoard({ cards: [pain('p', 's_invoice', { emotion: -2 })] });
    expect(painSeverity(board, board.cards[0] as (typeof board.cards)[number])).toBe(1);
  });
});

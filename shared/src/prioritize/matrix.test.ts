import { describe, expect, it } from 'vitest';
import { MATRIX_SPLIT, matrixPosition, quadrantOf, valuesFromMatrixPosition, type Quadrant } from './matrix.ts';

// Rows: impact 5 (top) … 1 (bottom); columns: effort 1 … 5.
const EXPECTED: Record<number, Quadrant[]> = {
  5: ['quick-win', 'quick-win', 'big-bet', 'big-bet', 'big-bet'],
  4: ['quick-win', 'quick-win', 'big-bet', 'big-bet', 'big-bet'],
  3: ['quick-win', 'quick-win', 'big-bet', 'big-bet', 'big-bet'],
  2: ['fill-in', 'fill-in', 'money-pit', 'money-pit', 'money-pit'],
  1: ['fill-in', 'fill-in', 'money-pit', 'money-pit', 'money-pit'],
};

describe('impact/effort matrix', () => {
  it('puts each of the 25 impact/effort pairs in the quadrant of the table', () => {
    for (const impact of [1, 2, 3, 4, 5]) {
      for (const effort of [1, 2, 3, 4, 5]) {
        expect([impact, effort, quadrantOf(impact, effort)]).toEqual([impact, effort, EXPECTED[impact]?.[effort - 1]]);
      }
    }
  });

  it('counts the middle rating as high on both axes, so a 3/3 idea is a big bet', () => {
    expect(quadrantOf(3, 3)).toBe('big-bet');
    expect(quadrantOf(3, 2)).toBe('quick-win');
    expect(quadrantOf(2, 3)).toBe('money-pit');
  });

  it('places ratings at band centres in 0…1, with effort on x and impact on y', () => {
    expect(matrixPosition(1, 1)).toEqual({ x: 0.1, y: 0.1 });
    expect(matrixPosition(5, 1)).toEqual({ x: 0.1, y: 0.9 });
    expect(matrixPosition(3, 5).x).toBeCloseTo(0.9);
    expect(matrixPosition(3, 5).y).toBeCloseTo(0.5);
  });

  it('turns every plotted position back into the same ratings', () => {
    for (const impact of [1, 2, 3, 4, 5]) {
      for (const effort of [1, 2, 3, 4, 5]) {
        const { x, y } = matrixPosition(impact, effort);
        expect(valuesFromMatrixPosition(x, y)).toEqual({ impact, effort });
      }
    }
  });

  it('snaps a drop anywhere, even outside the plot, to ratings 1…5', () => {
    expect(valuesFromMatrixPosition(0, 0)).toEqual({ impact: 1, effort: 1 });
    expect(valuesFromMatrixPosition(1, 1)).toEqual({ impact: 5, effort: 5 });
    expect(valuesFromMatrixPosition(-3, 7)).toEqual({ impact: 5, effort: 1 });
    expect(valuesFromMatrixPosition(0.39, 0.41)).toEqual({ impact: 3, effort: 2 });
    expect(valuesFromMatrixPosition(Number.NaN, 0.5)).toEqual({ impact: 3, effort: 3 });
  });

  it('draws the quadrant lines where the quadrants change', () => {
    for (const t of [0.05, 0.2, 0.35, 0.39, 0.4, 0.41, 0.6, 0.95]) {
      const { impact, effort } = valuesFromMatrixPosition(t, t);
      const q = quadrantOf(impact, effort);
      expect(q === 'big-bet').toBe(t >= MATRIX_SPLIT.x && t >= MATRIX_SPLIT.y);
      expect(q === 'fill-in').toBe(t < MATRIX_SPLIT.x && t < MATRIX_SPLIT.y);
    }
  });
});

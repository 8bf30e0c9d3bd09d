import { describe, expect, it } from 'vitest';
import { farScale, SCALE_STEP } from './farMap.ts';
import { MAX_TILE_WIDTH } from './farTiles.ts';

/** About the far layer's area of a 5,000-card board of 20 stages: several screens tall at the opening zoom. */
const tall = { x: -40, y: -40, width: 6080, height: 33_000 };
const OPENING_ZOOM = 0.15;

describe('farScale', () => {
  it('is as sharp as the screen at devicePixelRatio 2 for a 5,000-card board, however tall', () => {
    expect(farScale(tall, OPENING_ZOOM, 2)).toBeCloseTo(0.3, 9);
    // Ten times as tall: the tiles on screen hold the same pixels, so the scale does not drop.
    expect(farScale({ ...tall, height: 330_000 }, OPENING_ZOOM, 2)).toBeCloseTo(0.3, 9);
  });

  it('rounds zoom × ratio up to a step, so a small zoom change keeps the drawing', () => {
    expect(farScale(tall, 0.151, 2)).toBeCloseTo(0.325, 9);
    expect(farScale(tall, 0.152, 2)).toBe(farScale(tall, 0.151, 2));
    const scale = farScale(tall, 0.13, 1.5);
    expect(scale).toBeGreaterThanOrEqual(0.13 * 1.5);
    expect(scale - 0.13 * 1.5).toBeLessThan(SCALE_STEP);
  });

  it('keeps a band of a board wider than the screen within the widest tile', () => {
    const wide = { ...tall, width: 40_000 };
    expect(farScale(wide, OPENING_ZOOM, 2)).toBeLessThan(0.3);
    expect(Math.round(wide.width * farScale(wide, OPENING_ZOOM, 2))).toBeLessThanOrEqual(MAX_TILE_WIDTH);
  });
});

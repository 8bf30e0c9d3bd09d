import { describe, expect, it } from 'vitest';
import { chipScale, MAX_CHIP_SCALE } from './valueSize.ts';

describe('chip size by value', () => {
  it('keeps an idea without a value at the normal size and gives the most valuable the largest', () => {
    expect(chipScale(null, 1_000)).toBe(1);
    expect(chipScale(0, 1_000)).toBe(1);
    expect(chipScale(500, 0)).toBe(1);
    expect(chipScale(1_000, 1_000)).toBe(MAX_CHIP_SCALE);
  });

  it('never shrinks a chip for more value, and grows its area (not its width) with the value', () => {
    let previous = 1;
    for (let value = 0; value <= 1_000; value += 50) {
      const scale = chipScale(value, 1_000);
      expect(scale).toBeGreaterThanOrEqual(previous);
      previous = scale;
    }
    // A quarter of the top value: half the extra size, since area goes with the square.
    expect(chipScale(250, 1_000)).toBeCloseTo(1 + (MAX_CHIP_SCALE - 1) / 2, 10);
  });
});

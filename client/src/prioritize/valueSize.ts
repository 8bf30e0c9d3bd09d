/**
 * Chip sizes on the impact/effort matrix when it is sized by value: a chip's area grows with
 * its value a year (so twice the value reads as twice the ink, not four times), from the
 * normal size for an idea without a value up to `MAX_CHIP_SCALE` for the most valuable one.
 */
export const MAX_CHIP_SCALE = 2;

/** The scale of a chip worth `value` when the most valuable idea is worth `max`; 1 without a value. */
export function chipScale(value: number | null | undefined, max: number): number {
  if (value === null || value === undefined || !(value > 0) || !(max > 0)) return 1;
  const share = Math.min(1, value / max);
  return 1 + (MAX_CHIP_SCALE - 1) * Math.sqrt(share);
}

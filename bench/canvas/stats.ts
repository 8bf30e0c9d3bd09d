/** Small statistics for the canvas benchmark's figures. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** One display refresh at 60 Hz. */
const FRAME_MS = 1000 / 60;

/** The gaps between consecutive animation-frame times. */
export const frameGaps = (frames: readonly number[]): number[] => frames.slice(1).map((t, i) => t - (frames[i] ?? t));

/**
 * Frames a 60 Hz display would have shown that the page did not paint: a gap of about two
 * refreshes is one dropped frame, of three is two, and so on.
 */
export const droppedFrames = (gaps: readonly number[]): number =>
  gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / FRAME_MS) - 1), 0);

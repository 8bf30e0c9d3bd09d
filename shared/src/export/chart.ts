/**
 * Geometry of the report's emotion-curve chart, as numbers only: the HTML report (server)
 * and the report page (React) draw the same SVG from it, and no user text ever goes into
 * an attribute or a path. Emotions run −2 (bottom) … +2 (top); stages are evenly spaced
 * left to right; a stage without rated touchpoints is a gap in the line, never a zero.
 */
import { curveSegments, type EmotionPoint } from '../emotion.ts';

export const CHART_EMOTION_MIN = -2;
export const CHART_EMOTION_MAX = 2;

export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartPadding {
  /** Room for the −2 … +2 labels. */
  left: number;
  right: number;
  top: number;
  /** Room for the stage labels. */
  bottom: number;
}

/** Average width of a stage label's character at the chart's 11 px font, for wrapping. */
export const CHART_LABEL_CHAR_WIDTH = 6.5;

export const DEFAULT_CHART_SIZE: ChartSize = { width: 720, height: 240 };
export const DEFAULT_CHART_PADDING: ChartPadding = { left: 40, right: 16, top: 16, bottom: 44 };

export interface ChartPoint {
  /** The stage's position, left to right. */
  index: number;
  x: number;
  y: number;
  /** Lowest and highest emotion of the stage, as y. */
  yMin: number;
  yMax: number;
  mean: number;
  count: number;
}

export interface EmotionChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Horizontal lines at −2 … +2. */
  gridlines: Array<{ value: number; y: number }>;
  /** Every stage's x, with or without data (labels go here). */
  stages: Array<{ index: number; x: number; hasData: boolean }>;
  /** One SVG path `d` per run of consecutive stages with data. */
  paths: string[];
  points: ChartPoint[];
  /** Width each stage gets along the x axis (labels wrap or clip to it). */
  stageWidth: number;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

export function emotionChartGeometry(
  curve: readonly EmotionPoint[],
  size: ChartSize = DEFAULT_CHART_SIZE,
  padding: ChartPadding = DEFAULT_CHART_PADDING,
): EmotionChartGeometry {
  const plot = {
    left: padding.left,
    right: Math.max(padding.left + 1, size.width - padding.right),
    top: padding.top,
    bottom: Math.max(padding.top + 1, size.height - padding.bottom),
  };
  const count = Math.max(1, curve.length);
  const stageWidth = (plot.right - plot.left) / count;
  const xOf = (index: number): number => r1(plot.left + stageWidth * (index + 0.5));
  const yOf = (value: number): number => {
    const v = Math.max(CHART_EMOTION_MIN, Math.min(CHART_EMOTION_MAX, Number.isFinite(value) ? value : 0));
    return r1(plot.top + ((CHART_EMOTION_MAX - v) / (CHART_EMOTION_MAX - CHART_EMOTION_MIN)) * (plot.bottom - plot.top));
  };
  const gridlines: EmotionChartGeometry['gridlines'] = [];
  for (let value = CHART_EMOTION_MAX; value >= CHART_EMOTION_MIN; value--) gridlines.push({ value, y: yOf(value) });
  const points: ChartPoint[] = curve
    .filter((p) => p.mean !== null)
    .map((p) => {
      const mean = p.mean as number;
      return {
        index: p.index,
        x: xOf(p.index),
        y: yOf(mean),
        yMin: yOf(p.min ?? mean),
        yMax: yOf(p.max ?? mean),
        mean,
        count: p.count,
      };
    });
  const paths = curveSegments(curve).map((segment) =>
    segment.map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(p.index)} ${yOf(p.mean as number)}`).join(' '),
  );
  return {
    width: size.width,
    height: size.height,
    plot,
    gridlines,
    stages: curve.map((p) => ({ index: p.index, x: xOf(p.index), hasData: p.mean !== null })),
    paths,
    points,
    stageWidth: r1(stageWidth),
  };
}

/**
 * A stage title broken into at most `maxLines` lines of about `maxChars` characters, at
 * spaces where it can; whatever does not fit ends in "…". For the chart's stage labels,
 * which SVG does not wrap by itself.
 */
export function wrapLabel(title: string, maxChars: number, maxLines = 2): string[] {
  const limit = Math.max(2, Math.floor(maxChars));
  const words = title.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const chars = (text: string): number => [...text].length;
  const cut = (text: string): string =>
    `${[...text]
      .slice(0, limit - 1)
      .join('')
      .trimEnd()}…`;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = current ? `${current} ${word}` : word;
    if (chars(next) <= limit) {
      current = next;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    if (lines.length === maxLines - 1) {
      const rest = words.slice(i).join(' ');
      lines.push(chars(rest) <= limit ? rest : cut(rest));
      return lines;
    }
  }
  if (current) lines.push(chars(current) <= limit ? current : cut(current));
  return lines.slice(0, maxLines);
}

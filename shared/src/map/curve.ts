import { curveSegments, emotionCurve } from '../emotion.ts';
import type { Board } from '../schema/board.ts';
import type { EmotionPoint } from '../emotion.ts';
import type { Point } from './grid.ts';

/** Geometry of the emotion curve node: an axis gutter on the left, then one x per stage. */
export const CURVE = {
  axisWidth: 34,
  padTop: 24,
  padBottom: 24,
} as const;

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** One stage's summary placed in the node's own coordinates. */
export interface PlacedPoint {
  stageId: string;
  title: string;
  count: number;
  mean: number;
  min: number;
  max: number;
  x: number;
  y: number;
  yMin: number;
  yMax: number;
}

/** y inside the node for an emotion value; +2 at the top. */
export function emotionY(value: number, height: number): number {
  const top = CURVE.padTop;
  const bottom = height - CURVE.padBottom;
  const clamped = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, value));
  return top + ((EMOTION_MAX - clamped) / (EMOTION_MAX - EMOTION_MIN)) * (bottom - top);
}

/** x inside the node of a stage's centre. */
export const stageX = (index: number, stageWidth: number): number => CURVE.axisWidth + index * stageWidth + stageWidth / 2;

/**
 * The curve's runs of consecutive stages with data, placed in the node: stages without
 * rated touchpoints split the curve (a gap, never a zero).
 */
export function placeCurve(
  points: readonly EmotionPoint[],
  titles: ReadonlyMap<string, string>,
  stageWidth: number,
  height: number,
): PlacedPoint[][] {
  return curveSegments(points).map((segment) =>
    segment.map((p) => {
      const mean = p.mean as number;
      const min = p.min ?? mean;
      const max = p.max ?? mean;
      return {
        stageId: p.stageId,
        title: titles.get(p.stageId) ?? '',
        count: p.count,
        mean,
        min,
        max,
        x: stageX(p.index, stageWidth),
        y: emotionY(mean, height),
        yMin: emotionY(min, height),
        yMax: emotionY(max, height),
      };
    }),
  );
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * A smooth SVG path through the points (Catmull–Rom turned into cubic Béziers). Control
 * points are clamped to the vertical range of their two ends, so the line never
 * overshoots past a neighbouring value.
 */
export function smoothPath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  if (points.length === 1) return `M${round(first.x)},${round(first.y)}`;
  let d = `M${round(first.x)},${round(first.y)}`;
  for (let i = 0; i < points.length - 1; i += 1) {
    const p0 = points[i - 1] ?? (points[i] as Point);
    const p1 = points[i] as Point;
    const p2 = points[i + 1] as Point;
    const p3 = points[i + 2] ?? p2;
    const low = Math.min(p1.y, p2.y);
    const high = Math.max(p1.y, p2.y);
    const clampY = (y: number) => Math.max(low, Math.min(high, y));
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: clampY(p1.y + (p2.y - p0.y) / 6) };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: clampY(p2.y - (p3.y - p1.y) / 6) };
    d += ` C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(p2.x)},${round(p2.y)}`;
  }
  return d;
}

/** The min–max spread of a run as a closed band (straight edges: a spread, not a trend). */
export function bandPath(points: readonly PlacedPoint[]): string {
  if (points.length < 2) return '';
  const top = points.map((p) => `${round(p.x)},${round(p.yMax)}`);
  const bottom = [...points].reverse().map((p) => `${round(p.x)},${round(p.yMin)}`);
  return `M${top.join(' L')} L${bottom.join(' L')} Z`;
}

/** How many persona curves the map overlays at most: more lines than this are no longer readable. */
export const PERSONA_CURVES = 5;

/**
 * One colour per overlaid persona curve, in board order. Each has at least 4.5:1 contrast on
 * white (a line and its legend swatch must stand out from the grid and from each other).
 */
export const PERSONA_CURVE_COLOURS = ['#1f5f6b', '#b1461b', '#6b4fa0', '#2c64a6', '#a3336f'] as const;

/**
 * One line pattern per overlaid persona curve (SVG stroke-dasharray; '' is solid): the curves
 * differ in more than colour, for people who cannot tell the colours apart and for print in grey.
 */
export const PERSONA_CURVE_DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4'] as const;

export interface PersonaCurve {
  personaId: string;
  name: string;
  colour: string;
  dash: string;
  /** The curve from how each touchpoint feels for this persona (its own value, else the shared one). */
  points: EmotionPoint[];
}

/**
 * The first five personas' curves, in board order. None for a board with one persona or none:
 * then the one shared curve is that journey's (with its spread band), and the emotion a
 * touchpoint shows in the inspector is the one the curve draws.
 */
export function personaCurves(board: Pick<Board, 'personas' | 'stages' | 'cards'>): PersonaCurve[] {
  if (board.personas.length < 2) return [];
  return board.personas.slice(0, PERSONA_CURVES).map((persona, i) => ({
    personaId: persona.id,
    name: persona.name,
    colour: PERSONA_CURVE_COLOURS[i] as string,
    dash: PERSONA_CURVE_DASHES[i] as string,
    points: emotionCurve(board, persona.id),
  }));
}

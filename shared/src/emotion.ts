import type { Board } from './schema/board.ts';
import type { StageId } from './ids.ts';
import { emotionFor } from './doc/persona-emotions.ts';

/** One point of the emotion curve: a stage's touchpoint emotions summarised. */
export interface EmotionPoint {
  stageId: StageId;
  /** Position of the stage, left to right. */
  index: number;
  /** Number of touchpoints in the stage that carry an emotion. */
  count: number;
  /** Mean emotion (−2…+2), or null when no touchpoint in the stage has one: a gap, not a zero. */
  mean: number | null;
  min: number | null;
  max: number | null;
}

/**
 * The emotion curve across stages, computed from the touchpoints' emotion scores; with a
 * persona, from how each touchpoint feels for that persona (its own value, else the shared one).
 */
export function emotionCurve(board: Pick<Board, 'stages' | 'cards'>, personaId: string | null = null): EmotionPoint[] {
  const byStage = new Map<string, number[]>();
  for (const card of board.cards) {
    const emotion = card.kind === 'touchpoint' ? emotionFor(card, personaId) : undefined;
    if (emotion === undefined) continue;
    const list = byStage.get(card.stageId) ?? [];
    list.push(emotion);
    byStage.set(card.stageId, list);
  }
  return board.stages.map((stage, index) => {
    const scores = byStage.get(stage.id) ?? [];
    if (scores.length === 0) return { stageId: stage.id, index, count: 0, mean: null, min: null, max: null };
    const sum = scores.reduce((a, b) => a + b, 0);
    return {
      stageId: stage.id,
      index,
      count: scores.length,
      mean: sum / scores.length,
      min: Math.min(...scores),
      max: Math.max(...scores),
    };
  });
}

/** Splits the curve into runs of consecutive stages with data, so gaps are drawn as gaps. */
export function curveSegments(points: readonly EmotionPoint[]): EmotionPoint[][] {
  const segments: EmotionPoint[][] = [];
  let current: EmotionPoint[] = [];
  for (const point of points) {
    if (point.mean === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(point);
  }
  if (current.length) segments.push(current);
  return segments;
}

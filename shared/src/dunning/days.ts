import type { Board } from '../schema/board.ts';
import type { Card } from '../schema/card.ts';
import type { StageId } from '../ids.ts';
import { appliesTo } from './scenarios.ts';

/**
 * The time axis of a dunning journey. A touchpoint's day is `dayOffset`: whole days relative
 * to the invoice's due date, written D−14 … D0 … D+90 (D0 is the due date itself). The
 * functions here are pure geometry: fractions of a stage column, never pixels.
 */

/** "D−14", "D0", "D+12" (with a real minus sign, as a credit manager writes it). */
export function formatDueDay(day: number): string {
  if (day === 0) return 'D0';
  return day < 0 ? `D\u2212${Math.abs(day)}` : `D+${day}`;
}

/** The days one stage spans: from its earliest to its latest touchpoint's day (null: no day in it). */
export interface StageSpan {
  stageId: StageId;
  index: number;
  from: number | null;
  to: number | null;
  /** Touchpoints with a day in the stage. */
  count: number;
}

const dated = (card: Card): card is Card & { dayOffset: number } => card.kind === 'touchpoint' && card.dayOffset !== undefined;

/** The ruler under the stage headers: the days each stage spans. `scenarioId` narrows it to one debtor's path. */
export function stageSpans(board: Pick<Board, 'stages' | 'cards'>, scenarioId: string | null = null): StageSpan[] {
  // One pass, keeping each stage's range (the map reads it for every stage of a board on join).
  const ranges = new Map<string, { from: number; to: number; count: number }>();
  for (const card of board.cards) {
    if (!dated(card) || !appliesTo(card, scenarioId)) continue;
    const range = ranges.get(card.stageId);
    if (!range) ranges.set(card.stageId, { from: card.dayOffset, to: card.dayOffset, count: 1 });
    else {
      range.from = Math.min(range.from, card.dayOffset);
      range.to = Math.max(range.to, card.dayOffset);
      range.count += 1;
    }
  }
  return board.stages.map((stage, index) => {
    const range = ranges.get(stage.id);
    return range ? { stageId: stage.id, index, ...range } : { stageId: stage.id, index, from: null, to: null, count: 0 };
  });
}

/** The span as a credit manager reads it: "D+1 – D+12", "D0", or null when the stage has no day. */
export function formatSpan(span: Pick<StageSpan, 'from' | 'to'>): string | null {
  if (span.from === null || span.to === null) return null;
  return span.from === span.to ? formatDueDay(span.from) : `${formatDueDay(span.from)} – ${formatDueDay(span.to)}`;
}

/** Where the time view puts one touchpoint: a fraction of its stage column and a row among nearby cards. */
export interface TimePlacement {
  cardId: Card['id'];
  stageId: StageId;
  day: number;
  /** 0 = the stage's first day, 1 = its last; 0.5 when the stage spans a single day. */
  fraction: number;
  /** The row: 0 for the first touchpoint, 1 for one that would cover a card in row 0 of its column… */
  stack: number;
}

/**
 * Every dated touchpoint (of one scenario, or all) placed at its day within its stage column.
 * `cardWidth` is a card's width in the same units as `fraction` (the range its left edge moves
 * over): two cards of a column whose fractions lie closer than that would cover each other, so
 * the later one (in reading order) goes to the first row where it covers nothing. With the
 * default 0 only cards on the same day stack.
 */
export function timePlacements(board: Pick<Board, 'stages' | 'cards'>, scenarioId: string | null = null, cardWidth = 0): TimePlacement[] {
  const spans = new Map(stageSpans(board, scenarioId).map((span) => [span.stageId, span]));
  const placedByStage = new Map<string, TimePlacement[]>();
  const out: TimePlacement[] = [];
  const covers = (a: number, b: number) => a === b || Math.abs(a - b) < cardWidth;
  // Cards arrive in reading order (stage, lane, order), so stacking follows the map.
  for (const card of board.cards) {
    if (!dated(card) || !appliesTo(card, scenarioId)) continue;
    const span = spans.get(card.stageId);
    if (!span || span.from === null || span.to === null) continue;
    const fraction = span.to === span.from ? 0.5 : (card.dayOffset - span.from) / (span.to - span.from);
    const placed = placedByStage.get(card.stageId) ?? [];
    const taken = new Set(placed.filter((p) => covers(p.fraction, fraction)).map((p) => p.stack));
    let stack = 0;
    while (taken.has(stack)) stack += 1;
    const placement = { cardId: card.id, stageId: card.stageId, day: card.dayOffset, fraction, stack };
    placed.push(placement);
    placedByStage.set(card.stageId, placed);
    out.push(placement);
  }
  return out;
}

/** Touchpoints without a day: the time view lists them apart so nothing silently disappears. */
export const undatedTouchpoints = (board: Pick<Board, 'cards'>, scenarioId: string | null = null): Card[] =>
  board.cards.filter((card) => card.kind === 'touchpoint' && card.dayOffset === undefined && appliesTo(card, scenarioId));

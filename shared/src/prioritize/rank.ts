import type { CardId } from '../ids.ts';
import { businessCase, figureSource, type BusinessCase } from '../business/value.ts';
import { orderBetween } from '../doc/order.ts';
import type { Board } from '../schema/board.ts';
import type { ActionStatus, Card } from '../schema/card.ts';
import type { Stage } from '../schema/stage.ts';
import { quadrantOf, QUADRANTS, type Quadrant } from './matrix.ts';
import { painLinks, stageSeverities } from './pains.ts';
import { NEUTRAL_RATING, priorityScore, type ScoreBreakdown } from './score.ts';

export const RANK_MODES = ['score', 'votes', 'impact-effort', 'value', 'value-per-effort', 'manual'] as const;
export type RankBy = (typeof RANK_MODES)[number];

/** The "twelve concrete proposals" a workshop takes away. */
export const DEFAULT_TOP_N = 12;

export type VoteCounts = ReadonlyMap<CardId, number>;
const NO_VOTES: VoteCounts = new Map();

export interface RankOptions {
  by?: RankBy;
  /** Votes per idea from the voting rounds; absent ideas have 0. */
  votes?: VoteCounts;
  /** Dropped ideas are left out unless this is true. */
  includeDropped?: boolean;
}

/** One line of the prioritised to-do list. */
export interface ActionRow {
  card: Card;
  score: number;
  breakdown: ScoreBreakdown;
  votes: number;
  /** Pains the idea is linked to, in board order. */
  linkedPains: Card[];
  /** The stage the idea sits in. */
  stage: Stage;
  /** 1-based position in this list. */
  rank: number;
  /** 1-based position the idea would have when ranked by score; manual ranking falls back to it. */
  scoreRank: number;
  /** Matrix quadrant, or null while impact or effort is not set. */
  quadrant: Quadrant | null;
  /** The card's status; an idea without one is 'proposed'. */
  status: ActionStatus;
  /** What the action is worth a year, from the board's figures (see `business/value.ts`). */
  businessCase: BusinessCase;
}

/** An idea without a status has just been proposed. */
export const statusOf = (card: Pick<Card, 'status'>): ActionStatus => card.status ?? 'proposed';

const sanitiseVotes = (n: number | undefined): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

interface Sortable {
  row: ActionRow;
  stageIndex: number;
  cardIndex: number;
}

const byPosition = (a: Sortable, b: Sortable): number =>
  a.stageIndex - b.stageIndex || a.cardIndex - b.cardIndex || (a.row.card.id < b.row.card.id ? -1 : a.row.card.id > b.row.card.id ? 1 : 0);

const byScore = (a: Sortable, b: Sortable): number => b.row.score - a.row.score || byPosition(a, b);

const quadrantIndex = (card: Card): number => QUADRANTS.indexOf(quadrantOf(card.impact ?? NEUTRAL_RATING, card.effort ?? NEUTRAL_RATING));

/** Money a year (mid), or −1 so an action without a value sorts below every valued one. */
const yearlyValueOf = (row: ActionRow): number => row.businessCase.value?.mid ?? -1;
const valuePerEffort = (row: ActionRow): number =>
  row.businessCase.value ? row.businessCase.value.mid / (row.card.effort ?? NEUTRAL_RATING) : -1;
const contactsOf = (row: ActionRow): number => row.businessCase.contactsAvoided ?? -1;

const COMPARATORS: Record<Exclude<RankBy, 'manual'>, (a: Sortable, b: Sortable) => number> = {
  score: byScore,
  votes: (a, b) => b.row.votes - a.row.votes || byScore(a, b),
  'impact-effort': (a, b) =>
    quadrantIndex(a.row.card) - quadrantIndex(b.row.card) ||
    (b.row.card.impact ?? NEUTRAL_RATING) - (a.row.card.impact ?? NEUTRAL_RATING) ||
    (a.row.card.effort ?? NEUTRAL_RATING) - (b.row.card.effort ?? NEUTRAL_RATING) ||
    byScore(a, b),
  value: (a, b) => yearlyValueOf(b.row) - yearlyValueOf(a.row) || contactsOf(b.row) - contactsOf(a.row) || byScore(a, b),
  'value-per-effort': (a, b) => valuePerEffort(b.row) - valuePerEffort(a.row) || contactsOf(b.row) - contactsOf(a.row) || byScore(a, b),
};

/**
 * The key a row sorts by in manual mode: its `manualRank` when the facilitator has placed
 * it, otherwise its score rank (1, 2, 3…). Placed rows therefore sit where they were
 * dropped among the others, which keep following the computed score order.
 */
export const manualKeyOf = (row: Pick<ActionRow, 'card' | 'scoreRank'>): number => row.card.manualRank ?? row.scoreRank;

const byManual = (a: Sortable, b: Sortable): number =>
  manualKeyOf(a.row) - manualKeyOf(b.row) ||
  // At an equal key a placed row comes first, then score order decides.
  (a.row.card.manualRank === undefined ? 1 : 0) - (b.row.card.manualRank === undefined ? 1 : 0) ||
  a.row.scoreRank - b.row.scoreRank;

/**
 * The board's ideas as a ranked to-do list.
 * - 'score': priority score, highest first.
 * - 'votes': most votes first, then by score.
 * - 'impact-effort': by matrix quadrant (quick wins, big bets, fill-ins, money pits), then
 *   higher impact, then lower effort, then score; unset ratings count as the middle (3).
 * - 'value': money a year (the business case's middle value) first; actions without a value
 *   follow, by contacts avoided a year, then by score.
 * - 'value-per-effort': the same value divided by effort (unset effort counts as 3).
 * - 'manual': the facilitator's order (see `manualKeyOf`).
 * Remaining ties go by stage order, then the card's place on the board, then id.
 */
export function rankActions(board: Board, options: RankOptions = {}): ActionRow[] {
  const { by = 'score', votes = NO_VOTES, includeDropped = false } = options;
  const stageIndex = new Map(board.stages.map((s, i) => [s.id, i]));
  const severities = stageSeverities(board);
  const { painsOfIdea } = painLinks(board);
  const figures = figureSource(board);
  const items: Sortable[] = [];
  board.cards.forEach((card, cardIndex) => {
    if (card.kind !== 'idea') return;
    const status = statusOf(card);
    if (status === 'dropped' && !includeDropped) return;
    const linkedPains = painsOfIdea.get(card.id) ?? [];
    const cardVotes = sanitiseVotes(votes.get(card.id));
    const breakdown = priorityScore({
      votes: cardVotes,
      impact: card.impact,
      effort: card.effort,
      confidence: card.confidence,
      painSeverities: linkedPains.map((p) => severities.get(p.stageId) ?? 1),
    });
    const index = stageIndex.get(card.stageId);
    const stage = index === undefined ? { id: card.stageId, title: '' } : (board.stages[index] as Stage);
    items.push({
      stageIndex: index ?? Number.MAX_SAFE_INTEGER,
      cardIndex,
      row: {
        card,
        score: breakdown.score,
        breakdown,
        votes: cardVotes,
        linkedPains,
        stage,
        rank: 0,
        scoreRank: 0,
        quadrant: card.impact !== undefined && card.effort !== undefined ? quadrantOf(card.impact, card.effort) : null,
        status,
        businessCase: businessCase(card, figures),
      },
    });
  });
  items.sort(byScore).forEach((item, i) => {
    item.row.scoreRank = i + 1;
  });
  if (by !== 'score') items.sort(by === 'manual' ? byManual : COMPARATORS[by]);
  return items.map((item, i) => {
    item.row.rank = i + 1;
    return item.row;
  });
}

/** Splits a ranked list at the cut line: the first `n` rows make the to-do list. */
export function topN<T>(rows: readonly T[], n: number = DEFAULT_TOP_N): { top: T[]; rest: T[] } {
  const cut = Number.isFinite(n) ? Math.max(0, Math.floor(n)) : rows.length;
  return { top: rows.slice(0, cut), rest: rows.slice(cut) };
}

/**
 * The `manualRank` to write when the facilitator drags the row at `fromIndex` so that it
 * ends up at `toIndex` (both positions in `rows`, a list ranked with `by: 'manual'`;
 * `toIndex` counts as in the list after the move). Returns null when the row does not move.
 * Only the dragged card is written, so two facilitators dragging at once never clash.
 */
export function manualRankBetween(
  rows: ReadonlyArray<Pick<ActionRow, 'card' | 'scoreRank'>>,
  fromIndex: number,
  toIndex: number,
): number | null {
  if (!Number.isInteger(fromIndex) || fromIndex < 0 || fromIndex >= rows.length) {
    throw new RangeError(`no row at index ${fromIndex}`);
  }
  const target = Math.max(0, Math.min(Math.trunc(toIndex), rows.length - 1));
  if (target === fromIndex) return null;
  const others = rows.filter((_, i) => i !== fromIndex);
  const before = others[target - 1];
  const after = others[target];
  return orderBetween(before && manualKeyOf(before), after && manualKeyOf(after));
}

import { emotionCurve } from '../emotion.ts';
import type { Board } from '../schema/board.ts';
import type { Card, CardKind, TouchpointMetrics } from '../schema/card.ts';

/**
 * What changed between two versions of a board, as plain data for the history list, the
 * compare view and the tests. Pure: two `Board`s in, a description out.
 */

/** A card as the history names it. */
export interface CardMention {
  id: string;
  kind: CardKind;
  text: string;
  stageId: string;
}

export interface CardEdit extends CardMention {
  /** The card fields that differ (`place` = moved to another cell or position). */
  fields: string[];
}

export interface StageRename {
  id: string;
  before: string;
  after: string;
}

/** A stage's mean emotion before and after (null: no touchpoint carries one). */
export interface EmotionShift {
  stageId: string;
  title: string;
  before: number | null;
  after: number | null;
}

export const TOUCHPOINT_FIGURES = [
  'nps',
  'csat',
  'responseRate',
  'yearlyVolume',
  'costPerContact',
] as const satisfies readonly (keyof TouchpointMetrics)[];
export type TouchpointFigure = (typeof TOUCHPOINT_FIGURES)[number];

/** One measured figure of one touchpoint that changed (e.g. NPS −44 → −25). */
export interface FigureShift {
  cardId: string;
  text: string;
  figure: TouchpointFigure;
  before: number | null;
  after: number | null;
}

export interface BoardDiff {
  title: { before: string; after: string } | null;
  cards: { added: CardMention[]; removed: CardMention[]; edited: CardEdit[] };
  stages: { added: { id: string; title: string }[]; removed: { id: string; title: string }[]; renamed: StageRename[] };
  /** Per stage of either version, in the newer version's order; only stages whose mean moved. */
  emotion: EmotionShift[];
  figures: FigureShift[];
}

/** The counts a history entry shows ("3 added, 1 removed, 5 edited"). */
export interface ChangeCounts {
  added: number;
  removed: number;
  edited: number;
}

const mention = (card: Card): CardMention => ({ id: card.id, kind: card.kind, text: card.text, stageId: card.stageId });

/** Stable JSON for comparing plain field values (key order does not matter). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Fields whose change is a move rather than an edit of the card's content. */
const PLACE_FIELDS = new Set(['stageId', 'laneId', 'order']);

function changedFields(before: Card, after: Card): string[] {
  const fields = new Set<string>();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'id') continue;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (canonical(a) === canonical(b)) continue;
    fields.add(PLACE_FIELDS.has(key) ? 'place' : key);
  }
  return [...fields].sort();
}

const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

function emotionShifts(before: Board, after: Board): EmotionShift[] {
  const beforeMeans = new Map(emotionCurve(before).map((p) => [p.stageId as string, round2(p.mean)]));
  const afterMeans = new Map(emotionCurve(after).map((p) => [p.stageId as string, round2(p.mean)]));
  const titles = new Map<string, string>([...before.stages, ...after.stages].map((s) => [s.id, s.title]));
  const order = [
    ...after.stages.map((s) => s.id as string),
    ...before.stages.map((s) => s.id as string).filter((id) => !afterMeans.has(id)),
  ];
  const out: EmotionShift[] = [];
  for (const stageId of order) {
    const a = beforeMeans.get(stageId) ?? null;
    const b = afterMeans.get(stageId) ?? null;
    if (a !== b) out.push({ stageId, title: titles.get(stageId) ?? '', before: a, after: b });
  }
  return out;
}

function figureShifts(beforeCards: ReadonlyMap<string, Card>, after: Board): FigureShift[] {
  const out: FigureShift[] = [];
  const ids = new Set([...beforeCards.keys(), ...after.cards.map((c) => c.id as string)]);
  const afterCards = new Map(after.cards.map((c) => [c.id as string, c]));
  for (const id of ids) {
    const a = beforeCards.get(id);
    const b = afterCards.get(id);
    if ((a ?? b)?.kind !== 'touchpoint') continue;
    for (const figure of TOUCHPOINT_FIGURES) {
      const x = a?.metrics?.[figure] ?? null;
      const y = b?.metrics?.[figure] ?? null;
      if (x !== y) out.push({ cardId: id, text: (b ?? a)?.text ?? '', figure, before: x, after: y });
    }
  }
  return out;
}

/** What changed from `before` to `after`. */
export function diffBoards(before: Board, after: Board): BoardDiff {
  const beforeCards = new Map(before.cards.map((c) => [c.id as string, c]));
  const afterIds = new Set(after.cards.map((c) => c.id as string));
  const added: CardMention[] = [];
  const edited: CardEdit[] = [];
  for (const card of after.cards) {
    const old = beforeCards.get(card.id);
    if (!old) {
      added.push(mention(card));
      continue;
    }
    const fields = changedFields(old, card);
    if (fields.length > 0) edited.push({ ...mention(card), fields });
  }
  const removed = before.cards.filter((c) => !afterIds.has(c.id)).map(mention);

  const beforeStages = new Map(before.stages.map((s) => [s.id as string, s]));
  const afterStageIds = new Set(after.stages.map((s) => s.id as string));
  return {
    title: before.title === after.title ? null : { before: before.title, after: after.title },
    cards: { added, removed, edited },
    stages: {
      added: after.stages.filter((s) => !beforeStages.has(s.id)).map((s) => ({ id: s.id, title: s.title })),
      removed: before.stages.filter((s) => !afterStageIds.has(s.id)).map((s) => ({ id: s.id, title: s.title })),
      renamed: after.stages
        .filter((s) => beforeStages.has(s.id) && beforeStages.get(s.id)?.title !== s.title)
        .map((s) => ({ id: s.id, before: beforeStages.get(s.id)?.title ?? '', after: s.title })),
    },
    emotion: emotionShifts(before, after),
    figures: figureShifts(beforeCards, after),
  };
}

export function countChanges(diff: BoardDiff): ChangeCounts {
  return { added: diff.cards.added.length, removed: diff.cards.removed.length, edited: diff.cards.edited.length };
}

/** True when nothing a person would notice changed. */
export const isEmptyDiff = (diff: BoardDiff): boolean =>
  diff.title === null &&
  diff.cards.added.length + diff.cards.removed.length + diff.cards.edited.length === 0 &&
  diff.stages.added.length + diff.stages.removed.length + diff.stages.renamed.length === 0;

import { compareOrdered } from '../doc/order.ts';
import type { LaneId, StageId } from '../ids.ts';
import type { Card } from '../schema/card.ts';
import { CARD_TEXT, cardHeight, fullTextLines, hasFigures, textLines } from './card-size.ts';
import type { LaneKind } from '../schema/lane.ts';

/**
 * Geometry of the journey grid, as pure functions of the board: stage columns across the
 * top, lane rows down the left, one cell per (stage, lane), cards stacked in their cell.
 * Every client computes the same layout from the same document, so positions are never
 * stored: a card's place is its cell and its order.
 */
export const GRID = {
  laneHeaderWidth: 256,
  /** Tall enough for a stage name of two or three lines in large type at overview zoom. */
  stageHeaderHeight: 92,
  /**
   * Wide columns: a projector is wider than tall and a template board is height-bound at
   * "zoom to fit", so wider cards cost no zoom, need fewer lines and make shorter lanes.
   */
  stageWidth: 300,
  cellPadding: 12,
  cardGap: 10,
  /** Room under a cell's stack for its "+" button. */
  addButtonSpace: 34,
  minLaneHeight: 108,
  /** The emotion lane is tall enough to draw the curve legibly. */
  emotionLaneMinHeight: 168,
  /** The "+" column after the last stage and the "+" row under the last lane. */
  addStageWidth: 56,
  addLaneHeight: 52,
} as const;

export const CARD_WIDTH = GRID.stageWidth - 2 * GRID.cellPadding;

/**
 * Semantic zoom. Below SUMMARY_ZOOM a card's 13 px text would render under 10 px: cards
 * show a large-type summary of their text instead (sized to render at 10.25 px or more, as
 * many lines as the card's box holds), without their badges. Below FAR_ZOOM even that is
 * a word or two: cards are drawn as plain blocks and the stage and lane names are shown in
 * the frozen header bars. A template board fits a 1440 × 900 screen above FAR_ZOOM; a
 * board of thousands of cards opens below it.
 */
export const SUMMARY_ZOOM = 0.75;
export const FAR_ZOOM = 0.2;

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

export interface StageColumn extends Rect {
  id: StageId;
  index: number;
}

export interface LaneRow extends Rect {
  id: LaneId;
  index: number;
  kind: LaneKind;
}

export interface CardBox extends Rect {
  id: string;
  stageId: StageId;
  laneId: LaneId;
  /** Position inside its cell, from the top. */
  index: number;
  /** Text lines the card shows before clamping. */
  lines: number;
  /** The text needs more lines than a card shows: the full text is offered on hover and selection. */
  truncated: boolean;
  /** The card has a figures row (a touchpoint with metrics). */
  figures: boolean;
}

export interface GridLayout {
  /** Stage header rectangles (their x and width are the column's). */
  stages: StageColumn[];
  /** Lane header rectangles (their y and height are the row's). */
  lanes: LaneRow[];
  cards: Map<string, CardBox>;
  /** Card ids per cell, top to bottom; key from `cellKey`. */
  cellCards: Map<string, string[]>;
  /** The area covered by cells. */
  grid: Rect;
  addStage: Rect;
  addLane: Rect;
  /** Everything, headers included. */
  bounds: Rect;
}

export type LayoutCard = Pick<Card, 'id' | 'stageId' | 'laneId' | 'order' | 'text'> & Partial<Pick<Card, 'kind' | 'metrics'>>;

export interface LayoutInput {
  stages: readonly { id: StageId }[];
  lanes: readonly { id: LaneId; kind: LaneKind }[];
  cards: readonly LayoutCard[];
}

export const cellKey = (stageId: string, laneId: string): string => `${stageId}\u0000${laneId}`;

function stackHeight(heights: readonly number[]): number {
  if (heights.length === 0) return 0;
  return heights.reduce((sum, h) => sum + h, 0) + GRID.cardGap * (heights.length - 1);
}

/** One cell's stack: its cards in order with their lines and heights. Never modified. */
interface CellStack {
  /** The cell's cards as they came in (compared by identity with the next layout's). */
  input: readonly LayoutCard[];
  ids: string[];
  sorted: LayoutCard[];
  lines: number[];
  heights: number[];
  height: number;
}

/** A cell of a made layout: its stack and the boxes placed at (x, y). */
interface PlacedCell {
  stack: CellStack;
  x: number;
  y: number;
  boxes: CardBox[];
}

/**
 * What a layout was made from, so the next layout reuses every cell whose cards are the
 * same objects (the client's doc binding keeps unchanged cards' objects): a remote keystroke
 * re-stacks one cell, and boxes are made again only where a lane grew or shrank above them.
 */
export interface LayoutMemory {
  input: LayoutInput;
  layout: GridLayout;
  stacks: ReadonlyMap<string, CellStack>;
  placed: ReadonlyMap<string, PlacedCell>;
  /** Each input card's place in `input.cards`, once a hinted layout needed it (kept while cards change in place). */
  places: ReadonlyMap<string, number> | null;
  /** The cards whose box is a new object since the layout before; null when not known (laid out afresh). */
  changedBoxes: ReadonlySet<string> | null;
}

type Replacements = Map<string, Map<LayoutCard, LayoutCard>>;

/**
 * The cells whose cards changed in place since `previous` (same grid, same cards in the
 * same places, some of them new objects), with each old card's replacement; null when
 * more than that changed (cards came, went or moved; a stage or lane changed). With
 * `hint` (the ids of the only cards that may be new objects) only those are looked at.
 */
function changedInPlace(memory: LayoutMemory, next: LayoutInput, hint: ReadonlySet<string> | null): Replacements | null {
  const previous = memory.input;
  if (previous.stages !== next.stages || previous.lanes !== next.lanes) return null;
  if (previous.cards.length !== next.cards.length) return null;
  const changed: Replacements = new Map();
  const note = (before: LayoutCard | undefined, after: LayoutCard | undefined): boolean => {
    if (!before || !after) return false;
    if (before === after) return true;
    if (before.id !== after.id || before.stageId !== after.stageId || before.laneId !== after.laneId) return false;
    const key = cellKey(after.stageId, after.laneId);
    let replaced = changed.get(key);
    if (!replaced) {
      replaced = new Map();
      changed.set(key, replaced);
    }
    replaced.set(before, after);
    return true;
  };
  if (hint) {
    const places = placesOf(memory);
    for (const id of hint) {
      const place = places.get(id);
      if (place === undefined || previous.cards[place]?.id !== id || !note(previous.cards[place], next.cards[place])) return null;
    }
    return changed;
  }
  for (let i = 0; i < next.cards.length; i += 1) if (!note(previous.cards[i], next.cards[i])) return null;
  return changed;
}

const placesOf = (memory: LayoutMemory): ReadonlyMap<string, number> =>
  (memory.places ??= new Map(memory.input.cards.map((card, i) => [card.id, i])));

/** Each cell's stack: re-stacked only in the cells that changed, when little changed. */
function stacksOf(
  input: LayoutInput,
  memory: LayoutMemory | null,
  hint: ReadonlySet<string> | null,
): { stacks: Map<string, CellStack>; restacked: string[] | null } {
  const changed = memory ? changedInPlace(memory, input, hint) : null;
  if (memory && changed) {
    const stacks = new Map(memory.stacks);
    const restacked: string[] = [];
    for (const [key, replaced] of changed) {
      const before = memory.stacks.get(key);
      if (!before) continue;
      stacks.set(key, stackOf(before.input.map((card) => replaced.get(card) ?? card)));
      restacked.push(key);
    }
    return { stacks, restacked };
  }
  const stageIds = new Set<string>(input.stages.map((s) => s.id));
  const laneIds = new Set<string>(input.lanes.map((l) => l.id));
  // Cards per cell, in the order given.
  const byCell = new Map<string, LayoutCard[]>();
  for (const card of input.cards) {
    if (!stageIds.has(card.stageId) || !laneIds.has(card.laneId)) continue;
    const key = cellKey(card.stageId, card.laneId);
    const list = byCell.get(key);
    if (list) list.push(card);
    else byCell.set(key, [card]);
  }
  // A cell whose cards are the same objects as last time keeps its stack.
  const stacks = new Map<string, CellStack>();
  for (const [key, list] of byCell) {
    const before = memory?.stacks.get(key);
    stacks.set(key, before && sameItems(before.input, list) ? before : stackOf(list));
  }
  return { stacks, restacked: null };
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

function stackOf(input: readonly LayoutCard[]): CellStack {
  const sorted = [...input].sort(compareOrdered);
  const lines = sorted.map((card) => textLines(card.text));
  const heights = sorted.map((card, i) => cardHeight(lines[i] ?? 1, hasFigures(card)));
  return { input, ids: sorted.map((c) => c.id), sorted, lines, heights, height: stackHeight(heights) };
}

/** The cell's boxes, top to bottom; a box equal to its previous one (`before`) keeps that object. */
function place(stack: CellStack, stage: StageColumn, lane: LaneRow, before: PlacedCell | undefined): PlacedCell {
  const previous = before ? new Map(before.boxes.map((box) => [box.id, box])) : null;
  let top = lane.y + GRID.cellPadding;
  const boxes = stack.sorted.map((card, index): CardBox => {
    const lines = stack.lines[index] ?? 1;
    const height = stack.heights[index] ?? cardHeight(lines);
    const box: CardBox = {
      id: card.id,
      stageId: stage.id,
      laneId: lane.id,
      index,
      lines,
      truncated: lines === CARD_TEXT.maxLines && fullTextLines(card.text) > CARD_TEXT.maxLines,
      figures: hasFigures(card),
      x: stage.x + GRID.cellPadding,
      y: top,
      width: CARD_WIDTH,
      height,
    };
    top += height + GRID.cardGap;
    const old = previous?.get(card.id);
    return old && sameBox(old, box) ? old : box;
  });
  return { stack, x: stage.x, y: lane.y, boxes };
}

const sameBox = (a: CardBox, b: CardBox): boolean =>
  a.x === b.x &&
  a.y === b.y &&
  a.height === b.height &&
  a.index === b.index &&
  a.lines === b.lines &&
  a.truncated === b.truncated &&
  a.figures === b.figures &&
  a.stageId === b.stageId &&
  a.laneId === b.laneId;

/**
 * The layout of `input`, reusing what `memory` (the previous layout) can: pure, so the
 * canvas, the SVG picture and the server's report all place the board identically.
 * `hint` (optional) names the only cards that may be new objects since `memory`'s input,
 * the rest being the same cards in the same places (the client's doc binding knows it);
 * without it the cards are compared one by one.
 */
export function layoutGrid(input: LayoutInput, memory: LayoutMemory | null = null, hint: ReadonlySet<string> | null = null): LayoutMemory {
  const { stacks, restacked } = stacksOf(input, memory, hint);
  if (memory && restacked) {
    const kept = restackInPlace(input, memory, stacks, restacked);
    if (kept) return kept;
  }
  const inPlace = restacked !== null;
  const previous = memory?.placed;

  const gridX = GRID.laneHeaderWidth;
  const gridY = GRID.stageHeaderHeight;

  const stages: StageColumn[] = input.stages.map((stage, index) => ({
    id: stage.id,
    index,
    x: gridX + index * GRID.stageWidth,
    y: 0,
    width: GRID.stageWidth,
    height: GRID.stageHeaderHeight,
  }));

  const lanes: LaneRow[] = [];
  let y = gridY;
  input.lanes.forEach((lane, index) => {
    let fullest = 0;
    for (const stage of input.stages) {
      fullest = Math.max(fullest, stacks.get(cellKey(stage.id, lane.id))?.height ?? 0);
    }
    const minimum = lane.kind === 'emotions' ? GRID.emotionLaneMinHeight : GRID.minLaneHeight;
    const height = Math.max(minimum, GRID.cellPadding + fullest + GRID.cardGap + GRID.addButtonSpace);
    lanes.push({ id: lane.id, index, kind: lane.kind, x: 0, y, width: GRID.laneHeaderWidth, height });
    y += height;
  });

  // Cards changed in place: start from the previous maps and replace only re-placed cells.
  const cards = memory && inPlace ? new Map(memory.layout.cards) : new Map<string, CardBox>();
  const cellCards = memory && inPlace ? new Map(memory.layout.cellCards) : new Map<string, string[]>();
  const changedBoxes = memory && inPlace ? new Set<string>() : null;
  const placed = new Map<string, PlacedCell>();
  for (const stage of stages) {
    for (const lane of lanes) {
      const key = cellKey(stage.id, lane.id);
      const stack = stacks.get(key);
      if (!stack) continue;
      const before = previous?.get(key);
      // Same cards at the same place: the same box objects.
      const reused = before && before.stack === stack && before.x === stage.x && before.y === lane.y;
      const cell = reused ? before : place(stack, stage, lane, before);
      placed.set(key, cell);
      if (inPlace && reused) continue;
      cellCards.set(key, stack.ids);
      for (const box of cell.boxes) {
        if (changedBoxes && cards.get(box.id) !== box) changedBoxes.add(box.id);
        cards.set(box.id, box);
      }
    }
  }

  const grid: Rect = { x: gridX, y: gridY, width: stages.length * GRID.stageWidth, height: y - gridY };
  const layout: GridLayout = {
    stages,
    lanes,
    cards,
    cellCards,
    grid,
    addStage: { x: grid.x + grid.width, y: 0, width: GRID.addStageWidth, height: GRID.stageHeaderHeight },
    addLane: { x: 0, y: grid.y + grid.height, width: GRID.laneHeaderWidth, height: GRID.addLaneHeight },
    bounds: {
      x: 0,
      y: 0,
      width: grid.x + grid.width + GRID.addStageWidth,
      height: grid.y + grid.height + GRID.addLaneHeight,
    },
  };
  return { input, layout, stacks, placed, places: inPlace ? (memory?.places ?? null) : null, changedBoxes };
}

/**
 * Cards changed in place and every re-stacked cell kept its height (the common remote
 * keystroke): the lanes stay as they were, so only those cells are placed again and the
 * maps of boxes are copied only when a box really changed. The previous layout object
 * itself when nothing it shows changed. Null when a cell's height changed.
 */
function restackInPlace(
  input: LayoutInput,
  memory: LayoutMemory,
  stacks: Map<string, CellStack>,
  restacked: readonly string[],
): LayoutMemory | null {
  for (const key of restacked) if (stacks.get(key)?.height !== memory.stacks.get(key)?.height) return null;
  const before = memory.layout;
  let cards = before.cards;
  let cellCards = before.cellCards;
  const placed = restacked.length ? new Map(memory.placed) : memory.placed;
  const changedBoxes = new Set<string>();
  for (const key of restacked) {
    const stack = stacks.get(key) as CellStack;
    const old = memory.placed.get(key);
    const first = stack.sorted[0];
    const stage = first && before.stages.find((s) => s.id === first.stageId);
    const lane = first && before.lanes.find((l) => l.id === first.laneId);
    if (!old || !stage || !lane) return null;
    const cell = place(stack, stage, lane, old);
    (placed as Map<string, PlacedCell>).set(key, cell);
    if (!sameItems(stack.ids, old.stack.ids)) {
      if (cellCards === before.cellCards) cellCards = new Map(cellCards);
      cellCards.set(key, stack.ids);
    }
    for (const box of cell.boxes) {
      if (cards.get(box.id) === box) continue;
      if (cards === before.cards) cards = new Map(cards);
      cards.set(box.id, box);
      changedBoxes.add(box.id);
    }
  }
  const layout = cards === before.cards && cellCards === before.cellCards ? before : { ...before, cards, cellCards };
  return { input, layout, stacks, placed, places: memory.places, changedBoxes };
}

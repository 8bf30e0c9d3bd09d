import type { LaneId, StageId } from '../ids.ts';
import { cardHeight } from './card-size.ts';
import { CARD_WIDTH, cellKey, GRID, type GridLayout, type LaneRow, type Point, type Rect } from './grid.ts';

/** Questions asked of a laid-out grid: what is under a point, where a card would go. */

const within = (value: number, start: number, size: number): boolean => value >= start && value < start + size;

/** The cell under a point of the flow, or null outside the grid (headers included). */
export function cellAt(layout: GridLayout, point: Point): { stageId: StageId; laneId: LaneId } | null {
  const stage = layout.stages.find((s) => within(point.x, s.x, s.width));
  const lane = layout.lanes.find((l) => within(point.y, l.y, l.height));
  return stage && lane ? { stageId: stage.id, laneId: lane.id } : null;
}

/**
 * Where cards dropped at height `y` go in a cell: the number of remaining cards (the
 * moving ones taken out) whose middle lies above `y`.
 */
export function dropIndex(layout: GridLayout, stageId: string, laneId: string, y: number, moving: ReadonlySet<string>): number {
  const lane = layout.lanes.find((l) => l.id === laneId);
  if (!lane) return 0;
  const ids = (layout.cellCards.get(cellKey(stageId, laneId)) ?? []).filter((id) => !moving.has(id));
  let top = lane.y + GRID.cellPadding;
  let index = 0;
  for (const id of ids) {
    const height = layout.cards.get(id)?.height ?? cardHeight(1);
    if (y > top + height / 2) index += 1;
    else break;
    top += height + GRID.cardGap;
  }
  return index;
}

/** The lane the emotion curve is drawn in: the emotions lane, else the touchpoints lane. */
export function emotionHostLane(layout: GridLayout): LaneRow | null {
  return layout.lanes.find((l) => l.kind === 'emotions') ?? layout.lanes.find((l) => l.kind === 'touchpoints') ?? null;
}

/** Where a new card appears: its cell and its box as if appended (for scrolling it into view). */
export function appendedCardRect(layout: GridLayout, stageId: string, laneId: string): Rect | null {
  const stage = layout.stages.find((s) => s.id === stageId);
  const lane = layout.lanes.find((l) => l.id === laneId);
  if (!stage || !lane) return null;
  const ids = layout.cellCards.get(cellKey(stageId, laneId)) ?? [];
  const last = ids.length ? layout.cards.get(ids[ids.length - 1] as string) : undefined;
  const y = last ? last.y + last.height + GRID.cardGap : lane.y + GRID.cellPadding;
  return { x: stage.x + GRID.cellPadding, y, width: CARD_WIDTH, height: cardHeight(1) };
}

/** The card whose box is under a point of the flow, or null. */
export function cardAt(layout: GridLayout, point: Point): string | null {
  const cell = cellAt(layout, point);
  if (!cell) return null;
  for (const id of layout.cellCards.get(cellKey(cell.stageId, cell.laneId)) ?? []) {
    const box = layout.cards.get(id);
    if (box && point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height) return id;
  }
  return null;
}

/** A step of the keyboard between cards of the map seen from far. */
export type CardStep = 'left' | 'right' | 'up' | 'down' | 'first' | 'last';

/** Every card in reading order: lane by lane from the top, in each lane stage by stage, each cell top to bottom. */
export function readingOrder(layout: GridLayout): string[] {
  const order: string[] = [];
  for (const lane of layout.lanes) {
    for (const stage of layout.stages) order.push(...(layout.cellCards.get(cellKey(stage.id, lane.id)) ?? []));
  }
  return order;
}

/** The cards of a lane's cells, stage by stage (only cells that hold cards). */
function laneCells(layout: GridLayout, laneId: string): { stage: number; ids: string[] }[] {
  const cells: { stage: number; ids: string[] }[] = [];
  layout.stages.forEach((stage, index) => {
    const ids = layout.cellCards.get(cellKey(stage.id, laneId));
    if (ids?.length) cells.push({ stage: index, ids });
  });
  return cells;
}

/**
 * The card a step leads to from card `from` (the first card in reading order when `from` is
 * not on the map), or `from` itself at the map's edge. Left/right go to the neighbouring
 * stage's cell in the same lane (the card at the same height in its stack), past the lane's
 * end into the next lane, as text reads; up/down go through the cell's stack, then to the
 * nearest cell of the lane above or below that holds cards; first/last are the map's.
 */
export function stepCard(layout: GridLayout, from: string | null, step: CardStep): string | null {
  const order = readingOrder(layout);
  const box = from ? layout.cards.get(from) : undefined;
  if (!box || step === 'first' || step === 'last') return (step === 'last' ? order[order.length - 1] : order[0]) ?? null;
  const stageIndex = layout.stages.findIndex((s) => s.id === box.stageId);
  if (step === 'left' || step === 'right') {
    const cells = laneCells(layout, box.laneId);
    const next = step === 'right' ? cells.find((c) => c.stage > stageIndex) : cells.findLast((c) => c.stage < stageIndex);
    if (next) return next.ids[Math.min(box.index, next.ids.length - 1)] ?? null;
    // Past the lane's end: on to the next lane's first card, or back to the previous lane's last.
    const at = order.indexOf(box.id);
    const otherLane = (id: string | undefined): boolean => id !== undefined && layout.cards.get(id)?.laneId !== box.laneId;
    if (step === 'right') return order.slice(at + 1).find(otherLane) ?? box.id;
    return order.slice(0, at).findLast(otherLane) ?? box.id;
  }
  const stack = layout.cellCards.get(cellKey(box.stageId, box.laneId)) ?? [];
  const inStack = stack[box.index + (step === 'down' ? 1 : -1)];
  if (inStack) return inStack;
  const laneIndex = layout.lanes.findIndex((l) => l.id === box.laneId);
  const lanes = step === 'down' ? layout.lanes.slice(laneIndex + 1) : layout.lanes.slice(0, laneIndex).reverse();
  for (const lane of lanes) {
    const cells = laneCells(layout, lane.id);
    if (cells.length === 0) continue;
    // The cell nearest this stage (the left one of two as near).
    let nearest = cells[0] as { stage: number; ids: string[] };
    for (const cell of cells) if (Math.abs(cell.stage - stageIndex) < Math.abs(nearest.stage - stageIndex)) nearest = cell;
    return (step === 'down' ? nearest.ids[0] : nearest.ids[nearest.ids.length - 1]) ?? from;
  }
  return from;
}

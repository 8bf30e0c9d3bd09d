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

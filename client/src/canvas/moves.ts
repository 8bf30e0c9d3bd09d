import type { CardId, LaneId, StageId } from '@rejse/shared';
import type { GridLayout } from './layout.ts';

/** One `moveCards` call: cards that end up in the same cell, in reading order. */
export interface CellMove {
  ids: CardId[];
  stageId: StageId;
  laneId: LaneId;
  /** Place in the target cell; appended when absent. */
  index?: number;
}

/**
 * Moving several cards at once keeps their arrangement: every card shifts by the same number
 * of stages and lanes as the card that was grabbed (clamped at the grid's edges), so a
 * touchpoint and its pain point dragged one stage right stay in their lanes. The grabbed
 * card's cell takes the cards at the drop position; other cells get them at the end. Cards
 * that do not change cell are left alone (unless they are in the grabbed card's cell).
 */
export function planGroupMove(
  layout: GridLayout,
  /** The moving cards, in reading order. */
  ids: readonly CardId[],
  grabbed: CardId,
  target: { stageId: string; laneId: string; index?: number },
): CellMove[] {
  const stageIndex = new Map<string, number>(layout.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map<string, number>(layout.lanes.map((l, i) => [l.id, i]));
  const from = layout.cards.get(grabbed);
  const toStage = stageIndex.get(target.stageId);
  const toLane = laneIndex.get(target.laneId);
  if (!from || toStage === undefined || toLane === undefined) return [];
  const dStage = toStage - (stageIndex.get(from.stageId) ?? toStage);
  const dLane = toLane - (laneIndex.get(from.laneId) ?? toLane);
  const clamp = (value: number, count: number) => Math.max(0, Math.min(count - 1, value));

  const groups = new Map<string, CellMove>();
  for (const id of ids) {
    const box = layout.cards.get(id);
    if (!box) continue;
    const s = clamp((stageIndex.get(box.stageId) ?? 0) + dStage, layout.stages.length);
    const l = clamp((laneIndex.get(box.laneId) ?? 0) + dLane, layout.lanes.length);
    const stage = layout.stages[s];
    const lane = layout.lanes[l];
    if (!stage || !lane) continue;
    const isTargetCell = stage.id === target.stageId && lane.id === target.laneId;
    if (!isTargetCell && stage.id === box.stageId && lane.id === box.laneId) continue;
    const key = `${stage.id}\u0000${lane.id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        ids: [],
        stageId: stage.id,
        laneId: lane.id,
        ...(isTargetCell && target.index !== undefined ? { index: target.index } : {}),
      };
      groups.set(key, group);
    }
    group.ids.push(id);
  }
  return [...groups.values()];
}

/** Moves by whole stages/lanes (arrow keys on a multi-selection): `planGroupMove` with the delta applied to the first card. */
export function planNudge(layout: GridLayout, ids: readonly CardId[], dStage: number, dLane: number): CellMove[] {
  const [first] = ids;
  const box = first ? layout.cards.get(first) : undefined;
  if (!first || !box) return [];
  const s = layout.stages.findIndex((st) => st.id === box.stageId) + dStage;
  const l = layout.lanes.findIndex((ln) => ln.id === box.laneId) + dLane;
  // The whole selection stops at the grid's edge rather than piling up in the last column.
  const edge = ids.some((id) => {
    const b = layout.cards.get(id);
    if (!b) return false;
    const si = layout.stages.findIndex((st) => st.id === b.stageId) + dStage;
    const li = layout.lanes.findIndex((ln) => ln.id === b.laneId) + dLane;
    return si < 0 || si >= layout.stages.length || li < 0 || li >= layout.lanes.length;
  });
  const stage = layout.stages[s];
  const lane = layout.lanes[l];
  if (edge || !stage || !lane) return [];
  return planGroupMove(layout, ids, first, { stageId: stage.id, laneId: lane.id });
}

import type { CardId, LaneId, StageId } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import { computeLayout, type LayoutCard } from './layout.ts';
import { planGroupMove, planNudge } from './moves.ts';

const cid = (id: string) => id as CardId;
const card = (id: string, stageId: string, laneId: string, order: number): LayoutCard => ({
  id: cid(id),
  stageId: stageId as StageId,
  laneId: laneId as LaneId,
  order,
  text: id,
});

const layout = computeLayout({
  stages: ['s1', 's2', 's3'].map((id) => ({ id: id as StageId })),
  lanes: [
    { id: 'l1' as LaneId, kind: 'touchpoints' as const },
    { id: 'l2' as LaneId, kind: 'pains' as const },
  ],
  cards: [
    card('tp', 's1', 'l1', 1),
    card('tp2', 's1', 'l1', 2),
    card('pain', 's1', 'l2', 1),
    card('far', 's3', 'l1', 1),
    card('other', 's2', 'l1', 1),
  ],
});

describe('moving several cards at once', () => {
  it('shifts every card by the grabbed card’s stage and lane steps, keeping their lanes', () => {
    expect(planGroupMove(layout, [cid('tp'), cid('pain')], cid('tp'), { stageId: 's2', laneId: 'l1', index: 0 })).toEqual([
      { ids: ['tp'], stageId: 's2', laneId: 'l1', index: 0 },
      { ids: ['pain'], stageId: 's2', laneId: 'l2' },
    ]);
  });

  it('stops cards at the edge of the grid', () => {
    const moves = planGroupMove(layout, [cid('tp'), cid('far')], cid('tp'), { stageId: 's2', laneId: 'l1' });
    // "far" is in the last stage already: it stays (no move for it).
    expect(moves).toEqual([{ ids: ['tp'], stageId: 's2', laneId: 'l1' }]);
  });

  it('gathers cards that land in one cell in reading order, at the drop position', () => {
    const moves = planGroupMove(layout, [cid('tp'), cid('tp2')], cid('tp2'), { stageId: 's2', laneId: 'l1', index: 1 });
    expect(moves).toEqual([{ ids: ['tp', 'tp2'], stageId: 's2', laneId: 'l1', index: 1 }]);
  });

  it('reorders within the grabbed card’s cell and leaves the other cards where they are', () => {
    const moves = planGroupMove(layout, [cid('tp'), cid('pain')], cid('tp'), { stageId: 's1', laneId: 'l1', index: 1 });
    expect(moves).toEqual([{ ids: ['tp'], stageId: 's1', laneId: 'l1', index: 1 }]);
  });

  it('nudges a selection one stage or lane with the arrow keys, and not past the edge', () => {
    expect(planNudge(layout, [cid('tp'), cid('pain')], 1, 0)).toEqual([
      { ids: ['tp'], stageId: 's2', laneId: 'l1' },
      { ids: ['pain'], stageId: 's2', laneId: 'l2' },
    ]);
    expect(planNudge(layout, [cid('tp'), cid('pain')], 0, 1)).toEqual([]);
    expect(planNudge(layout, [cid('tp'), cid('far')], 1, 0)).toEqual([]);
  });
});

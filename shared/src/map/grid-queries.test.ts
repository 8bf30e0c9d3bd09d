import { describe, expect, it } from 'vitest';
import type { CardId, LaneId, StageId } from '../ids.ts';
import { layoutGrid } from './grid.ts';
import { readingOrder, stepCard } from './grid-queries.ts';

const stages = ['s1', 's2', 's3'].map((id) => ({ id: id as StageId }));
const lanes = [
  { id: 'l1' as LaneId, kind: 'touchpoints' as const },
  { id: 'l2' as LaneId, kind: 'pains' as const },
  { id: 'l3' as LaneId, kind: 'ideas' as const },
];
/** l1: s1 [a, b], s3 [c]; l2: s2 [d]; l3: empty. */
const card = (id: string, stage: string, lane: string, order: number) => ({
  id: id as CardId,
  stageId: stage as StageId,
  laneId: lane as LaneId,
  order,
  text: id,
});
const layout = layoutGrid({
  stages,
  lanes,
  cards: [card('a', 's1', 'l1', 0), card('b', 's1', 'l1', 1), card('c', 's3', 'l1', 0), card('d', 's2', 'l2', 0)],
}).layout;

describe('stepping between cards from far', () => {
  it('reads lane by lane, stage by stage, each cell top to bottom', () => {
    expect(readingOrder(layout)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('goes along a lane, past empty cells, keeping the height in the stack, and on into the next lane', () => {
    expect(stepCard(layout, 'a', 'right')).toBe('c');
    expect(stepCard(layout, 'b', 'right')).toBe('c');
    expect(stepCard(layout, 'c', 'left')).toBe('a');
    expect(stepCard(layout, 'c', 'right')).toBe('d');
    expect(stepCard(layout, 'd', 'left')).toBe('c');
    expect(stepCard(layout, 'a', 'left')).toBe('a');
    expect(stepCard(layout, 'd', 'right')).toBe('d');
  });

  it('goes through a stack, then to the nearest cell of the next lane holding cards', () => {
    expect(stepCard(layout, 'a', 'down')).toBe('b');
    expect(stepCard(layout, 'b', 'down')).toBe('d');
    expect(stepCard(layout, 'c', 'down')).toBe('d');
    expect(stepCard(layout, 'd', 'up')).toBe('b');
    expect(stepCard(layout, 'b', 'up')).toBe('a');
    expect(stepCard(layout, 'd', 'down')).toBe('d');
  });

  it('starts at the first card, and Home/End go to the first and last', () => {
    expect(stepCard(layout, null, 'right')).toBe('a');
    expect(stepCard(layout, 'gone', 'down')).toBe('a');
    expect(stepCard(layout, 'c', 'last')).toBe('d');
    expect(stepCard(layout, 'c', 'first')).toBe('a');
    expect(stepCard(layoutGrid({ stages, lanes, cards: [] }).layout, null, 'first')).toBeNull();
  });
});

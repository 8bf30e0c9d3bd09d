import { describe, expect, it } from 'vitest';
import { curveSegments, emotionCurve } from './emotion.ts';
import type { CardId, LaneId, StageId } from './ids.ts';
import type { Card } from './schema/card.ts';
import { smallBoard } from '../testing/fixtures.ts';

const touchpoint = (id: string, stageId: string, emotion?: Card['emotion']): Card => ({
  id: id as CardId,
  kind: 'touchpoint',
  stageId: stageId as StageId,
  laneId: 'l_touch' as LaneId,
  order: 1,
  text: id,
  ...(emotion === undefined ? {} : { emotion }),
});

describe('emotion curve', () => {
  it('gives each stage the mean and spread of its touchpoints, and a gap where there is no data', () => {
    const board = smallBoard();
    board.cards = [
      touchpoint('a', 's_invoice', 1),
      touchpoint('b', 's_invoice', -1),
      touchpoint('c', 's_invoice', 2),
      touchpoint('d', 's_paid', 2),
      touchpoint('e', 's_reminder'),
    ];
    const curve = emotionCurve(board);
    expect(curve.map((p) => [p.count, p.mean, p.min, p.max])).toEqual([
      [3, 2 / 3, -1, 2],
      [0, null, null, null],
      [1, 2, 2, 2],
    ]);
    expect(curveSegments(curve).map((s) => s.map((p) => p.index))).toEqual([[0], [2]]);
  });

  it('ignores emotions on cards that are not touchpoints', () => {
    const board = smallBoard();
    board.cards = [{ ...touchpoint('a', 's_invoice', -2), kind: 'pain' }];
    expect(emotionCurve(board).every((p) => p.mean === null)).toBe(true);
    expect(curveSegments(emotionCurve(board))).toEqual([]);
  });
});

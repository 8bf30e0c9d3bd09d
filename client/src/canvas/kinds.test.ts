import { describe, expect, it } from 'vitest';
import { expectedKindForLane, kindMismatches } from './kinds.ts';

describe('a card dropped into a lane of another kind', () => {
  const cards = new Map([
    ['tp', { kind: 'touchpoint' as const, laneId: 'l_touch' }],
    ['pain', { kind: 'pain' as const, laneId: 'l_pain' }],
    ['note', { kind: 'note' as const, laneId: 'l_other' }],
  ]);
  const lanes = new Map([
    ['l_touch', 'touchpoints' as const],
    ['l_touch2', 'touchpoints' as const],
    ['l_thoughts', 'thoughts' as const],
    ['l_pain', 'pains' as const],
    ['l_other', 'custom' as const],
    ['l_curve', 'emotions' as const],
  ]);
  const mismatches = (moves: Array<{ ids: string[]; laneId: string }>) =>
    kindMismatches(
      moves,
      (id) => cards.get(id),
      (id) => lanes.get(id),
    );

  it('a touchpoint into a Thoughts lane is asked about, with the note kind that lane gives', () => {
    expect(mismatches([{ ids: ['tp'], laneId: 'l_thoughts' }])).toEqual([{ id: 'tp', from: 'touchpoint', to: 'note' }]);
  });

  it('a second touchpoint lane, an "other" lane or the curve lane ask nothing', () => {
    expect(mismatches([{ ids: ['tp'], laneId: 'l_touch2' }])).toEqual([]);
    expect(mismatches([{ ids: ['tp', 'pain'], laneId: 'l_other' }])).toEqual([]);
    expect(mismatches([{ ids: ['tp'], laneId: 'l_curve' }])).toEqual([]);
  });

  it('a card that stays in its lane is not asked about again', () => {
    expect(mismatches([{ ids: ['note'], laneId: 'l_other' }])).toEqual([]);
    expect(mismatches([{ ids: ['pain'], laneId: 'l_pain' }])).toEqual([]);
  });

  it('lanes meant for a kind name it; the others none', () => {
    expect(expectedKindForLane('pains')).toBe('pain');
    expect(expectedKindForLane('actions')).toBe('note');
    expect(expectedKindForLane('custom')).toBeNull();
    expect(expectedKindForLane(undefined)).toBeNull();
  });
});

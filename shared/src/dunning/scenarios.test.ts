import { describe, expect, it } from 'vitest';
import type { Scenario } from '../schema/dunning.ts';
import type { ScenarioId, StageId } from '../ids.ts';
import { checkpointWarnings, scenarioCurve } from './scenarios.ts';
import { formatDueDay, formatSpan, stageSpans, timePlacements } from './days.ts';
import { dunningBoard, touchpoint } from './test-board.ts';

const vulnerable = {
  id: 'd_vuln' as ScenarioId,
  name: 'Vulnerable customer',
  outcome: 'payment-plan',
  vulnerable: true,
} satisfies Scenario;
const forgot = { id: 'd_forgot' as ScenarioId, name: 'Forgot', outcome: 'paid', vulnerable: false } satisfies Scenario;

describe('vulnerability checkpoints', () => {
  it('warns when the vulnerable path reaches collection without passing a checkpoint', () => {
    const board = dunningBoard(
      [
        touchpoint('c_reminder', { dayOffset: 10, dunningStep: 'reminder' }),
        touchpoint('c_collection', { dayOffset: 40, dunningStep: 'collection' }),
        touchpoint('c_hardship', { dayOffset: 50, checkpoint: 'hardship-offer' }),
      ],
      [],
      [vulnerable, forgot],
    );
    expect(checkpointWarnings(board)).toEqual([{ scenarioId: 'd_vuln', collectionCardId: 'c_collection' }]);
  });

  it('a checkpoint on the path no later than collection clears it; one on another path does not', () => {
    const cards = (checkpointScenarios?: string[]) => [
      touchpoint('c_offer', {
        dayOffset: 20,
        checkpoint: 'breathing-space' as const,
        ...(checkpointScenarios ? { scenarioIds: checkpointScenarios } : {}),
      }),
      touchpoint('c_collection', { dayOffset: 40, dunningStep: 'collection' as const }),
    ];
    expect(checkpointWarnings(dunningBoard(cards(), [], [vulnerable]))).toEqual([]);
    expect(checkpointWarnings(dunningBoard(cards(['d_forgot']), [], [vulnerable, forgot]))).toHaveLength(1);
  });

  it('without days, stage order decides; a vulnerable scenario ending in collection needs a checkpoint at all', () => {
    const board = dunningBoard(
      [
        touchpoint('c_collection', { stageId: 's_invoice' as StageId, dunningStep: 'legal' }),
        touchpoint('c_offer', { checkpoint: 'hardship-offer' }),
      ],
      [],
      [vulnerable],
    );
    expect(checkpointWarnings(board)).toEqual([{ scenarioId: 'd_vuln', collectionCardId: 'c_collection' }]);
    const endsInCollection = dunningBoard([], [], [{ ...vulnerable, outcome: 'collection' }]);
    expect(checkpointWarnings(endsInCollection)).toEqual([{ scenarioId: 'd_vuln', collectionCardId: null }]);
    expect(checkpointWarnings(dunningBoard([], [], [{ ...forgot, outcome: 'collection' }]))).toEqual([]);
  });
});

describe('scenario curves', () => {
  it('each scenario has its own emotion points; a touchpoint outside a scenario is not on its curve', () => {
    const board = dunningBoard(
      [
        touchpoint('c_letter', { emotion: -1, scenarioEmotions: { d_vuln: -2 } }),
        touchpoint('c_sms', { emotion: 1, stageId: 's_invoice' as StageId, scenarioIds: ['d_forgot'] }),
      ],
      [],
      [vulnerable, forgot],
    );
    expect(scenarioCurve(board, 'd_vuln').map((p) => p.mean)).toEqual([null, -2, null]);
    expect(scenarioCurve(board, 'd_forgot').map((p) => p.mean)).toEqual([1, -1, null]);
    expect(scenarioCurve(board, null).map((p) => p.mean)).toEqual([1, -1, null]);
  });
});

describe('the time axis', () => {
  it('writes days relative to the due date', () => {
    expect([-14, 0, 12].map(formatDueDay)).toEqual(['D\u221214', 'D0', 'D+12']);
    expect(formatSpan({ from: 1, to: 12 })).toBe('D+1 – D+12');
    expect(formatSpan({ from: null, to: null })).toBeNull();
  });

  it('the ruler gives each stage the days of its touchpoints, and the time view places them within the column', () => {
    const board = dunningBoard([
      touchpoint('c_invoice', { stageId: 's_invoice' as StageId, dayOffset: -14 }),
      touchpoint('c_a', { dayOffset: 1, order: 1 }),
      touchpoint('c_b', { dayOffset: 1, order: 2 }),
      touchpoint('c_c', { dayOffset: 12, order: 3 }),
      touchpoint('c_d', { dayOffset: 4, order: 4 }),
    ]);
    expect(stageSpans(board).map((s) => [s.from, s.to])).toEqual([
      [-14, -14],
      [1, 12],
      [null, null],
    ]);
    expect(timePlacements(board).map((p) => [p.cardId, p.fraction, p.stack])).toEqual([
      ['c_invoice', 0.5, 0],
      ['c_a', 0, 0],
      ['c_b', 0, 1],
      ['c_c', 1, 0],
      ['c_d', 3 / 11, 0],
    ]);
  });

  it('cards of a column closer than a card width go to the next free row, so none covers another', () => {
    const board = dunningBoard([
      touchpoint('c_a', { dayOffset: 1, order: 1 }),
      touchpoint('c_b', { dayOffset: 2, order: 2 }),
      touchpoint('c_c', { dayOffset: 12, order: 3 }),
      touchpoint('c_d', { dayOffset: 11, order: 4 }),
      touchpoint('c_e', { dayOffset: 6, order: 5 }),
    ]);
    // A card as wide as 0.4 of the column's range: D+1 and D+2 touch, D+11 and D+12 touch,
    // D+6 (5/11) lies far enough from D+1 (0) in row 0 but covers D+2 (1/11) in row 1.
    const rows = timePlacements(board, null, 0.4).map((p) => [p.cardId, p.stack]);
    expect(rows).toEqual([
      ['c_a', 0],
      ['c_b', 1],
      ['c_c', 0],
      ['c_d', 1],
      ['c_e', 0],
    ]);
    // Without a width only the same day stacks (the old rule).
    expect(timePlacements(board).every((p) => p.stack === 0)).toBe(true);
  });
});

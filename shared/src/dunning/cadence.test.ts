import { describe, expect, it } from 'vitest';
import type { CadenceRule, Scenario } from '../schema/dunning.ts';
import type { CadenceRuleId, ScenarioId } from '../ids.ts';
import { boardCadenceWarnings, cadenceWarnings, cadenceWindows, contactsOf } from './cadence.ts';
import { dunningBoard, touchpoint } from './test-board.ts';

const rule = (fields: Record<string, unknown>, id = 'r_1'): CadenceRule => ({ id, ...fields }) as unknown as CadenceRule;
const maxThreeAWeek = rule({ kind: 'max-contacts', limit: 3, windowDays: 7 });

describe('contact cadence', () => {
  it('counts the company’s contacts per channel per week, aligned to the due date, quiet weeks included', () => {
    const board = dunningBoard([
      touchpoint('c_invoice', { dayOffset: -14, channel: 'email', dunningStep: 'invoice' }),
      touchpoint('c_sms', { dayOffset: 1, channel: 'sms', dunningStep: 'nudge' }),
      touchpoint('c_mail', { dayOffset: 1, channel: 'email', dunningStep: 'nudge' }),
      touchpoint('c_sms2', { dayOffset: 6, channel: 'sms', dunningStep: 'nudge' }),
      touchpoint('c_call', { dayOffset: 3, channel: 'phone', dunningStep: 'customer-call' }),
      touchpoint('c_paid', { dayOffset: 4, channel: 'payment', dunningStep: 'payment' }),
      touchpoint('c_undated', { channel: 'letter' }),
    ]);
    const windows = cadenceWindows(contactsOf(board));
    expect(windows.map((w) => [w.start, w.end, w.total])).toEqual([
      [-14, -8, 1],
      [-7, -1, 0],
      [0, 6, 3],
    ]);
    expect(windows[2]?.counts).toEqual({ sms: 2, email: 1 });
  });

  it('warns of more than three contacts in seven days, once per run, naming the touchpoints', () => {
    const board = dunningBoard(
      [1, 2, 3, 5, 20].map((day) => touchpoint(`c_${day}`, { dayOffset: day, channel: 'sms', dunningStep: 'nudge' })),
      [maxThreeAWeek],
    );
    const warnings = cadenceWarnings(board);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      kind: 'max-contacts',
      cardIds: ['c_1', 'c_2', 'c_3', 'c_5'],
      fromDay: 1,
      toDay: 5,
      found: 4,
      limit: 3,
    });
  });

  it('three contacts in seven days, or four spread over eight, is within the rule', () => {
    const within = dunningBoard(
      [1, 2, 8, 9].map((day) => touchpoint(`c_${day}`, { dayOffset: day, dunningStep: 'nudge' })),
      [maxThreeAWeek],
    );
    expect(cadenceWarnings(within)).toEqual([]);
  });

  it('a channel rule counts only that channel', () => {
    const board = dunningBoard(
      [touchpoint('c_a', { dayOffset: 1, channel: 'sms' }), touchpoint('c_b', { dayOffset: 2, channel: 'email' })],
      [rule({ kind: 'max-contacts', limit: 1, windowDays: 7, channel: 'sms' })],
    );
    expect(cadenceWarnings(board)).toEqual([]);
  });

  it('warns of a reminder sent within the quiet days after a payment promise', () => {
    const board = dunningBoard(
      [
        touchpoint('c_promise', { dayOffset: 10, channel: 'phone', dunningStep: 'promise' }),
        touchpoint('c_reminder', { dayOffset: 14, channel: 'letter', dunningStep: 'reminder', fee: 100 }),
        touchpoint('c_later', { dayOffset: 30, channel: 'letter', dunningStep: 'reminder', fee: 100 }),
      ],
      [rule({ kind: 'promise-quiet', days: 7 })],
    );
    expect(cadenceWarnings(board)).toEqual([
      expect.objectContaining({
        kind: 'promise-quiet',
        cardIds: ['c_promise', 'c_reminder'],
        fromDay: 10,
        toDay: 14,
        found: 4,
        limit: 7,
      }),
    ]);
  });

  it('Danish rules: fee-bearing reminders under 10 days apart, more than three, or a fee above 100', () => {
    const board = dunningBoard(
      [
        touchpoint('c_r1', { dayOffset: 10, channel: 'letter', dunningStep: 'reminder', fee: 100 }),
        touchpoint('c_r2', { dayOffset: 15, channel: 'letter', dunningStep: 'reminder', fee: 100 }),
        touchpoint('c_r3', { dayOffset: 30, channel: 'letter', dunningStep: 'reminder', fee: 150 }),
        touchpoint('c_r4', { dayOffset: 45, channel: 'letter', dunningStep: 'final-notice', fee: 100 }),
        touchpoint('c_free', { dayOffset: 46, channel: 'sms', dunningStep: 'reminder' }),
      ],
      [
        rule({ kind: 'reminder-spacing', days: 10 }, 'r_space'),
        rule({ kind: 'reminder-count', limit: 3 }, 'r_count'),
        rule({ kind: 'fee-cap', step: 'reminder', amount: 100 }, 'r_fee'),
      ],
    );
    const warnings = cadenceWarnings(board);
    expect(warnings.map((w) => [w.ruleId, w.cardIds])).toEqual([
      ['r_space', ['c_r1', 'c_r2']],
      ['r_count', ['c_r1', 'c_r2', 'c_r3', 'c_r4']],
      ['r_fee', ['c_r3']],
    ]);
  });

  it('evaluates each debtor scenario on its own path and lists a shared warning once', () => {
    const forgot = {
      id: 'd_forgot' as ScenarioId,
      name: 'Forgot',
      outcome: 'paid',
      vulnerable: false,
    } satisfies Scenario;
    const wontPay = {
      id: 'd_wont' as ScenarioId,
      name: 'Won’t pay',
      outcome: 'collection',
      vulnerable: false,
    } satisfies Scenario;
    const board = dunningBoard(
      [
        touchpoint('c_1', { dayOffset: 1, dunningStep: 'nudge' }),
        touchpoint('c_2', { dayOffset: 2, dunningStep: 'nudge' }),
        touchpoint('c_3', { dayOffset: 3, dunningStep: 'reminder', scenarioIds: ['d_wont'] }),
      ],
      [rule({ kind: 'max-contacts', limit: 2, windowDays: 7 }, 'r_max' as CadenceRuleId)],
      [forgot, wontPay],
    );
    expect(cadenceWarnings(board, 'd_forgot')).toEqual([]);
    expect(cadenceWarnings(board, 'd_wont')).toHaveLength(1);
    expect(boardCadenceWarnings(board)).toEqual([expect.objectContaining({ scenarioId: 'd_wont', alsoIn: [] })]);
  });
});

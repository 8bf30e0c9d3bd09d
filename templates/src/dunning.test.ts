import { describe, expect, it } from 'vitest';
import {
  boardCadenceWarnings,
  cadenceWindows,
  checkpointWarnings,
  contactsOf,
  formatSpan,
  instantiateTemplate,
  stageSpans,
  type Card,
  type CardId,
} from '@rejse/shared';
import { TEMPLATE_LOCALES, findTemplate } from './index.ts';

const board = (id: string, locale = 'en') => findTemplate(id, locale)!.board;

describe('the reference templates on the time axis', () => {
  it.each(TEMPLATE_LOCALES)('the pre-reminder window (%s) keeps its own cadence rules: no warning on any path', (locale) => {
    const b = board('pre-reminder-window', locale);
    expect(b.cadenceRules.map((r) => r.kind)).toEqual([
      'max-contacts',
      'promise-quiet',
      'reminder-spacing',
      'reminder-count',
      'fee-cap',
      'fee-cap',
    ]);
    expect(boardCadenceWarnings(b)).toEqual([]);
    expect(checkpointWarnings(b)).toEqual([]);
    // The 12 days between the due date and the first postal reminder.
    const spans = Object.fromEntries(stageSpans(b).map((s) => [s.stageId, formatSpan(s)]));
    expect(spans).toMatchObject({
      s_due: 'D0',
      s_nudge: 'D+1',
      s_followup: 'D+7',
      s_last_chance: 'D+12',
      s_reminder: 'D+13 – D+15',
    });
  });

  it('a crafted over-contact board made from it is warned about: a daily SMS in the window', () => {
    const b = board('pre-reminder-window');
    const daily: Card[] = [2, 3, 4].map((day) => ({
      id: `c_daily_${day}` as CardId,
      kind: 'touchpoint',
      stageId: b.stages[2]!.id,
      laneId: b.lanes[1]!.id,
      order: 10 + day,
      text: 'Another SMS',
      channel: 'sms',
      dayOffset: day,
      dunningStep: 'nudge',
    }));
    const warnings = boardCadenceWarnings({ ...b, cards: [...b.cards, ...daily] });
    expect(warnings.map((w) => w.kind)).toContain('max-contacts');
    expect(warnings[0]).toMatchObject({ fromDay: 1, found: 5, limit: 3 });
  });

  it('the collection letters: the vulnerable customer reaches the collection letter at D+40 before any hardship offer', () => {
    const b = board('collection-letters');
    expect(checkpointWarnings(b)).toEqual([{ scenarioId: 'd_vulnerable', collectionCardId: 'c_collection_letter' }]);
    expect(boardCadenceWarnings(b)).toEqual([]);
    expect(
      cadenceWindows(contactsOf(b))
        .filter((w) => w.total > 0)
        .map((w) => [w.start, w.total]),
    ).toEqual([
      [-14, 1],
      [14, 1],
      [35, 1],
      [42, 1],
    ]);
  });

  it('the telecom path for 18–25-year-olds: the one who forgets calls about the fee; the one who struggles meets no checkpoint', () => {
    const b = board('telecom-young-customers');
    const forgot = b.cards.filter((c) => c.scenarioIds === undefined || c.scenarioIds.includes('d_forgot')).map((c) => c.id);
    expect(forgot).toContain('c_fee_call');
    expect(checkpointWarnings(b).map((w) => w.scenarioId)).toEqual(['d_vulnerable']);
  });

  it('a board made from a template keeps its days, steps and scenarios under fresh ids', () => {
    const made = instantiateTemplate(findTemplate('pre-reminder-window', 'da')!);
    expect(made.scenarios.map((s) => s.name)).toContain('Sårbar kunde');
    const ids = new Set(made.scenarios.map((s) => s.id));
    expect(ids.has('d_vulnerable' as never)).toBe(false);
    for (const card of made.cards) for (const id of card.scenarioIds ?? []) expect(ids.has(id as never)).toBe(true);
    expect(boardCadenceWarnings(made)).toEqual([]);
  });
});

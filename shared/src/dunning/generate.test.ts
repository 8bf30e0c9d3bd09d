import { describe, expect, it } from 'vitest';
import { validateBoard } from '../schema/board.ts';
import { boardToDoc } from '../doc/write.ts';
import { docToBoard } from '../doc/read.ts';
import { boardCadenceWarnings } from './cadence.ts';
import { stageSpans } from './days.ts';
import { DUNNING_LANGUAGES } from './defaults.ts';
import { daysBetween, EXAMPLE_DANISH_PROCESS, EXAMPLE_SWEDISH_PROCESS, generateDunningBoard } from './generate.ts';
import { checkpointWarnings } from './scenarios.ts';

describe('a board generated from a dunning process', () => {
  it.each(DUNNING_LANGUAGES)('is valid in %s, round-trips through a Y.Doc, and keeps its own rules', (language) => {
    const board = generateDunningBoard(language === 'sv' ? EXAMPLE_SWEDISH_PROCESS : EXAMPLE_DANISH_PROCESS, language);
    expect(validateBoard(board)).toMatchObject({ ok: true });
    expect(docToBoard(boardToDoc(board), board.id)).toEqual(board);
    expect(boardCadenceWarnings(board)).toEqual([]);
    expect(checkpointWarnings(board)).toEqual([]);
    expect(board.scenarios.map((s) => s.outcome)).toEqual(['paid', 'payment-plan', 'paid', 'collection', 'payment-plan']);
  });

  it('places each step on its day: the invoice 14 days before the due date, the 12-day window, the reminders', () => {
    const board = generateDunningBoard(EXAMPLE_DANISH_PROCESS, 'da');
    const spans = Object.fromEntries(stageSpans(board).map((s) => [s.stageId, [s.from, s.to]]));
    expect(spans).toMatchObject({
      s_invoice: [-14, -14],
      s_due: [0, 0],
      s_window: [1, 12],
      s_reminder1: [13, 16],
      s_legal: [90, 90],
    });
    expect(board.stages.map((s) => s.title).at(-1)).toBe('Fogedretten');
    expect(board.cadenceRules.map((r) => r.kind)).toContain('reminder-spacing');
    expect(generateDunningBoard(EXAMPLE_SWEDISH_PROCESS, 'sv').stages.at(-1)?.title).toBe('Kronofogden');
  });

  it('a process that breaks Danish law is warned about: reminders five days apart', () => {
    const hasty = {
      ...EXAMPLE_DANISH_PROCESS,
      reminders: [
        { day: 13, channel: 'letter', fee: 100 },
        { day: 18, channel: 'letter', fee: 100 },
      ] as const,
    };
    const kinds = boardCadenceWarnings(generateDunningBoard(hasty, 'da')).map((w) => w.kind);
    expect(kinds).toContain('reminder-spacing');
  });

  it('counts days between ISO dates and refuses anything else', () => {
    expect(daysBetween('2026-03-01', '2026-03-15')).toBe(14);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(() => daysBetween('15/03/2026', '2026-03-15')).toThrow(/not a date/);
  });
});

import { describe, expect, it } from 'vitest';
import { boardCadenceWarnings, defaultDunningProcess, stageSpans, validateBoard } from '@rejse/shared';
import { createTestApp, createdBoard, postJson, tickingClock } from './test-app.ts';

const setup = () => createTestApp({ now: tickingClock('2026-01-01T00:00:00Z') });

describe('POST /api/boards with a dunning process', () => {
  it('generates the board in the requested language: a stage per step, each touchpoint on its day, scenarios and the law’s rules', async () => {
    const { app } = setup();
    const board = await createdBoard(app, { locale: 'da-DK', dunning: defaultDunningProcess('da', '2026-03-15') });
    expect(validateBoard(board).ok).toBe(true);
    expect(board.locale).toBe('da-DK');
    expect(board.currency).toBe('DKK');
    expect(board.title).toBe('Rykkerforløb');
    expect(board.stages.map((s) => s.title)).toEqual([
      'Faktura',
      'Forfaldsdato',
      'Før rykker',
      'Rykker 1',
      'Rykker 2',
      'Sidste varsel',
      'Inkasso',
      'Afdragsordning',
      'Fogedretten',
    ]);
    expect(stageSpans(board).map((s) => [s.from, s.to])[0]).toEqual([-14, -14]);
    expect(board.cards.filter((c) => c.dunningStep === 'reminder').map((c) => [c.dayOffset, c.fee])).toEqual([
      [13, 100],
      [24, 100],
    ]);
    expect(board.scenarios.map((s) => s.name)).toContain('Sårbar kunde');
    expect(board.cadenceRules.map((r) => r.kind)).toEqual(expect.arrayContaining(['max-contacts', 'reminder-spacing', 'fee-cap']));
    // Fresh ids, not the generator's readable ones.
    expect(board.cards.some((c) => c.id.startsWith('c_reminder'))).toBe(false);
    expect(boardCadenceWarnings(board)).toEqual([]);
  });

  it('a Swedish process gets Swedish words and fees; a title given is kept; the invoice day moves the invoice', async () => {
    const { app } = setup();
    const process = { ...defaultDunningProcess('sv', '2026-04-30'), invoiceDay: -30 };
    const board = await createdBoard(app, { title: 'Vår process', locale: 'sv', dunning: process });
    expect(board.title).toBe('Vår process');
    expect(board.currency).toBe('SEK');
    expect(board.stages.at(-1)?.title).toBe('Kronofogden');
    expect(board.cards.find((c) => c.dunningStep === 'invoice')?.dayOffset).toBe(-30);
    expect(board.cards.find((c) => c.dunningStep === 'collection')?.fee).toBe(180);
  });

  it('a process out of order or out of range is a 400 naming the field, and nothing is stored', async () => {
    const { app, store } = setup();
    const good = defaultDunningProcess('en', '2026-03-15');
    const cases: Array<[unknown, string, RegExp]> = [
      [
        { ...good, reminders: [good.reminders[0], { ...good.reminders[1], day: 10 }] },
        'dunning.reminders.1.day',
        /reminder 2 must come after reminder 1/,
      ],
      [
        { ...good, reminders: [{ ...good.reminders[0], day: 5 }, good.reminders[1]] },
        'dunning.reminders.0.day',
        /after the pre-reminder window/,
      ],
      [{ ...good, legal: { day: 5000, channel: 'letter' } }, 'dunning.legal.day', /at most 1827/],
      [{ ...good, finalNotice: { day: 35, channel: 'pigeon' } }, 'dunning.finalNotice.channel', /channel must be one of/],
      [
        { ...good, reminders: [{ ...good.reminders[0], fee: -5 }, good.reminders[1]] },
        'dunning.reminders.0.fee',
        /fee must not be negative/,
      ],
      [{ ...good, dueDate: '15/03/2026' }, 'dunning.dueDate', /dueDate must be a date/],
      [{ ...good, invoiceDay: 3 }, 'dunning.invoiceDay', /on or before the due date/],
      [{ ...good, reminders: [good.reminders[0]] }, 'dunning.reminders', /two steps/],
      ['not a process', 'dunning', /describing the process/],
    ];
    for (const [dunning, field, message] of cases) {
      const res = await app.request('/api/boards', postJson({ dunning }));
      expect(res.status, field).toBe(400);
      const body = (await res.json()) as { code: string; field: string; error: string };
      expect(body.code).toBe('invalid-request');
      expect(body.field).toBe(field);
      expect(body.error).toMatch(message);
    }
    const both = await app.request('/api/boards', postJson({ template: 'blank', dunning: good }));
    expect(both.status).toBe(400);
    expect(((await both.json()) as { error: string }).error).toMatch(/either a template or a dunning process/);
    expect(store.documents.list()).toHaveLength(0);
  });
});

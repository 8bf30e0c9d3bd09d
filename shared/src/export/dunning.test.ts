import { describe, expect, it } from 'vitest';
import { EXAMPLE_DANISH_PROCESS, generateDunningBoard } from '../dunning/generate.ts';
import { smallBoard } from '../../testing/fixtures.ts';
import { boardMarkdown } from './markdown.ts';
import { reportModel } from './report.ts';
import { dunningMarkdown, dunningSummary } from './dunning.ts';
import { exportLabelsFor } from './labels.ts';

describe('the dunning journey in exports', () => {
  it('a board without days, scenarios or rules gets no dunning section and a null summary', () => {
    expect(dunningSummary(smallBoard())).toBeNull();
    expect(dunningMarkdown(smallBoard())).toEqual([]);
    expect(reportModel(smallBoard(), { generatedAt: new Date('2026-03-01T00:00:00Z') }).dunning).toBeNull();
  });

  it('the report model carries the time view, contacts per week, warnings and every scenario’s curve', () => {
    const board = generateDunningBoard(
      {
        ...EXAMPLE_DANISH_PROCESS,
        reminders: [
          { day: 13, channel: 'letter', fee: 100 },
          { day: 18, channel: 'letter', fee: 100 },
        ],
      },
      'da',
    );
    const model = reportModel(board, { generatedAt: new Date('2026-03-01T00:00:00Z') });
    expect(model.dunning?.stages.find((s) => s.stageId === 's_window')?.span).toBe('D+1 – D+12');
    expect(model.dunning?.touchpoints.find((t) => t.id === 'c_reminder1')).toMatchObject({
      day: 13,
      dayText: 'D+13',
      channel: 'letter',
    });
    expect(model.dunning?.warnings.map((w) => w.kind)).toEqual(['reminder-spacing']);
    expect(model.dunning?.scenarios.map((s) => s.name)).toEqual([
      'Glemte det',
      'Midlertidige betalingsproblemer',
      'Bestrider kravet',
      'Vil ikke betale',
      'Sårbar kunde',
    ]);
    const curves = model.dunning!.scenarios.map((s) => s.curve.map((p) => p.mean));
    expect(new Set(curves.map((c) => JSON.stringify(c))).size).toBe(5);
  });

  it('the Markdown export writes days, rules, warnings and curves in the board’s language, escaping user text', () => {
    const board = generateDunningBoard(EXAMPLE_DANISH_PROCESS, 'da');
    board.scenarios[0]!.name = 'Glemte *det* | <b>';
    board.cards.find((c) => c.id === 'c_collection')!.scenarioIds = ['d_vulnerable'];
    for (const card of board.cards) delete card.checkpoint;
    const md = boardMarkdown(board, { labels: exportLabelsFor('da') });
    expect(md).toContain('## Tid, kontaktrytme og skyldnerscenarier');
    expect(md).toContain('| Før rykker | D+1 – D+12 |');
    expect(md).toContain('- Gebyrbelagte rykkere mindst 10 dage fra hinanden');
    expect(md).toContain('- Gebyr for »Rykker«: højst 100 DKK');
    expect(md).toContain('Glemte \\*det\\* \\| \\<b\\>');
    expect(md).not.toContain('<b>');
    expect(md).toMatch(/Sårbar kunde når »Kravet overdrages til inkasso« \(D\+50\) uden først/);
    expect(md).toContain('- Faktura med forfaldsdato og betalingsoplysninger — D−14');
  });

  it('speaks the catalogue’s words in every language: the same words as the time view, nothing left unfilled', () => {
    for (const [locale, heading, scenario] of [
      ['en', '## Time, cadence and debtor scenarios', '| Forgot (Paid) |'],
      ['da', '## Tid, kontaktrytme og skyldnerscenarier', '| Sårbar kunde (Afdragsordning, sårbar) |'],
      ['sv', '## Tid, kontaktfrekvens och gäldenärsscenarier', '| Glömde bort (Betald) |'],
    ] as const) {
      const board = generateDunningBoard(
        {
          ...EXAMPLE_DANISH_PROCESS,
          reminders: [
            { day: 13, channel: 'letter', fee: 100 },
            { day: 18, channel: 'letter', fee: 100 },
          ],
        },
        locale,
      );
      board.cadenceRules.push({ id: 'r_sms' as never, kind: 'max-contacts', limit: 1, windowDays: 7, channel: 'sms' });
      const md = dunningMarkdown(board).join('\n');
      expect(md).toContain(heading);
      expect(md).toContain(scenario);
      expect(md).not.toMatch(/\{[a-zA-Z]+\}/);
    }
    const english = generateDunningBoard(EXAMPLE_DANISH_PROCESS, 'en');
    english.cadenceRules.push(
      { id: 'r_fee' as never, kind: 'fee-cap', step: 'reminder', amount: 100 },
      { id: 'r_sms' as never, kind: 'max-contacts', limit: 2, windowDays: 7, channel: 'sms' },
    );
    const en = dunningMarkdown(english).join('\n');
    expect(en).toContain('- At most 2 contacts in 7 days by SMS\n');
    expect(en).toContain('- At most 3 contacts in 7 days\n');
    expect(en).toContain('- Fee for “Reminder”: at most 100 DKK');
  });
});

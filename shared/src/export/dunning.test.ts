import { describe, expect, it } from 'vitest';
import { EXAMPLE_DANISH_PROCESS, generateDunningBoard } from '../dunning/generate.ts';
import { smallBoard } from '../../testing/fixtures.ts';
import { boardMarkdown } from './markdown.ts';
import { reportModel } from './report.ts';
import { DUNNING_EXPORT_WORDS, dunningMarkdown, dunningSummary } from './dunning.ts';
import { exportLabelsFor } from './labels.ts';

describe('the dunning journey in exports', () => {
  it('a board without days, scenarios or rules gets no dunning section and a null summary', () => {
    expect(dunningSummary(smallBoard())).toBeNull();
    expect(dunningMarkdown(smallBoard())).toEqual([]);
    expect(reportModel(smallBoard(), { generatedAt: new Date('2026-03-01T00:00:00Z') }).dunning).toBeNull();
  });

  it('the report model carries the time view, contacts per week, warnings and every scenario’s curve', () => {
    const board = generateDunningBoard({ ...EXAMPLE_DANISH_PROCESS, reminders: [{ day: 13, channel: 'letter', fee: 100 }, { day: 18, channel: 'letter', fee: 100 }] }, 'da');
    const model = reportModel(board, { generatedAt: new Date('2026-03-01T00:00:00Z') });
    expect(model.dunning?.stages.find((s) => s.stageId === 's_window')?.span).toBe('D+1 – D+12');
    expect(model.dunning?.touchpoints.find((t) => t.id === 'c_reminder1')).toMatchObject({ day: 13, dayText: 'D+13', channel: 'letter' });
    expect(model.dunning?.warnings.map((w) => w.kind)).toEqual(['reminder-spacing']);
    expect(model.dunning?.scenarios.map((s) => s.name)).toEqual(['Glemte det', 'Midlertidige betalingsproblemer', 'Bestrider kravet', 'Vil ikke betale', 'Sårbar kunde']);
    const curves = model.dunning!.scenarios.map((s) => s.curve.map((p) => p.mean));
    expect(new Set(curves.map((c) => JSON.stringify(c))).size).toBe(5);
  });

  it('the Markdown export writes days, rules, warnings and curves in the board’s language, escaping user text', () => {
    const board = generateDunningBoard(EXAMPLE_DANISH_PROCESS, 'da');
    board.scenarios[0]!.name = 'Glemte *det* | <b>';
    board.cards.find((c) => c.id === 'c_collection')!.scenarioIds = ['d_vulnerable'];
    for (const card of board.cards) delete card.checkpoint;
    const md = boardMarkdown(board, { labels: exportLabelsFor('da') });
    expect(md).toContain('## Tid og kontaktrytme');
    expect(md).toContain('| Før rykker | D+1 – D+12 |');
    expect(md).toContain('- Gebyrbelagte rykkere mindst 10 dage fra hinanden');
    expect(md).toContain('- Et gebyr for rykker på højst 100 DKK');
    expect(md).toContain('Glemte \\*det\\* \\| \\<b\\>');
    expect(md).not.toContain('<b>');
    expect(md).toMatch(/Sårbar kunde når Kravet overdrages til inkasso \(D\+50\) uden først/);
    expect(md).toContain('- Faktura med forfaldsdato og betalingsoplysninger — D−14');
  });

  it('every language has every word', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k])).sort();
    expect(keys(DUNNING_EXPORT_WORDS.da)).toEqual(keys(DUNNING_EXPORT_WORDS.en));
    expect(keys(DUNNING_EXPORT_WORDS.sv)).toEqual(keys(DUNNING_EXPORT_WORDS.en));
  });
});

import { describe, expect, it } from 'vitest';
import { CATALOGUES, catalogueFor, exportLabelsFor, type MessageKey } from '@rejse/shared';
import { bearer, createBoardVia, createTestApp, tickingClock } from './test-app.ts';

const setup = () => createTestApp({ now: tickingClock('2026-03-03T10:00:00Z') }).app;

async function boardIn(app: ReturnType<typeof setup>, locale: string): Promise<{ id: string; auth: RequestInit }> {
  const { id, token } = await createBoardVia(app, { template: 'collection-letters', locale });
  return { id, auth: bearer(token) };
}

/** The catalogue entries the report page writes besides the export labels. */
const REPORT_KEYS: readonly MessageKey[] = [
  'export.report.documentTitle',
  'export.report.date',
  'export.report.summary',
  'export.report.curve',
  'export.report.actions',
  'export.report.linkedPains',
  'export.report.pains',
  'export.report.addressedBy',
  'export.report.notAddressed',
  'export.report.severity',
  'export.report.map',
  'export.report.mapMissing',
  'export.report.generatedBy',
];

/** Words of a message long enough to be telling (its placeholders and plural branches left out). */
function wordsOf(message: string): string[] {
  let text = message;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\{[^{}]*\}/g, ' ');
  }
  return text
    .split(/[^\p{L} ]+/u)
    .map((w) => w.trim())
    .filter((w) => /\p{L}{4,}/u.test(w));
}

/** English words an export or report in `language` must not contain (those the language writes differently). */
function englishLeftovers(output: string, language: 'da' | 'sv'): string[] {
  const en = CATALOGUES.en;
  const other = CATALOGUES[language];
  const english = exportLabelsFor('en');
  const translated = exportLabelsFor(language);
  const pairs: Array<[string, string]> = REPORT_KEYS.map((key) => [en[key], other[key]]);
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string' && typeof b === 'string') pairs.push([a, b]);
    else if (a && typeof a === 'object') for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown>)[k]);
  };
  walk(english, translated);
  const found = new Set<string>();
  for (const [source, target] of pairs) {
    if (source === target) continue;
    const own = new Set(wordsOf(target));
    for (const word of wordsOf(source)) {
      // As a whole word: Swedish "Chatt" holds the English "Chat".
      const whole = new RegExp(`(?<!\\p{L})${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
      if (!own.has(word) && whole.test(output)) found.add(word);
    }
  }
  return [...found];
}

describe('exports in the board’s language', () => {
  it('the report and the exports take their words from the board language’s catalogue, the UI’s own', () => {
    expect(catalogueFor('da-DK')).toBe(CATALOGUES.da);
    expect(catalogueFor('sv')).toBe(CATALOGUES.sv);
    expect(catalogueFor('de')).toBe(CATALOGUES.en);
  });

  it.each(['da', 'sv'] as const)('a %s board’s CSV, Markdown and report hold no English word of ours', async (language) => {
    const app = setup();
    const { id, auth } = await boardIn(app, language);
    for (const path of ['actions.csv', 'actions.md', 'board.md', 'report.html']) {
      const res = await app.request(`/api/boards/${id}/${path}`, auth);
      expect(res.status, path).toBe(200);
      expect(englishLeftovers(await res.text(), language), path).toEqual([]);
    }
  });

  it('a Danish board’s CSV has Danish headers and ";" separators, its report and Markdown are Danish', async () => {
    const app = setup();
    const { id, auth } = await boardIn(app, 'da');
    const csv = await (await app.request(`/api/boards/${id}/actions.csv`, auth)).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Placering;Handling;Fase;/);
    const report = await (await app.request(`/api/boards/${id}/report.html`, auth)).text();
    expect(report).toContain('<html lang="da">');
    expect(report).toContain('Følelseskurve');
    expect(report).toContain('3. marts 2026');
    const md = await (await app.request(`/api/boards/${id}/board.md`, auth)).text();
    expect(md).toContain('### Kontaktpunkter');
  });

  it('a Swedish board’s exports are Swedish and an English board’s stay English', async () => {
    const app = setup();
    const sv = await boardIn(app, 'sv');
    const csv = await (await app.request(`/api/boards/${sv.id}/actions.csv`, sv.auth)).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Placering;Åtgärd;Fas;/);
    const report = await (await app.request(`/api/boards/${sv.id}/report.html`, sv.auth)).text();
    expect(report).toContain('Känslokurva');
    expect(report).toContain('3 mars 2026');
    const en = await boardIn(app, 'en');
    const enCsv = await (await app.request(`/api/boards/${en.id}/actions.csv`, en.auth)).text();
    expect(enCsv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Rank,Action,Stage,/);
  });
});

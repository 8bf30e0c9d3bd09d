import { describe, expect, it } from 'vitest';
import { workshopBoard } from '../../testing/board-fixtures.ts';
import { actionListCsv } from './csv.ts';
import { boardMarkdown } from './markdown.ts';
import { CATALOGUES } from '../i18n/catalogue.ts';
import { DEFAULT_EXPORT_LABELS, exportLabelsFor, type ExportLabels } from './labels.ts';

const EXPORT_LABELS_DA = exportLabelsFor('da');
const EXPORT_LABELS_SV = exportLabelsFor('sv');

/** Every string of a label set with its path: 'columns.rank' → 'Rank'. */
function leaves(labels: ExportLabels): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(labels, '');
  return out;
}

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Every label that is an entry of the language's catalogue, so it is the word the UI shows. */
function isCatalogueWord(labels: ExportLabels, language: keyof typeof CATALOGUES): string[] {
  const words = new Set<string>(Object.values(CATALOGUES[language]));
  return [...leaves(labels)].filter(([, text]) => !words.has(text)).map(([path]) => path);
}

/** Words Danish and Swedish write as English does. */
const SHARED_WORDS = new Set([
  'SMS',
  'E-mail',
  'Chat',
  'Top',
  'Portal',
  'App',
  'Status',
  'Persona',
  'Score',
  'neutral',
  'Neutral',
  'negativ',
  'positiv',
  'Effekt',
  'Kontaktpunkter',
  // Names of the Nordic digital mailboxes (brands).
  'e-Boks / Digital Post',
  'Kivra',
]);

const TRANSLATIONS = { da: EXPORT_LABELS_DA, sv: EXPORT_LABELS_SV } as const;

describe('export labels in Danish and Swedish', () => {
  it.each(Object.entries(TRANSLATIONS))('%s has every label English has, with the same placeholders', (_, labels) => {
    const english = leaves(DEFAULT_EXPORT_LABELS);
    const translated = leaves(labels);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of english) expect(placeholders(translated.get(path) ?? ''), path).toBe(placeholders(text));
  });

  it.each(Object.entries(TRANSLATIONS))('%s leaves no word in English outside a few shared words', (_, labels) => {
    const english = leaves(DEFAULT_EXPORT_LABELS);
    const same = [...leaves(labels)].filter(([path, text]) => {
      const words = text.replace(/\s*\{\w+\}\s*/g, '');
      return text === english.get(path) && /\p{L}{3,}/u.test(words) && !SHARED_WORDS.has(words);
    });
    expect(same).toEqual([]);
  });

  it('are the UI’s own words: an agreed action is “Aftalt” in the UI, the CSV, the Markdown and the report alike', () => {
    expect(isCatalogueWord(DEFAULT_EXPORT_LABELS, 'en')).toEqual([]);
    expect(isCatalogueWord(EXPORT_LABELS_DA, 'da')).toEqual([]);
    expect(isCatalogueWord(EXPORT_LABELS_SV, 'sv')).toEqual([]);
    expect(EXPORT_LABELS_DA.status.agreed).toBe(CATALOGUES.da['prioritize.status.agreed']);
    expect(EXPORT_LABELS_DA.status.agreed).toBe('Aftalt');
    expect(EXPORT_LABELS_SV.quadrant['fill-in']).toBe(CATALOGUES.sv['prioritize.quadrant.fill-in']);
  });

  it('picks the labels by the language of the board locale, English otherwise', () => {
    expect(exportLabelsFor('da')).toBe(EXPORT_LABELS_DA);
    expect(exportLabelsFor('da-DK')).toBe(EXPORT_LABELS_DA);
    expect(exportLabelsFor('sv_SE')).toBe(EXPORT_LABELS_SV);
    expect(exportLabelsFor('SV-FI')).toBe(EXPORT_LABELS_SV);
    expect(exportLabelsFor('en')).toBe(DEFAULT_EXPORT_LABELS);
    expect(exportLabelsFor('fr-FR')).toBe(DEFAULT_EXPORT_LABELS);
    expect(exportLabelsFor('')).toBe(DEFAULT_EXPORT_LABELS);
    expect(exportLabelsFor(undefined)).toBe(DEFAULT_EXPORT_LABELS);
  });
});

describe('CSV for Excel in the board’s locale', () => {
  /** Cells of each line; a quoted cell may hold the separator (no line breaks in these fixtures). */
  const rows = (csv: string, separator: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => {
        const cells: string[] = [];
        let cell = '';
        let quoted = false;
        for (let i = 0; i < line.length; i++) {
          const ch = line[i] as string;
          if (ch === '"' && quoted && line[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (ch === '"') quoted = !quoted;
          else if (ch === separator && !quoted) {
            cells.push(cell);
            cell = '';
          } else cell += ch;
        }
        return [...cells, cell];
      });

  it.each([
    ['da', 'Placering;Handling;Fase', 'I gang'],
    ['sv', 'Placering;Åtgärd;Fas', 'Pågår'],
  ])('a %s board writes ";"-separated cells, its own headers and words, and decimal commas', (locale, header, inProgress) => {
    const board = { ...workshopBoard(), locale };
    const csv = actionListCsv(board, { labels: exportLabelsFor(board.locale) });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toMatch(new RegExp(`^${header}`));
    const table = rows(csv, ';');
    const width = table[0]?.length ?? 0;
    expect(width).toBe(12);
    for (const row of table) expect(row).toHaveLength(width);
    const creditor = table.find((row) => row[1] === 'Name the original creditor');
    expect(creditor?.[10]).toBe(inProgress);
    // Scores with a fraction carry the locale's decimal comma, never a point.
    const scores = table.slice(1).map((row) => row[6] ?? '');
    expect(scores.some((score) => score.includes(','))).toBe(true);
    expect(scores.some((score) => score.includes('.'))).toBe(false);
  });

  it('an English board writes ","-separated cells with decimal points', () => {
    const board = { ...workshopBoard(), locale: 'en' };
    const csv = actionListCsv(board, { labels: exportLabelsFor(board.locale) });
    expect(csv.slice(1)).toMatch(/^Rank,Action,Stage/);
    const scores = rows(csv, ',')
      .slice(1)
      .map((row) => row[6] ?? '');
    expect(scores.some((score) => score.includes('.'))).toBe(true);
  });

  it('the board in Markdown speaks the board’s language', () => {
    const board = { ...workshopBoard(), locale: 'da' };
    const md = boardMarkdown(board, { labels: exportLabelsFor(board.locale) });
    expect(md).toContain('### Kontaktpunkter');
    expect(md).toContain('Meget negativ (-2)');
    expect(md).not.toContain('Touchpoints');
  });
});

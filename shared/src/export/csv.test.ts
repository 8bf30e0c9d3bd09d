import { describe, expect, it } from 'vitest';
import { buildBoard, idea, pain, link, votesOf, workshopBoard } from '../../testing/board-fixtures.ts';
import { actionListCsv, defaultCsvSeparator, formatCsvNumber, neutraliseFormula, toCsv, UTF8_BOM } from './csv.ts';
import { DEFAULT_EXPORT_LABELS, type ExportLabels } from './labels.ts';
import { parseCsv } from '../../testing/csv.ts';

const plain = { separator: ',', bom: false } as const;
const semi = { separator: ';', bom: false } as const;

describe('CSV writing', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('neutralises the formula-like text %j so a spreadsheet shows it as text', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(parseCsv(toCsv([[input]], plain), ',')).toEqual([[expected]]);
  });

  /** Hostile cells that reach a formula once a spreadsheet trims, folds or hides their start. */
  const HOSTILE_CELLS: ReadonlyArray<[string, string]> = [
    ['full-width equals', '\uFF1DSUM(A1)'],
    ['full-width plus', '\uFF0B1'],
    ['full-width minus', '\uFF0D1+2'],
    ['full-width at', '\uFF20cmd'],
    ['a leading space', ' =1'],
    ['leading spaces', '   +cmd|"/c calc"!A1'],
    ['a leading NBSP', '\u00A0=1'],
    ['a narrow NBSP and an ideographic space', '\u202F\u3000@SUM(1)'],
    ['a line feed', '\n=1'],
    ['a line feed alone at the start', '\nhello'],
    ['a space, then a tab', ' \t=1'],
    ['a zero-width space', '\u200B=1'],
    ['a zero-width joiner and non-joiner', '\u200D\u200C-1'],
    ['a word joiner', '\u2060=1'],
    ['a right-to-left mark', '\u200F=1'],
    ['a direction override', '\u202E=1'],
    ['a BOM', '\uFEFF=HYPERLINK("http://x")'],
    ['a BOM, a zero-width space and a space', '\uFEFF\u200B =1'],
    ['a space before a full-width sign', ' \uFF1D1'],
  ];

  it.each(HOSTILE_CELLS)('neutralises a formula behind %s', (_, input) => {
    expect(neutraliseFormula(input)).toBe(`'${input}`);
    // Read back, the cell is the same text with the apostrophe in front: nothing lost.
    expect(parseCsv(toCsv([[input, 'x']], plain), ',')).toEqual([[`'${input}`, 'x']]);
  });

  it('leaves ordinary text alone, including formula characters that are not at the start', () => {
    for (const text of ['Send SMS', 'a=b', '1+1', 'mail@example.com', ' a=1', '\u00A0Pay 100 kr.', '\uFEFFHello', 'Ｒykker', 'x\n=1', '']) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  it('writes numbers we produce as numbers, so a negative number is not neutralised', () => {
    expect(toCsv([[-2, 0, 3.5, -0]], plain)).toBe('-2,0,3.5,0\r\n');
    expect(toCsv([['-2']], plain)).toBe("'-2\r\n");
  });

  it('quotes cells holding the separator, quotes or line breaks, doubling inner quotes', () => {
    expect(toCsv([['a;b', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain']], semi)).toBe(
      '"a;b";a,b;"say ""hi""";"two\nlines";"cr\rhere";plain\r\n',
    );
    expect(toCsv([['a;b', 'a,b']], plain)).toBe('a;b,"a,b"\r\n');
  });

  it('reads back to the same cells after quoting and neutralising', () => {
    const rows = [
      ['semi;colon', 'com,ma', '"quoted"', 'multi\r\nline', 'æøå ÆØÅ äö ÄÖ', '=1'],
      ['', 'x', 'y', 'z', 'w', 'v'],
    ];
    for (const options of [plain, semi]) {
      const back = parseCsv(toCsv(rows, options), options.separator);
      expect(back[0]?.slice(0, 5)).toEqual(rows[0]?.slice(0, 5));
      expect(back[0]?.[5]).toBe("'=1");
      expect(back[1]).toEqual(rows[1]);
    }
  });

  it('keeps Danish and Swedish letters as they are', () => {
    expect(toCsv([['Påmindelse før inkasso', 'Betalningspåminnelse för äldre']], semi)).toBe(
      'Påmindelse før inkasso;Betalningspåminnelse för äldre\r\n',
    );
  });

  it('starts with a UTF-8 byte order mark only when asked', () => {
    expect(toCsv([['a']], { ...plain, bom: true })).toBe(`${UTF8_BOM}a\r\n`);
    expect(toCsv([['a']], plain).startsWith(UTF8_BOM)).toBe(false);
    expect(new TextEncoder().encode(toCsv([['a']], { ...plain, bom: true })).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('ends every line with CRLF and never with a bare LF', () => {
    const text = toCsv(
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ],
      plain,
    );
    expect(text).toBe('a,b\r\nc,d\r\ne,f\r\n');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes decimal commas for Danish and Swedish with ";" and decimal points with ","', () => {
    expect(formatCsvNumber(52.7, ';', 'da')).toBe('52,7');
    expect(formatCsvNumber(-2.5, ';', 'sv')).toBe('-2,5');
    expect(formatCsvNumber(52.7, ',', 'da')).toBe('52.7');
    expect(formatCsvNumber(52.7, ';', 'en')).toBe('52.7');
    expect(formatCsvNumber(1234567.5, ';', 'da')).toBe('1234567,5');
    expect(formatCsvNumber(Number.NaN, ';', 'da')).toBe('');
  });

  it('picks the separator Excel expects for the locale', () => {
    expect([defaultCsvSeparator('da'), defaultCsvSeparator('sv-SE'), defaultCsvSeparator('en')]).toEqual([';', ';', ',']);
  });
});

describe('action list CSV', () => {
  it('writes a header row and one ranked row per action with every column', () => {
    const csv = actionListCsv(workshopBoard(), { separator: ';', locale: 'da', votes: votesOf({ i_creditor: 2 }) });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1), ';');
    expect(rows[0]).toEqual([
      'Rank',
      'Action',
      'Stage',
      'Linked pain points',
      'Impact',
      'Effort',
      'Score',
      'Votes',
      'Owner',
      'Due date',
      'Status',
      'Quadrant',
    ]);
    expect(rows[1]).toEqual([
      '1',
      'Name the original creditor',
      'reminder',
      'Invoice is unclear; Thinks the claim is a mistake',
      '5',
      '2',
      '61,3',
      '2',
      'Lars',
      '2026-03-01',
      'In progress',
      'Quick win',
    ]);
    expect(rows.find((r) => r[1] === 'Thank-you SMS')?.slice(4, 6)).toEqual(['', '']);
    expect(rows.find((r) => r[1] === 'Thank-you SMS')?.[11]).toBe('');
    expect(rows).toHaveLength(6);
  });

  it('uses the board locale and its separator when none is given', () => {
    const board = { ...workshopBoard(), locale: 'sv' };
    const header = actionListCsv(board, { bom: false }).split('\r\n')[0];
    expect(header?.split(';')).toHaveLength(12);
    expect(actionListCsv(workshopBoard(), { bom: false }).split('\r\n')[0]?.split(',')).toHaveLength(12);
  });

  it('cuts the list at top N when asked', () => {
    const rows = parseCsv(actionListCsv(workshopBoard(), { separator: ',', topN: 2, bom: false }), ',');
    expect(rows.map((r) => r[0])).toEqual(['Rank', '1', '2']);
  });

  it('takes its header and status words from injected labels', () => {
    const labels: ExportLabels = {
      ...DEFAULT_EXPORT_LABELS,
      columns: { ...DEFAULT_EXPORT_LABELS.columns, text: 'Handling', owner: 'Ansvarlig' },
      status: { ...DEFAULT_EXPORT_LABELS.status, 'in-progress': 'I gang' },
    };
    const rows = parseCsv(actionListCsv(workshopBoard(), { separator: ';', bom: false, labels }), ';');
    expect(rows[0]?.[1]).toBe('Handling');
    expect(rows[0]?.[8]).toBe('Ansvarlig');
    expect(rows[1]?.[10]).toBe('I gang');
  });

  it('neutralises hostile action, owner and pain texts while keeping them readable', () => {
    const board = buildBoard({
      cards: [
        pain('p', 's_invoice', { text: '@SUM(1+1)*cmd|" /C calc\'!A0' }),
        idea('i', 's_invoice', {
          text: '=HYPERLINK("http://x","click")',
          owner: '+45 12 34 56 78',
          impact: 3,
          effort: 3,
        }),
      ],
      links: [link('i', 'p')],
    });
    const rows = parseCsv(actionListCsv(board, { separator: ',', bom: false }), ',');
    expect(rows[1]?.[1]).toBe('\'=HYPERLINK("http://x","click")');
    expect(rows[1]?.[3]).toBe("'@SUM(1+1)*cmd|\" /C calc'!A0");
    expect(rows[1]?.[8]).toBe("'+45 12 34 56 78");
  });
});

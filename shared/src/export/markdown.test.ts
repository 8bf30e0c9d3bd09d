import { describe, expect, it } from 'vitest';
import { buildBoard, idea, link, pain, touchpoint, workshopBoard } from '../../testing/board-fixtures.ts';
import { actionListMarkdown, boardMarkdown, escapeMarkdown } from './markdown.ts';

/** Cells of a GitHub table row: a pipe splits cells unless an odd number of backslashes precede it. */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let backslashes = 0;
  for (const ch of line) {
    if (ch === '|' && backslashes % 2 === 0) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  cells.push(cell.trim());
  return cells.slice(1, -1);
}

/** What a reader sees once the backslash escapes are resolved. */
const withoutEscapes = (text: string): string => text.replace(/\\(.)/g, '$1');

const tableLines = (markdown: string): string[] => markdown.split('\n').filter((l) => l.startsWith('|'));

const HOSTILE = 'Pay | now `rm -rf` *bold* _it_ [link](http://x) <script>alert(1)</script> & ~~gone~~';

describe('Markdown escaping', () => {
  it('escapes every character Markdown or HTML would read as syntax', () => {
    const escaped = escapeMarkdown(HOSTILE);
    expect(escaped).toBe(
      'Pay \\| now \\`rm -rf\\` \\*bold\\* \\_it\\_ \\[link\\](http://x) \\<script\\>alert(1)\\</script\\> \\& \\~\\~gone\\~\\~',
    );
    expect(withoutEscapes(escaped)).toBe(HOSTILE);
  });

  it('keeps a text from opening a heading, list, quote or numbered item', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('12. point')).toBe('12\\. point');
    expect(escapeMarkdown('3) point')).toBe('3\\) point');
    expect(escapeMarkdown('--- rule')).toBe('\\--- rule');
  });

  it('turns line breaks into <br> so a text stays on its line, defusing every line', () => {
    expect(escapeMarkdown('first\n# second\r\n- third\rfourth')).toBe('first<br>\\# second<br>\\- third<br>fourth');
  });

  it('escapes backslashes so an escape cannot be undone by the text', () => {
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b');
    expect(withoutEscapes(escapeMarkdown('a\\|b'))).toBe('a\\|b');
  });

  it('leaves ordinary words, æøåäö and numbers untouched', () => {
    expect(escapeMarkdown('Påmindelse før inkasso: 43 % betalte')).toBe('Påmindelse før inkasso: 43 % betalte');
  });
});

describe('action list Markdown', () => {
  it('shows the board title, a top-N table, a cut line and a table of the rest', () => {
    const md = actionListMarkdown(workshopBoard(), { topN: 3 });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Collection letters');
    expect(lines).toContain('### Top 3');
    expect(lines).toContain('---');
    expect(lines).toContain('### Below the line');
    expect(lines.indexOf('### Top 3')).toBeLessThan(lines.indexOf('---'));
    const rows = tableLines(md).filter((l) => !l.startsWith('| Rank') && !l.startsWith('| ---'));
    expect(rows.map((r) => cellsOf(r)[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(cellsOf(rows[0] as string)).toEqual([
      '1',
      'Name the original creditor',
      'reminder',
      'Invoice is unclear; Thinks the claim is a mistake',
      '5',
      '2',
      '52.7',
      '0',
      'Lars',
      'Mar 1, 2026',
      'In progress',
      'Quick win',
    ]);
  });

  it('has no cut line when every action fits in the top N', () => {
    const md = actionListMarkdown(workshopBoard());
    expect(md).toContain('### Top 5');
    expect(md).not.toContain('Below the line');
    expect(md.split('\n')).not.toContain('---');
  });

  it('says so when there are no actions', () => {
    expect(actionListMarkdown(buildBoard())).toContain('_No actions yet._');
  });

  it('keeps hostile text inside its own cell: every row has exactly the header’s cells', () => {
    const board = buildBoard({
      title: '<img src=x onerror=alert(1)>',
      cards: [
        pain('p', 's_invoice', { text: 'a | b\n| c |' }),
        idea('i', 's_invoice', { text: HOSTILE, owner: '`Lars` | <b>', impact: 3, effort: 3 }),
        idea('j', 's_invoice', { text: 'two\nlines | here', impact: 2, effort: 2 }),
      ],
      links: [link('i', 'p')],
    });
    const md = actionListMarkdown(board);
    expect(md).not.toMatch(/(?<!\\)<(?!br>)/);
    const lines = tableLines(md);
    for (const line of lines) expect(cellsOf(line)).toHaveLength(12);
    const row = cellsOf(lines.find((l) => l.includes('rm -rf')) as string);
    expect(withoutEscapes(row[1] as string)).toBe(HOSTILE);
    expect(withoutEscapes(row[3] as string)).toBe('a | b<br>| c |');
    expect(withoutEscapes(row[8] as string)).toBe('`Lars` | <b>');
    expect(md.split('\n')[0]).toBe('# \\<img src=x onerror=alert(1)\\>');
  });

  it('writes numbers and dates the board locale’s way', () => {
    const md = actionListMarkdown({ ...workshopBoard(), locale: 'da' });
    const first = cellsOf(tableLines(md)[2] as string);
    expect(first[6]).toBe('52,7');
    expect(withoutEscapes(first[9] as string)).toBe('1. mar. 2026');
  });
});

describe('board Markdown', () => {
  it('lists title, persona, then each stage’s touchpoints, pains and ideas in order', () => {
    const md = boardMarkdown(workshopBoard());
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Collection letters',
      '## invoice',
      '### Touchpoints',
      '### Pain points',
      '### Ideas',
      '## reminder',
      '### Touchpoints',
      '### Pain points',
      '### Ideas',
      '## collection',
      '### Touchpoints',
      '### Pain points',
      '### Ideas',
      '## paid',
      '### Ideas',
    ]);
    expect(md).toContain('**Persona:** Young customer — 18–25 — Forgot to pay');
    expect(md).toContain('- Reminder letter — Letter · Very negative (-2)');
    expect(md).toContain('- Thinks the claim is a mistake — severity 3');
    expect(md).toContain('- Fee feels unfair — severity 2');
    expect(md).toContain('- Name the original creditor — In progress · addresses: Invoice is unclear; Thinks the claim is a mistake');
  });

  it('marks a stage with nothing on it', () => {
    const md = boardMarkdown(buildBoard({ stages: ['s_empty'] }));
    expect(md).toContain('## empty\n\n_Nothing mapped yet._');
  });

  it('writes a generated date in the board locale when given one', () => {
    const md = boardMarkdown({ ...workshopBoard(), locale: 'da' }, { generatedAt: new Date('2026-03-05T10:00:00Z') });
    expect(md).toContain('_Generated 5. marts 2026_');
  });

  it('escapes hostile card text, thoughts and titles so they stay one list item', () => {
    const board = buildBoard({
      title: '# Not a second title',
      stages: ['s_x'],
      cards: [
        touchpoint('t', 's_x', -1, { text: '- nested\n## heading', thought: '*why* <em>me</em>?' }),
        pain('p', 's_x', { text: '> quoted [x](javascript:alert(1))' }),
      ],
    });
    const md = boardMarkdown(board);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# \\# Not a second title');
    expect(lines.filter((l) => l.startsWith('#'))).toHaveLength(4);
    expect(lines).toContain('- \\- nested<br>\\#\\# heading — Negative (-1) · “\\*why\\* \\<em\\>me\\</em\\>?”');
    expect(lines).toContain('- \\> quoted \\[x\\](javascript:alert(1)) — severity 2');
    expect(md).not.toMatch(/(?<!\\)<(?!br>)/);
  });
});

import { describe, expect, it } from 'vitest';
import { writeRoundResult } from '../facilitation/layout.ts';
import { setPrioritySettings } from '../prioritize/settings.ts';
import { LIMITS } from '../schema/limits.ts';
import { validateBoard } from '../schema/board.ts';
import { docOf, smallBoard } from '../../testing/fixtures.ts';
import { boardToDoc } from './write.ts';
import { copyTitle, readBoardFile } from './board-file.ts';

describe('a board file', () => {
  it('carries closed rounds and the ranking, and writing it back gives the same file', () => {
    const doc = docOf(smallBoard());
    writeRoundResult(
      doc,
      {
        id: 'r1',
        target: 'ideas',
        votesPerPerson: 3,
        allowMultiplePerCard: false,
        startedAt: 1,
        closedAt: 2,
        totals: { c_idea: 4 },
        voters: 2,
      },
      'test',
    );
    setPrioritySettings(doc, { rankBy: 'votes', topN: 5 }, 'test');
    const file = readBoardFile(doc, 'board1');
    expect(validateBoard(JSON.parse(JSON.stringify(file)))).toMatchObject({ ok: true });
    expect(file.outcomes).toEqual({
      rounds: [expect.objectContaining({ id: 'r1', totals: { c_idea: 4 } })],
      rankBy: 'votes',
      topN: 5,
    });
    expect(readBoardFile(boardToDoc(file), 'board1')).toEqual(file);
  });

  it('a copy says so in the board language, and a long title keeps the mark within the limit', () => {
    expect(copyTitle('Rykkere', 'da-DK')).toBe('Rykkere (kopi)');
    expect(copyTitle('Påminnelser', 'sv')).toBe('Påminnelser (kopia)');
    expect(copyTitle('Reminders', 'de')).toBe('Reminders (copy)');
    const long = copyTitle('x'.repeat(LIMITS.titleLength), 'en');
    expect(long.length).toBe(LIMITS.titleLength);
    expect(long.endsWith(' (copy)')).toBe(true);
  });
});

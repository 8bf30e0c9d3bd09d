import { describe, expect, it } from 'vitest';
import { validateBoard } from './board.ts';
import { smallBoard } from '../../testing/fixtures.ts';

describe('board schema', () => {
  it('accepts a well-formed board', () => {
    const result = validateBoard(smallBoard());
    expect(result.ok).toBe(true);
  });

  it('rejects an emotion outside −2…+2 and names the field', () => {
    const board = smallBoard();
    (board.cards[0] as { emotion: number }).emotion = 3;
    const result = validateBoard(board);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/^cards\[0\]\.emotion:/m);
  });

  it('rejects a card in a stage that does not exist', () => {
    const board = smallBoard();
    (board.cards[1] as { stageId: string }).stageId = 's_gone';
    const result = validateBoard(board);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain('cards[1].stageId: unknown stage "s_gone"');
  });

  it('rejects a link to a missing card and a self-link', () => {
    const board = smallBoard();
    board.links.push({ ...board.links[0]!, id: 'k_2' as never, to: 'c_missing' as never });
    board.links.push({ ...board.links[0]!, id: 'k_3' as never, to: board.links[0]!.from });
    const result = validateBoard(board);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('links[1].to: unknown card "c_missing"');
      expect(result.errors).toContain('links[2]: a card cannot link to itself');
    }
  });

  it('rejects duplicate ids, unknown card kinds and a board without stages', () => {
    const board = smallBoard();
    board.cards.push({ ...board.cards[0]! });
    (board.cards[1] as { kind: string }).kind = 'sticker';
    board.stages = [];
    const result = validateBoard(board);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const text = result.errors.join('\n');
      expect(text).toMatch(/stages: a board needs at least one stage/);
      expect(text).toMatch(/cards\[1\]\.kind:/);
    }
  });

  it('rejects text over the length limit and a non-object', () => {
    const board = smallBoard();
    board.cards[0]!.text = 'x'.repeat(2001);
    expect(validateBoard(board).ok).toBe(false);
    const notABoard = validateBoard('hello');
    expect(notABoard.ok).toBe(false);
  });

  it('rejects an impossible due date format and a currency it does not know', () => {
    const board = smallBoard();
    board.cards[2]!.dueDate = '31/12/2026';
    (board as { currency: string }).currency = 'XYZ';
    const result = validateBoard(board);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join('\n')).toMatch(/cards\[2\]\.dueDate: must be a date like 2026-12-31/);
      expect(result.errors.join('\n')).toMatch(/^currency:/m);
    }
  });
});

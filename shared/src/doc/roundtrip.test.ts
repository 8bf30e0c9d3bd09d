import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { docToBoard } from './read.ts';
import { boardToDoc } from './write.ts';
import { cardsMap, linksMap, stagesMap } from './layout.ts';
import { validateBoard } from '../schema/board.ts';
import { smallBoard } from '../../testing/fixtures.ts';

describe('Y.Doc ↔ Board', () => {
  it('a board written into a doc reads back identical', () => {
    const board = smallBoard();
    expect(docToBoard(boardToDoc(board), board.id)).toEqual(board);
  });

  it('survives encoding to an update and loading into a fresh doc', () => {
    const board = smallBoard();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(boardToDoc(board)));
    expect(docToBoard(copy, board.id)).toEqual(board);
  });

  it('reads a card whose stage was removed concurrently into the first stage instead of losing it', () => {
    const board = smallBoard();
    const doc = boardToDoc(board);
    stagesMap(doc).delete('s_reminder');
    const read = docToBoard(doc, board.id);
    expect(read.cards.map((c) => c.id).sort()).toEqual(['c_idea', 'c_letter', 'c_pain']);
    expect(read.cards.every((c) => c.stageId === 's_invoice')).toBe(true);
    expect(validateBoard(read).ok).toBe(true);
  });

  it('drops a link whose card is gone and ignores fields of the wrong type', () => {
    const board = smallBoard();
    const doc = boardToDoc(board);
    cardsMap(doc).delete('c_pain');
    cardsMap(doc).get('c_letter')!.set('emotion', 'angry');
    cardsMap(doc).get('c_letter')!.set('text', 42);
    const read = docToBoard(doc, board.id);
    expect(read.links).toEqual([]);
    const letter = read.cards.find((c) => c.id === 'c_letter')!;
    expect(letter.emotion).toBeUndefined();
    expect(letter.text).toBe('');
    expect(validateBoard(read).ok).toBe(true);
    expect(linksMap(doc).size).toBe(1);
  });
});

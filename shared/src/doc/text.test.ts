import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { CardId } from '../ids.ts';
import { LIMITS } from '../schema/limits.ts';
import { docOf, smallBoard } from '../../testing/fixtures.ts';
import { cardsMap, stagesMap } from './layout.ts';
import { BoardOpError, editCardText, renameStage, updateCard } from './ops.ts';
import { docToBoard } from './read.ts';
import { diffText } from './text.ts';

const LETTER = 'c_letter' as CardId;
const textOf = (doc: Y.Doc, id = LETTER) => docToBoard(doc, 'b').cards.find((c) => c.id === id)!.text;

function replicas(): [Y.Doc, Y.Doc] {
  const a = docOf(smallBoard());
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('collaborative text', () => {
  it('finds the one edit between two strings, at the caret when letters repeat, never splitting an emoji', () => {
    expect(diffText('Reminder', 'Reminder letter')).toEqual({ index: 8, remove: 0, insert: ' letter' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('call us', 'mail us')).toEqual({ index: 0, remove: 3, insert: 'mai' });
    expect(diffText('same', 'same')).toBeNull();
    // 😀 and 😁 share their high surrogate: the edit still replaces whole characters.
    expect(diffText('x😀', 'x😁')).toEqual({ index: 1, remove: 2, insert: '😁' });
  });

  it('two people saving the same card text at once both keep their words (no last writer wins)', () => {
    const [anders, mette] = replicas();
    const before = textOf(anders);
    updateCard(anders, LETTER, { text: `[A: via CRM] ${before}` });
    updateCard(mette, LETTER, { text: `${before} [M: by post]` });
    sync(anders, mette);
    expect(textOf(anders)).toBe(`[A: via CRM] ${before} [M: by post]`);
    expect(textOf(mette)).toBe(textOf(anders));
  });

  it('keystrokes from two people into one card merge, and stage titles merge too', () => {
    const [anders, mette] = replicas();
    const before = textOf(anders);
    editCardText(anders, LETTER, 'text', { index: 0, remove: 0, insert: 'A' });
    editCardText(mette, LETTER, 'text', { index: before.length, remove: 0, insert: 'M' });
    renameStage(anders, 's_paid' as never, 'Paid in full');
    renameStage(mette, 's_paid' as never, 'Paid!');
    sync(anders, mette);
    expect(textOf(mette)).toBe(`A${before}M`);
    expect(docToBoard(mette, 'b').stages.find((s) => s.id === 's_paid')!.title).toBe(
      docToBoard(anders, 'b').stages.find((s) => s.id === 's_paid')!.title,
    );
    expect(docToBoard(anders, 'b').stages.find((s) => s.id === 's_paid')!.title).toMatch(/^Paid/);
  });

  it('refuses an edit outside the text or past the length limit, and changes nothing then', () => {
    const [doc] = replicas();
    const length = textOf(doc).length;
    expect(() => editCardText(doc, LETTER, 'text', { index: length + 1, remove: 0, insert: 'x' })).toThrow(BoardOpError);
    expect(() => editCardText(doc, LETTER, 'text', { index: 0, remove: 0, insert: 'x'.repeat(LIMITS.cardTextLength) })).toThrow(
      /longer than/,
    );
    expect(textOf(doc).length).toBe(length);
    // A thought that did not exist yet is created by typing into it.
    editCardText(doc, LETTER, 'thought', { index: 0, remove: 0, insert: 'Is this a mistake?' });
    expect(docToBoard(doc, 'b').cards.find((c) => c.id === LETTER)!.thought).toBe('Is this a mistake?');
  });

  it('reads a plain string from an old or hostile client, and the next edit makes it a Y.Text', () => {
    const [doc] = replicas();
    cardsMap(doc).get(LETTER)!.set('text', 'plain words');
    stagesMap(doc).get('s_paid')!.set('title', 42);
    expect(textOf(doc)).toBe('plain words');
    expect(docToBoard(doc, 'b').stages.find((s) => s.id === 's_paid')!.title).toBe('');
    editCardText(doc, LETTER, 'text', { index: 5, remove: 0, insert: ',' });
    expect(cardsMap(doc).get(LETTER)!.get('text')).toBeInstanceOf(Y.Text);
    expect(textOf(doc)).toBe('plain, words');
  });

  it('text two people typed past the limit together is cut on reading, so the board stays valid', () => {
    const [anders, mette] = replicas();
    const half = 'x'.repeat(LIMITS.cardTextLength / 2 + 10);
    updateCard(anders, LETTER, { text: half });
    updateCard(mette, LETTER, { text: half });
    sync(anders, mette);
    expect((cardsMap(anders).get(LETTER)!.get('text') as Y.Text).length).toBeGreaterThan(LIMITS.cardTextLength);
    expect(textOf(anders).length).toBe(LIMITS.cardTextLength);
  });
});

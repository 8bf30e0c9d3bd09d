import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Currency } from '../schema/board.ts';
import { validateBoard } from '../schema/board.ts';
import { docOf, smallBoard, syncDocs } from '../../testing/fixtures.ts';
import { BoardOpError } from './ops.ts';
import { setBoardLocale } from './board-ops.ts';
import { LOCAL_ORIGIN } from './origins.ts';
import { docToBoard } from './read.ts';

describe('setBoardLocale', () => {
  it('sets the locale and the currency together, in one transaction, and the board stays valid', () => {
    const doc = docOf(smallBoard());
    let updates = 0;
    doc.on('update', () => (updates += 1));
    setBoardLocale(doc, 'sv', 'SEK');
    const board = docToBoard(doc, 'board1');
    expect(board.locale).toBe('sv');
    expect(board.currency).toBe('SEK');
    expect(updates).toBe(1);
    expect(validateBoard(board).ok).toBe(true);
  });

  it('stores the canonical form of a language tag', () => {
    const doc = docOf(smallBoard());
    setBoardLocale(doc, ' da-dk ', 'DKK');
    expect(docToBoard(doc, 'board1').locale).toBe('da-DK');
  });

  it('rejects a malformed tag or an unknown currency and leaves the board as it was', () => {
    const doc = docOf(smallBoard());
    const before = docToBoard(doc, 'board1');
    for (const [locale, currency] of [
      ['not a tag', 'DKK'],
      ['', 'DKK'],
      ['da', 'GBP'],
    ] as const) {
      let error: unknown;
      try {
        setBoardLocale(doc, locale, currency as Currency);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(BoardOpError);
      expect((error as BoardOpError).code).toBe('invalid');
    }
    expect(docToBoard(doc, 'board1')).toEqual(before);
  });

  it('reaches another replica and is one step for the local undo manager', () => {
    const a = docOf(smallBoard());
    const b = new Y.Doc();
    syncDocs(a, b);
    const undo = new Y.UndoManager(a.getMap('meta'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    setBoardLocale(a, 'da', 'DKK');
    undo.stopCapturing();
    setBoardLocale(a, 'sv', 'SEK');
    syncDocs(a, b);
    expect(docToBoard(b, 'board1')).toMatchObject({ locale: 'sv', currency: 'SEK' });
    undo.undo();
    expect(docToBoard(a, 'board1')).toMatchObject({ locale: 'da', currency: 'DKK' });
  });
});

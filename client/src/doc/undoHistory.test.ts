import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UndoHistory } from './undoHistory.ts';

const ME = 'me';

/** A document with a map of texts, its undo manager for ME's edits, and a writer. */
function place() {
  const doc = new Y.Doc();
  const map = doc.getMap<string>('cards');
  const manager = new Y.UndoManager(map, { trackedOrigins: new Set([ME]), captureTimeout: 0 });
  const write = (key: string, value: string) => doc.transact(() => map.set(key, value), ME);
  return { doc, map, manager, write, keys: () => [...map.keys()].sort().join(',') };
}

/** The board's document and the drafts', in one history. */
function boardAndDrafts() {
  const board = place();
  const drafts = place();
  const history = new UndoHistory(board.manager);
  const leave = history.add(drafts.manager);
  return { board, drafts, history, leave };
}

describe('UndoHistory over the board and the drafts', () => {
  it('undoes the newest step of either document, and redoes in the reverse order', () => {
    const { board, drafts, history } = boardAndDrafts();
    board.write('a1', 'x');
    drafts.write('d1', 'x');
    board.write('a2', 'x');
    expect(history.depth()).toBe(3);

    history.undo();
    expect([board.keys(), drafts.keys()]).toEqual(['a1', 'd1']);
    history.undo();
    expect([board.keys(), drafts.keys()]).toEqual(['a1', '']);
    history.undo();
    expect([board.keys(), drafts.keys()]).toEqual(['', '']);
    expect(history.state.get()).toEqual({ canUndo: false, canRedo: true });

    history.redo();
    expect([board.keys(), drafts.keys()]).toEqual(['a1', '']);
    history.redo();
    expect([board.keys(), drafts.keys()]).toEqual(['a1', 'd1']);
    history.redo();
    expect([board.keys(), drafts.keys()]).toEqual(['a1,a2', 'd1']);
    expect(history.state.get()).toEqual({ canUndo: true, canRedo: false });
  });

  it('a new edit in one document ends the redo of both', () => {
    const { board, drafts, history } = boardAndDrafts();
    board.write('a1', 'x');
    drafts.write('d1', 'x');
    history.undo();
    history.undo();
    expect(history.state.get().canRedo).toBe(true);
    drafts.write('d2', 'x');
    expect(board.manager.canRedo()).toBe(false);
    expect(history.state.get()).toEqual({ canUndo: true, canRedo: false });
    history.redo();
    expect([board.keys(), drafts.keys()]).toEqual(['', 'd2']);
  });

  it('a step whose change is gone from elsewhere gives way to the next one', () => {
    const { board, drafts, history } = boardAndDrafts();
    board.write('a1', 'x');
    drafts.write('d1', 'x');
    // Someone else removes d1 (as a reveal empties the drafts): undoing its insertion changes nothing.
    drafts.doc.transact(() => drafts.map.delete('d1'), 'someone else');
    history.undo();
    expect(board.keys()).toBe('');
  });

  it('a document taken out of the history takes its steps with it', () => {
    const { drafts, history, leave } = boardAndDrafts();
    drafts.write('d1', 'x');
    expect(history.state.get().canUndo).toBe(true);
    leave();
    expect(history.state.get().canUndo).toBe(false);
    expect(history.depth()).toBe(0);
    history.undo();
    expect(drafts.keys()).toBe('d1');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findTemplate } from '../../../templates/src/index.ts';
import { boardToDoc } from '../doc/write.ts';
import { docToBoard } from '../doc/read.ts';
import { cardsMap } from '../doc/layout.ts';
import { diffBoards, isEmptyDiff } from './diff.ts';
import { restoreBoardDoc, restoreCardDoc } from './restore.ts';

const fork = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('restoring a version', () => {
  const board = findTemplate('collection-letters')!.board;

  it('turns the live document into the snapshot’s content, writing only what differs, and keeps comments', () => {
    const live = boardToDoc(board);
    const snapshot = fork(live);
    const [first, second] = [...cardsMap(live).keys()];
    live.transact(() => {
      cardsMap(live).get(first!)!.set('text', 'changed');
      cardsMap(live).delete(second!);
      live.getMap('comments').set('p'.repeat(16) + '.x', new Y.Map());
      // A field held as shared text (how collaborative card text is stored).
      const text = new Y.Text('live words');
      cardsMap(live).get(first!)!.set('thought', text);
    });
    const writes = restoreBoardDoc(live, snapshot, 'restore');
    expect(writes).toBeGreaterThan(0);
    expect(isEmptyDiff(diffBoards(docToBoard(snapshot, 'b'), docToBoard(live, 'b')))).toBe(true);
    expect(live.getMap('comments').size).toBe(1);
    expect(restoreBoardDoc(live, snapshot, 'restore')).toBe(0);
  });

  it('merges with an edit made at the same time on another replica', () => {
    const live = boardToDoc(board);
    const snapshot = fork(live);
    const id = [...cardsMap(live).keys()][0]!;
    cardsMap(live).get(id)!.set('text', 'edited before the restore');
    const other = fork(live);
    restoreBoardDoc(live, snapshot, 'restore');
    // Concurrently, another replica adds a card the restore never saw.
    const fresh = new Y.Map<unknown>();
    other.transact(() => {
      fresh.set('kind', 'note');
      fresh.set('text', 'added meanwhile');
      fresh.set('cell', cardsMap(other).get(id)!.get('cell'));
      cardsMap(other).set('c_meanwhile01', fresh);
    });
    Y.applyUpdate(live, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live));
    expect(docToBoard(live, 'b')).toEqual(docToBoard(other, 'b'));
    // Texts are Y.Text since collaborative text: compare their content.
    expect(String(cardsMap(live).get(id)!.get('text'))).toBe(String(cardsMap(snapshot).get(id)!.get('text')));
    expect(cardsMap(live).has('c_meanwhile01')).toBe(true);
  });

  it('brings back one deleted card with its links, leaving the rest as it is now', () => {
    const live = boardToDoc(board);
    const snapshot = fork(live);
    const linked = [...live.getMap<{ from: string; to: string }>('links').values()][0]!;
    const others = [...cardsMap(live).keys()].filter((id) => id !== linked.from);
    live.transact(() => {
      cardsMap(live).delete(linked.from);
      live.getMap('links').forEach((link, key) => {
        const value = link as { from: string; to: string };
        if (value.from === linked.from || value.to === linked.from) live.getMap('links').delete(key);
      });
      cardsMap(live).get(others[0]!)!.set('text', 'kept as it is now');
    });
    expect(restoreCardDoc(live, snapshot, linked.from, 'restore')).toBe(true);
    const now = docToBoard(live, 'b');
    expect(now.cards.some((c) => c.id === linked.from)).toBe(true);
    expect(now.links.some((l) => l.from === linked.from && l.to === linked.to)).toBe(true);
    expect(now.cards.find((c) => c.id === others[0])?.text).toBe('kept as it is now');
    expect(restoreCardDoc(live, snapshot, 'c_not_there', 'restore')).toBe(false);
  });
});

import { expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EMPTY_STATE,
  STORE_IMPLEMENTATIONS,
  describeContract,
  storeEachTest,
  boardMeta as meta,
  replay,
  updateSetting,
} from './contract-fixtures.ts';

for (const impl of STORE_IMPLEMENTATIONS) {
  describeContract(impl, 'DocumentLog', () => {
    const { store, reopen } = storeEachTest(impl);

    it('a created board exists, has its metadata and loads its initial state as the snapshot', () => {
      const doc = new Y.Doc();
      doc.getMap('m').set('a', '1');
      store().documents.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      expect(store().documents.exists('b1')).toBe(true);
      expect(store().documents.meta('b1')).toEqual(meta('b1'));
      const state = store().documents.load('b1');
      expect(state?.updates).toEqual([]);
      expect(replay(state!)).toEqual({ a: '1' });
    });

    it('an unknown board does not exist and loads as undefined', () => {
      expect(store().documents.exists('nope')).toBe(false);
      expect(store().documents.meta('nope')).toBeUndefined();
      expect(store().documents.load('nope')).toBeUndefined();
      expect(store().documents.stats('nope')).toBeUndefined();
    });

    it('creating a board twice is refused and keeps the first one', () => {
      store().documents.create(meta('b1'), EMPTY_STATE);
      expect(() => store().documents.create({ ...meta('b1'), title: 'other' }, EMPTY_STATE)).toThrow(/already exists/);
      expect(store().documents.meta('b1')?.title).toBe('Board b1');
    });

    it('appended updates load in order after the snapshot, with increasing sequence numbers', () => {
      const doc = new Y.Doc();
      store().documents.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      const seqs = ['x', 'y', 'z'].map((v) => store().documents.append('b1', updateSetting(doc, 'k', v)));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      const state = store().documents.load('b1')!;
      expect(state.updates).toHaveLength(3);
      expect(state.lastSeq).toBe(seqs[2]);
      expect(replay(state)).toEqual({ k: 'z' });
    });

    it('a batch stores the appends of several boards together, or none of them when it throws', () => {
      const a = new Y.Doc();
      const b = new Y.Doc();
      store().documents.create(meta('a'), Y.encodeStateAsUpdate(a));
      store().documents.create(meta('b'), Y.encodeStateAsUpdate(b));
      const seqs = store().documents.batch(() => [
        store().documents.append('a', updateSetting(a, 'k', '1')),
        store().documents.append('b', updateSetting(b, 'k', '1')),
        store().documents.append('a', updateSetting(a, 'k', '2')),
      ]);
      expect(seqs[0]! < seqs[2]!).toBe(true);
      expect(replay(store().documents.load('a')!)).toEqual({ k: '2' });
      expect(replay(store().documents.load('b')!)).toEqual({ k: '1' });
      // A failing append (unknown board) inside a batch takes the batch's other appends with it.
      expect(() =>
        store().documents.batch(() => {
          store().documents.append('a', updateSetting(a, 'k', '3'));
          store().documents.append('nope', EMPTY_STATE);
        }),
      ).toThrow(/unknown board/);
      expect(store().documents.load('a')!.updates).toHaveLength(2);
      expect(replay(store().documents.load('a')!)).toEqual({ k: '2' });
      // And the store goes on: the next batch is stored.
      store().documents.batch(() => store().documents.append('b', updateSetting(b, 'k', '4')));
      expect(replay(store().documents.load('b')!)).toEqual({ k: '4' });
    });

    it('appendMany stores updates of several boards in their order and returns their seqs in that order', () => {
      const a = new Y.Doc();
      const b = new Y.Doc();
      store().documents.create(meta('a'), Y.encodeStateAsUpdate(a));
      store().documents.create(meta('b'), Y.encodeStateAsUpdate(b));
      const before = store().documents.append('a', updateSetting(a, 'k', '0'));
      const entries = [
        { boardId: 'a', update: updateSetting(a, 'k', '1') },
        { boardId: 'b', update: updateSetting(b, 'k', '1') },
        { boardId: 'a', update: updateSetting(a, 'k', '2') },
        { boardId: 'b', update: updateSetting(b, 'k', '2') },
        { boardId: 'a', update: updateSetting(a, 'k', '3') },
      ];
      const seqs = store().documents.batch(() => store().documents.appendMany(entries));
      expect(seqs).toHaveLength(5);
      const ofA = [before, seqs[0]!, seqs[2]!, seqs[4]!];
      const ofB = [seqs[1]!, seqs[3]!];
      expect([...ofA].sort((x, y) => x - y)).toEqual(ofA);
      expect(new Set(ofA).size).toBe(4);
      expect(ofB[0]! < ofB[1]!).toBe(true);
      const stateA = store().documents.load('a')!;
      expect(stateA.updates).toHaveLength(4);
      expect(stateA.lastSeq).toBe(seqs[4]);
      expect(replay(stateA)).toEqual({ k: '3' });
      expect(store().documents.load('b')!.lastSeq).toBe(seqs[3]);
      expect(replay(store().documents.load('b')!)).toEqual({ k: '2' });
      // The seqs are the log's own: a peer catching up after one of them gets exactly the later ones.
      expect(store().documents.tail('a', seqs[2]!)!.updates).toHaveLength(1);
      expect(store().documents.batch(() => store().documents.appendMany([]))).toEqual([]);
    });

    it('appendMany naming an unknown board throws, and its batch keeps nothing', () => {
      const a = new Y.Doc();
      store().documents.create(meta('a'), Y.encodeStateAsUpdate(a));
      expect(() =>
        store().documents.batch(() =>
          store().documents.appendMany([
            { boardId: 'a', update: updateSetting(a, 'k', '1') },
            { boardId: 'nope', update: EMPTY_STATE },
          ]),
        ),
      ).toThrow(/unknown board/);
      expect(store().documents.load('a')!.updates).toHaveLength(0);
      expect(
        store().documents.batch(() => store().documents.appendMany([{ boardId: 'a', update: updateSetting(new Y.Doc(), 'k', '2') }])),
      ).toHaveLength(1);
      expect(replay(store().documents.load('a')!)).toEqual({ k: '2' });
    });

    it('appending to an unknown board throws', () => {
      expect(() => store().documents.append('nope', EMPTY_STATE)).toThrow(/unknown board/);
    });

    it('updates of one board never appear in another', () => {
      const a = new Y.Doc();
      const b = new Y.Doc();
      store().documents.create(meta('a'), Y.encodeStateAsUpdate(a));
      store().documents.create(meta('b'), Y.encodeStateAsUpdate(b));
      store().documents.append('a', updateSetting(a, 'who', 'a'));
      store().documents.append('b', updateSetting(b, 'who', 'b'));
      expect(replay(store().documents.load('a')!)).toEqual({ who: 'a' });
      expect(replay(store().documents.load('b')!)).toEqual({ who: 'b' });
    });

    it('compaction replaces the snapshot and deletes only the updates it folded in', () => {
      const doc = new Y.Doc();
      store().documents.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      store().documents.append('b1', updateSetting(doc, 'a', '1'));
      const through = store().documents.append('b1', updateSetting(doc, 'b', '2'));
      const snapshot = Y.encodeStateAsUpdate(doc);
      // An update that arrives after the snapshot was taken stays in the log.
      store().documents.append('b1', updateSetting(doc, 'c', '3'));
      store().documents.compact('b1', snapshot, through);
      const state = store().documents.load('b1')!;
      expect(state.updates).toHaveLength(1);
      expect(replay(state)).toEqual({ a: '1', b: '2', c: '3' });
      expect(store().documents.stats('b1')).toMatchObject({ updateRows: 1, snapshotBytes: snapshot.byteLength });
    });

    it('the tail after a seq brings a document holding the state through that seq up to date, also after compaction', () => {
      const doc = new Y.Doc();
      store().documents.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      const first = store().documents.append('b1', updateSetting(doc, 'a', '1'));
      const upToFirst = store().documents.load('b1')!;
      store().documents.append('b1', updateSetting(doc, 'b', '2'));
      const through = store().documents.append('b1', updateSetting(doc, 'c', '3'));
      const catchUp = (tail: { snapshot?: Uint8Array; updates: Uint8Array[] }) =>
        replay({
          snapshot: upToFirst.snapshot,
          updates: [...upToFirst.updates, ...(tail.snapshot ? [tail.snapshot] : []), ...tail.updates],
        });
      const tail = store().documents.tail('b1', first)!;
      expect(tail.lastSeq).toBe(through);
      expect(catchUp(tail)).toEqual({ a: '1', b: '2', c: '3' });
      expect(store().documents.tail('b1', through)?.lastSeq).toBe(through);
      // Folded into the snapshot: the tail still brings everything.
      store().documents.compact('b1', Y.encodeStateAsUpdate(doc), through);
      const afterCompaction = store().documents.tail('b1', first)!;
      expect(catchUp(afterCompaction)).toEqual({ a: '1', b: '2', c: '3' });
      expect(store().documents.tail('nope', 0)).toBeUndefined();
    });

    it('compacting an unknown board throws', () => {
      expect(() => store().documents.compact('nope', EMPTY_STATE, 1)).toThrow(/unknown board/);
    });

    it('stats count the update rows and their bytes', () => {
      const doc = new Y.Doc();
      store().documents.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      const u1 = updateSetting(doc, 'a', '1');
      const u2 = updateSetting(doc, 'b', '2');
      store().documents.append('b1', u1);
      store().documents.append('b1', u2);
      expect(store().documents.stats('b1')).toMatchObject({ updateRows: 2, updateBytes: u1.byteLength + u2.byteLength });
    });

    it('touch changes the title and updatedAt, and the list is ordered by most recent update', () => {
      store().documents.create(meta('old', 1_000), EMPTY_STATE);
      store().documents.create(meta('new', 2_000), EMPTY_STATE);
      expect(
        store()
          .documents.list()
          .map((b) => b.id),
      ).toEqual(['new', 'old']);
      store().documents.touch('old', { title: 'Renamed', updatedAt: 3_000 });
      expect(store().documents.list()).toEqual([
        { id: 'old', title: 'Renamed', createdAt: 1_000, updatedAt: 3_000 },
        { id: 'new', title: 'Board new', createdAt: 2_000, updatedAt: 2_000 },
      ]);
    });

    it('touching an unknown board throws', () => {
      expect(() => store().documents.touch('nope', { updatedAt: 1 })).toThrow(/unknown board/);
    });

    it('stored bytes are not aliased by the caller', () => {
      const initial = new Uint8Array([0, 0]);
      store().documents.create(meta('b1'), initial);
      initial[0] = 9;
      const update = new Uint8Array([0, 0]);
      store().documents.append('b1', update);
      update[1] = 9;
      const state = store().documents.load('b1')!;
      expect([...state.snapshot]).toEqual([0, 0]);
      expect([...state.updates[0]!]).toEqual([0, 0]);
    });

    if (impl.persistent) {
      it('boards, their log and their metadata are there after reopening the store', () => {
        const doc = new Y.Doc();
        store().documents.create(meta('b1'), Y.encodeStateAsUpdate(doc));
        store().documents.append('b1', updateSetting(doc, 'a', '1'));
        store().documents.touch('b1', { title: 'Kept', updatedAt: 5_000 });
        reopen();
        expect(store().documents.meta('b1')).toEqual({ id: 'b1', title: 'Kept', createdAt: 1_000, updatedAt: 5_000 });
        expect(replay(store().documents.load('b1')!)).toEqual({ a: '1' });
      });
    }
  });
}

import { expect, it } from 'vitest';
import { STORE_IMPLEMENTATIONS, describeContract, storeEachTest } from './contract-fixtures.ts';

for (const impl of STORE_IMPLEMENTATIONS) {
  describeContract(impl, 'DraftStore', () => {
    const { store, reopen } = storeEachTest(impl, ['b1', 'b2']);

    it('private drafts are kept per participant, replaced whole and deleted', () => {
      expect(store().drafts.load('b1', 'p1')).toBeUndefined();
      store().drafts.save('b1', 'p1', new Uint8Array([1]), 1);
      store().drafts.save('b1', 'p1', new Uint8Array([2, 2]), 2);
      store().drafts.save('b1', 'p2', new Uint8Array([3]), 2);
      expect(store().drafts.load('b1', 'p1')).toEqual(new Uint8Array([2, 2]));
      expect(store().drafts.list('b1')).toEqual([
        { participantId: 'p1', state: new Uint8Array([2, 2]) },
        { participantId: 'p2', state: new Uint8Array([3]) },
      ]);
      store().drafts.delete('b1', 'p1');
      expect(
        store()
          .drafts.list('b1')
          .map((d) => d.participantId),
      ).toEqual(['p2']);
      expect(store().drafts.load('b1', 'p1')).toBeUndefined();
    });

    it('drafts belong to their board, and an unknown board cannot hold any', () => {
      store().drafts.save('b1', 'p1', new Uint8Array([1]), 1);
      expect(store().drafts.load('b2', 'p1')).toBeUndefined();
      expect(store().drafts.list('b2')).toEqual([]);
      expect(() => store().drafts.save('nope', 'p1', new Uint8Array([1]), 1)).toThrow(/unknown board/);
      expect(() => store().drafts.delete('b2', 'p1')).not.toThrow();
      expect(store().drafts.load('b1', 'p1')).toEqual(new Uint8Array([1]));
    });

    it('a stored draft is not aliased by the caller', () => {
      const state = new Uint8Array([4, 4]);
      store().drafts.save('b1', 'p1', state, 1);
      state[0] = 9;
      expect(store().drafts.load('b1', 'p1')).toEqual(new Uint8Array([4, 4]));
    });

    if (impl.persistent) {
      it('drafts are there after reopening the store', () => {
        store().drafts.save('b1', 'p1', new Uint8Array([5]), 1);
        reopen();
        expect(store().drafts.load('b1', 'p1')).toEqual(new Uint8Array([5]));
      });
    }
  });
}

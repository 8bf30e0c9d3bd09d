import { expect, it } from 'vitest';
import { STORE_IMPLEMENTATIONS, describeContract, storeEachTest } from './contract-fixtures.ts';

for (const impl of STORE_IMPLEMENTATIONS) {
  describeContract(impl, 'LinkStore', () => {
    const { store, reopen } = storeEachTest(impl, ['b1', 'b2']);

    it('a board keeps one token hash per role, and setting it again replaces it', () => {
      expect(store().links.tokens('b1')).toEqual([]);
      store().links.setToken('b1', 'editor', new Uint8Array([1, 2, 3]), 10);
      store().links.setToken('b1', 'viewer', new Uint8Array([4]), 10);
      store().links.setToken('b1', 'editor', new Uint8Array([9, 9]), 20);
      expect(store().links.tokens('b1')).toEqual([
        { role: 'editor', tokenHash: new Uint8Array([9, 9]), createdAt: 20 },
        { role: 'viewer', tokenHash: new Uint8Array([4]), createdAt: 10 },
      ]);
      expect(store().links.tokens('b2')).toEqual([]);
    });

    it('a link may carry its token sealed for the facilitator; setting the link again replaces or drops the seal', () => {
      store().links.setToken('b1', 'editor', new Uint8Array([1]), 10, new Uint8Array([0xaa, 0xbb]));
      store().links.setToken('b1', 'viewer', new Uint8Array([2]), 10);
      expect(store().links.tokens('b1')).toEqual([
        { role: 'editor', tokenHash: new Uint8Array([1]), createdAt: 10, sealed: new Uint8Array([0xaa, 0xbb]) },
        { role: 'viewer', tokenHash: new Uint8Array([2]), createdAt: 10 },
      ]);
      store().links.setToken('b1', 'viewer', new Uint8Array([3]), 20, new Uint8Array([0xcc]));
      // A new link made with the admin token has no seal: the old seal must not outlive its link.
      store().links.setToken('b1', 'editor', new Uint8Array([4]), 20, null);
      expect(store().links.tokens('b1')).toEqual([
        { role: 'editor', tokenHash: new Uint8Array([4]), createdAt: 20 },
        { role: 'viewer', tokenHash: new Uint8Array([3]), createdAt: 20, sealed: new Uint8Array([0xcc]) },
      ]);
    });

    it('an unknown board has no links and cannot get one', () => {
      expect(store().links.tokens('nope')).toEqual([]);
      expect(() => store().links.setToken('nope', 'editor', new Uint8Array([1]), 1)).toThrow(/unknown board/);
    });

    it('a participant id is bound once per board to its secret hash', () => {
      expect(store().links.participantSecretHash('b1', 'p1')).toBeUndefined();
      store().links.addParticipant('b1', 'p1', new Uint8Array([7, 7]), 1);
      expect(store().links.participantSecretHash('b1', 'p1')).toEqual(new Uint8Array([7, 7]));
      expect(() => store().links.addParticipant('b1', 'p1', new Uint8Array([8]), 2)).toThrow();
      expect(store().links.participantSecretHash('b1', 'p1')).toEqual(new Uint8Array([7, 7]));
      expect(store().links.participantSecretHash('b2', 'p1')).toBeUndefined();
      expect(() => store().links.addParticipant('nope', 'p1', new Uint8Array([8]), 2)).toThrow(/unknown board/);
    });

    it('stored hashes are not aliased by the caller', () => {
      const hash = new Uint8Array([1, 1]);
      store().links.setToken('b1', 'viewer', hash, 1);
      store().links.addParticipant('b1', 'p1', hash, 1);
      const sealed = new Uint8Array([3, 3]);
      store().links.setToken('b1', 'editor', new Uint8Array([2]), 1, sealed);
      hash[0] = 9;
      sealed[0] = 9;
      store().links.tokens('b1')[1]!.tokenHash[0] = 9;
      store().links.tokens('b1')[0]!.sealed![1] = 9;
      expect(store().links.tokens('b1')[1]?.tokenHash).toEqual(new Uint8Array([1, 1]));
      expect(store().links.tokens('b1')[0]?.sealed).toEqual(new Uint8Array([3, 3]));
      expect(store().links.participantSecretHash('b1', 'p1')).toEqual(new Uint8Array([1, 1]));
    });

    if (impl.persistent) {
      it('links and participants are there after reopening the store', () => {
        store().links.setToken('b1', 'viewer', new Uint8Array([5]), 1);
        store().links.setToken('b1', 'editor', new Uint8Array([7]), 1, new Uint8Array([8, 8]));
        store().links.addParticipant('b1', 'p1', new Uint8Array([6]), 1);
        reopen();
        expect(store().links.tokens('b1')).toEqual([
          { role: 'editor', tokenHash: new Uint8Array([7]), createdAt: 1, sealed: new Uint8Array([8, 8]) },
          { role: 'viewer', tokenHash: new Uint8Array([5]), createdAt: 1 },
        ]);
        expect(store().links.participantSecretHash('b1', 'p1')).toEqual(new Uint8Array([6]));
      });
    }
  });
}

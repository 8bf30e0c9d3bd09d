import { expect, it } from 'vitest';
import { STORE_IMPLEMENTATIONS, describeContract, storeEachTest } from './contract-fixtures.ts';
import type { StoredVoteRound } from './votes.ts';

const round: StoredVoteRound = {
  id: 'r1',
  target: 'ideas',
  votesPerPerson: 3,
  allowMultiplePerCard: true,
  startedAt: 100,
  closedAt: null,
};

for (const impl of STORE_IMPLEMENTATIONS) {
  describeContract(impl, 'VoteStore', () => {
    const { store, reopen } = storeEachTest(impl, ['b1', 'b2']);

    it('a round opens once, closes, and the next one is listed after it', () => {
      store().votes.createRound('b1', round);
      expect(() => store().votes.createRound('b1', round)).toThrow();
      expect(store().votes.openRound('b1')).toEqual(round);
      store().votes.closeRound('b1', 'r1', 200);
      expect(store().votes.openRound('b1')).toBeUndefined();
      expect(store().votes.round('b1', 'r1')).toEqual({ ...round, closedAt: 200 });
      store().votes.createRound('b1', { ...round, id: 'r2', startedAt: 300 });
      expect(
        store()
          .votes.rounds('b1')
          .map((r) => r.id),
      ).toEqual(['r1', 'r2']);
      expect(store().votes.openRound('b1')?.id).toBe('r2');
    });

    it('rounds belong to their board', () => {
      store().votes.createRound('b1', round);
      expect(store().votes.round('b2', 'r1')).toBeUndefined();
      expect(store().votes.rounds('b2')).toEqual([]);
      expect(store().votes.openRound('b2')).toBeUndefined();
    });

    it('votes are kept per participant and card, and a count of 0 removes one', () => {
      store().votes.createRound('b1', round);
      store().votes.setVote('b1', 'r1', 'p1', 'c_a', 2);
      store().votes.setVote('b1', 'r1', 'p1', 'c_b', 1);
      store().votes.setVote('b1', 'r1', 'p2', 'c_a', 1);
      store().votes.setVote('b1', 'r1', 'p1', 'c_b', 0);
      expect(store().votes.participantVotes('b1', 'r1', 'p1')).toEqual(new Map([['c_a', 2]]));
      expect(store().votes.participantVotes('b1', 'r1', 'p3')).toEqual(new Map());
      expect(store().votes.roundVotes('b1', 'r1')).toEqual([
        { participantId: 'p1', cardId: 'c_a', count: 2 },
        { participantId: 'p2', cardId: 'c_a', count: 1 },
      ]);
    });

    it('an unknown board or round is refused', () => {
      expect(() => store().votes.createRound('nope', round)).toThrow(/unknown board/);
      expect(() => store().votes.closeRound('b1', 'nope', 1)).toThrow();
      expect(() => store().votes.setVote('b1', 'nope', 'p1', 'c_a', 1)).toThrow();
      expect(store().votes.roundVotes('b1', 'nope')).toEqual([]);
    });

    if (impl.persistent) {
      it('rounds and votes are there after reopening the store', () => {
        store().votes.createRound('b1', { ...round, allowMultiplePerCard: false });
        store().votes.setVote('b1', 'r1', 'p1', 'c_a', 1);
        reopen();
        expect(store().votes.round('b1', 'r1')).toEqual({ ...round, allowMultiplePerCard: false });
        expect(store().votes.participantVotes('b1', 'r1', 'p1')).toEqual(new Map([['c_a', 1]]));
      });
    }
  });
}

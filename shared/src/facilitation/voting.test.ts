import { describe, expect, it } from 'vitest';
import { checkVote, parseVoteRoundSettings, tallyVotes, voteTargetKind, votesUsed, type VoteRoundSettings } from './voting.ts';

const three: VoteRoundSettings = { target: 'ideas', votesPerPerson: 3, allowMultiplePerCard: false };
const stacked: VoteRoundSettings = { ...three, allowMultiplePerCard: true };

describe('vote limits', () => {
  it('a participant may cast up to N votes and no more', () => {
    const mine = new Map<string, number>();
    for (const card of ['a', 'b', 'c']) {
      const check = checkVote(three, mine, card, 1);
      expect(check).toEqual({ ok: true, count: 1 });
      mine.set(card, 1);
    }
    expect(votesUsed(mine)).toBe(3);
    expect(checkVote(three, mine, 'd', 1)).toEqual({ ok: false, reason: 'no-votes-left' });
  });

  it('one vote per card unless the round allows stacking', () => {
    const mine = new Map([['a', 1]]);
    expect(checkVote(three, mine, 'a', 1)).toEqual({ ok: false, reason: 'one-per-card' });
    expect(checkVote(stacked, mine, 'a', 1)).toEqual({ ok: true, count: 2 });
    expect(checkVote(stacked, new Map([['a', 3]]), 'a', 1)).toEqual({ ok: false, reason: 'no-votes-left' });
  });

  it('a vote can be taken back only from a card that has one, which frees it again', () => {
    expect(checkVote(three, new Map(), 'a', -1)).toEqual({ ok: false, reason: 'nothing-to-retract' });
    const full = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    expect(checkVote(three, full, 'b', -1)).toEqual({ ok: true, count: 0 });
    full.set('b', 0);
    expect(checkVote(three, full, 'd', 1)).toEqual({ ok: true, count: 1 });
  });

  it('round settings default to 3 votes, one per card, and refuse nonsense', () => {
    expect(parseVoteRoundSettings({ target: 'pains' })).toEqual({
      ok: true,
      value: { target: 'pains', votesPerPerson: 3, allowMultiplePerCard: false },
    });
    expect(parseVoteRoundSettings({ target: 'ideas', votesPerPerson: 5, allowMultiplePerCard: true })).toMatchObject({
      ok: true,
      value: { votesPerPerson: 5, allowMultiplePerCard: true },
    });
    for (const bad of [
      null,
      [],
      {},
      { target: 'touchpoints' },
      { target: 'ideas', votesPerPerson: 0 },
      { target: 'ideas', votesPerPerson: 2.5 },
      { target: 'ideas', votesPerPerson: 51 },
      { target: 'ideas', allowMultiplePerCard: 'yes' },
    ]) {
      expect(parseVoteRoundSettings(bad).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('totals add every participant’s votes and count the people who voted', () => {
    expect(
      tallyVotes([
        { participantId: 'p1', cardId: 'a', count: 2 },
        { participantId: 'p2', cardId: 'a', count: 1 },
        { participantId: 'p2', cardId: 'b', count: 1 },
        { participantId: 'p3', cardId: 'b', count: 0 },
      ]),
    ).toEqual({ totals: { a: 3, b: 1 }, voters: 2 });
  });

  it('a round on ideas votes on idea cards and a round on pains on pain points', () => {
    expect(voteTargetKind('ideas')).toBe('idea');
    expect(voteTargetKind('pains')).toBe('pain');
  });
});

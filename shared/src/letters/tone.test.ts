import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { facilitationMap } from '../facilitation/layout.ts';
import { canHoldToneRound, tallyTone, toneOrder } from './tone.ts';
import { readOpenToneRound, readToneRounds, readToneState, writeOpenToneRound, writeToneResult } from './tone-layout.ts';

describe('the blind tone round', () => {
  it('shows each participant the variants in an order of their own, the same on every reload', () => {
    const firsts = new Map<string, number>();
    for (let p = 0; p < 400; p++) {
      const order = toneOrder('t_round1', `p_${p}`);
      expect(order).toEqual(toneOrder('t_round1', `p_${p}`));
      expect([...order].sort()).toEqual(['a', 'b']);
      firsts.set(order[0]!, (firsts.get(order[0]!) ?? 0) + 1);
    }
    // Neither variant is "Letter 1" for (nearly) everyone: the shuffle is about even.
    expect(firsts.get('a')).toBeGreaterThan(150);
    expect(firsts.get('b')).toBeGreaterThan(150);
  });

  it('gives one participant different orders in different rounds', () => {
    const orders = new Set(Array.from({ length: 40 }, (_, i) => toneOrder(`t_round${i}`, 'p_same').join('')));
    expect(orders.size).toBe(2);
  });

  it('holds a round only on a letter, SMS or e-mail touchpoint with both variants written', () => {
    const letter = {
      kind: 'touchpoint' as const,
      channel: 'letter' as const,
      message: { a: 'Pay now.', b: 'You can pay by …' },
    };
    expect(canHoldToneRound(letter)).toBe(true);
    expect(canHoldToneRound({ ...letter, message: { a: 'Pay now.', b: '  ' } })).toBe(false);
    expect(canHoldToneRound({ ...letter, channel: 'phone' })).toBe(false);
    expect(canHoldToneRound({ ...letter, kind: 'pain' })).toBe(false);
  });

  it('tallies ratings per variant: count, mean and how many of each rating', () => {
    const { variants, raters } = tallyTone([
      { participantId: 'p1', variant: 'a', rating: 1 },
      { participantId: 'p1', variant: 'b', rating: 5 },
      { participantId: 'p2', variant: 'a', rating: 2 },
      { participantId: 'p3', variant: 'b', rating: 4 },
      { participantId: 'p4', variant: 'c', rating: 3 },
      { participantId: 'p4', variant: 'a', rating: 9 },
    ]);
    expect(raters).toBe(3);
    expect(variants.a).toEqual({ ratings: 2, mean: 1.5, counts: [1, 1, 0, 0, 0] });
    expect(variants.b).toEqual({ ratings: 2, mean: 4.5, counts: [0, 0, 0, 1, 1] });
    expect(tallyTone([]).variants.a).toEqual({ ratings: 0, mean: null, counts: [0, 0, 0, 0, 0] });
  });

  it('keeps the open round and closed results in the facilitation map, results for good', () => {
    const doc = new Y.Doc();
    writeOpenToneRound(doc, { id: 't_1', cardId: 'c_letter', startedAt: 10 }, 'test');
    expect(readOpenToneRound(doc)).toEqual({ id: 't_1', cardId: 'c_letter', startedAt: 10 });
    const { variants, raters } = tallyTone([{ participantId: 'p1', variant: 'a', rating: 2 }]);
    writeToneResult(doc, { id: 't_1', cardId: 'c_letter', startedAt: 10, closedAt: 20, raters, variants, inUse: 'a' }, 'test');
    expect(readToneState(doc).open).toBeNull();
    expect(readToneRounds(doc)).toEqual([{ id: 't_1', cardId: 'c_letter', startedAt: 10, closedAt: 20, raters: 1, variants, inUse: 'a' }]);
  });

  it('reads a damaged result defensively', () => {
    const doc = new Y.Doc();
    facilitationMap(doc).set('tone:x', {
      id: 'x',
      cardId: 'c',
      startedAt: 1,
      closedAt: 2,
      variants: { a: { counts: 'no' } },
      inUse: 'z',
    });
    facilitationMap(doc).set('tone:y', { id: 'y' });
    expect(readToneRounds(doc)).toEqual([
      {
        id: 'x',
        cardId: 'c',
        startedAt: 1,
        closedAt: 2,
        raters: 0,
        variants: {
          a: { ratings: 0, mean: null, counts: [0, 0, 0, 0, 0] },
          b: { ratings: 0, mean: null, counts: [0, 0, 0, 0, 0] },
        },
        inUse: null,
      },
    ]);
  });
});

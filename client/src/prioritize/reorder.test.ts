import { rankActions, type Board, type CardId } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import { dropIndexAt, reorderWrites } from './reorder.ts';

function board(manual: Partial<Record<string, number>> = {}): Board {
  const idea = (id: string, impact: number) => ({
    id: id as CardId,
    kind: 'idea' as const,
    stageId: 's_a' as Board['stages'][number]['id'],
    laneId: 'l_a' as Board['lanes'][number]['id'],
    order: impact,
    text: id,
    impact,
    effort: 3,
    ...(manual[id] === undefined ? {} : { manualRank: manual[id] }),
  });
  return {
    id: 'b_test' as Board['id'],
    title: 'Test',
    schemaVersion: 4,
    scenarios: [],
    cadenceRules: [],
    locale: 'en',
    currency: 'DKK',
    personas: [],
    activePersonaId: null,
    stages: [{ id: 's_a' as Board['stages'][number]['id'], title: 'A' }],
    lanes: [{ id: 'l_a' as Board['lanes'][number]['id'], title: 'Ideas', kind: 'ideas' }],
    cards: [idea('i_one', 5), idea('i_two', 4), idea('i_three', 3), idea('i_four', 2)],
    links: [],
  };
}

const apply = (b: Board, writes: ReturnType<typeof reorderWrites>): Board => ({
  ...b,
  cards: b.cards.map((c) => {
    const w = writes.find((x) => x.id === c.id);
    return w ? { ...c, manualRank: w.manualRank } : c;
  }),
});

describe('reordering the to-do list', () => {
  it('in manual order writes only the moved card, between its new neighbours', () => {
    const b = board();
    const rows = rankActions(b, { by: 'manual' });
    expect(rows.map((r) => r.card.id)).toEqual(['i_one', 'i_two', 'i_three', 'i_four']);
    const writes = reorderWrites(rows, 'manual', 3, 0);
    expect(writes).toHaveLength(1);
    expect(rankActions(apply(b, writes), { by: 'manual' }).map((r) => r.card.id)).toEqual(['i_four', 'i_one', 'i_two', 'i_three']);
  });

  it('from another order makes the shown list the manual order, with the move applied', () => {
    const b = board({ i_one: 10 });
    const rows = rankActions(b, { by: 'score' });
    const writes = reorderWrites(rows, 'score', 0, 2);
    expect(writes.map((w) => [w.id, w.manualRank])).toEqual([
      ['i_two', 1],
      ['i_three', 2],
      ['i_one', 3],
      ['i_four', 4],
    ]);
    expect(rankActions(apply(b, writes), { by: 'manual' }).map((r) => r.card.id)).toEqual(['i_two', 'i_three', 'i_one', 'i_four']);
  });

  it('writes nothing for a move onto itself or from outside the list', () => {
    const rows = rankActions(board(), { by: 'manual' });
    expect(reorderWrites(rows, 'manual', 1, 1)).toEqual([]);
    expect(reorderWrites(rows, 'manual', 9, 0)).toEqual([]);
  });

  it('finds where a dragged row lands from the other rows’ middles', () => {
    const middles = [10, 30, 50];
    expect([dropIndexAt(middles, 0), dropIndexAt(middles, 20), dropIndexAt(middles, 45), dropIndexAt(middles, 99)]).toEqual([0, 1, 2, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { docToBoard } from '../doc/read.ts';
import { updateCard } from '../doc/ops.ts';
import { boardToDoc } from '../doc/write.ts';
import type { CardId } from '../ids.ts';
import type { Board } from '../schema/board.ts';
import { validateBoard } from '../schema/board.ts';
import { DEFAULT_TOP_N, manualRankBetween, rankActions, topN, type ActionRow } from './rank.ts';
import { buildBoard, idea, link, pain, touchpoint, votesOf, workshopBoard } from '../../testing/board-fixtures.ts';

const ids = (rows: readonly ActionRow[]): string[] => rows.map((r) => r.card.id);

function withManualRank(board: Board, id: string, manualRank: number | undefined): Board {
  return {
    ...board,
    cards: board.cards.map((c) => {
      if (c.id !== id) return c;
      const { manualRank: _old, ...rest } = c;
      return manualRank === undefined ? rest : { ...rest, manualRank };
    }),
  };
}

/** A deterministic pseudo-random sequence, so a failing drag sequence can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('ranking actions', () => {
  it('is built from a valid board fixture', () => {
    expect(validateBoard(workshopBoard())).toMatchObject({ ok: true });
  });

  it('orders ideas by priority score and leaves dropped ideas out by default', () => {
    const rows = rankActions(workshopBoard());
    expect(ids(rows)).toEqual(['i_creditor', 'i_fee', 'i_plain', 'i_unrated', 'i_portal']);
    expect(rows.map((r) => r.score)).toEqual([52.7, 34.3, 33.8, 25, 23.8]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.scoreRank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('includes dropped ideas when asked', () => {
    const rows = rankActions(workshopBoard(), { includeDropped: true });
    const dropped = rows.find((r) => r.card.id === 'i_dropped');
    expect(dropped?.status).toBe('dropped');
    expect(rows).toHaveLength(6);
  });

  it('gives each row its stage, status, quadrant and linked pains, whichever way a link points', () => {
    const rows = rankActions(workshopBoard());
    const byId = new Map(rows.map((r) => [r.card.id as string, r]));
    const creditor = byId.get('i_creditor');
    expect(creditor?.stage.title).toBe('reminder');
    expect(creditor?.linkedPains.map((p) => p.id)).toEqual(['p_unclear', 'p_mistake']);
    expect(creditor?.quadrant).toBe('quick-win');
    expect(creditor?.status).toBe('in-progress');
    expect(creditor?.breakdown.components.pains.value).toBe(1 + 3);
    expect(byId.get('i_plain')?.linkedPains.map((p) => p.id)).toEqual(['p_unclear']);
    const unrated = byId.get('i_unrated');
    expect(unrated?.quadrant).toBeNull();
    expect(unrated?.status).toBe('proposed');
    expect(unrated?.breakdown.incomplete).toBe(true);
  });

  it('counts a pain once when it is linked both ways', () => {
    const board = buildBoard({
      cards: [pain('p', 's_invoice'), idea('i', 's_invoice', { impact: 3, effort: 3 })],
      links: [link('i', 'p'), link('p', 'i')],
    });
    expect(rankActions(board)[0]?.linkedPains).toHaveLength(1);
  });

  it('orders by votes, breaking equal votes by score', () => {
    const votes = votesOf({ i_portal: 3, i_plain: 3, i_fee: 1, unknown_card: 99 });
    const rows = rankActions(workshopBoard(), { by: 'votes', votes });
    expect(ids(rows)).toEqual(['i_plain', 'i_portal', 'i_fee', 'i_creditor', 'i_unrated']);
    expect(rows.map((r) => r.votes)).toEqual([3, 3, 1, 0, 0]);
    expect(rows[0]?.breakdown.components.votes.points).toBeGreaterThan(0);
  });

  it('orders by matrix quadrant, then higher impact, then lower effort, with unset ratings as the middle', () => {
    const rows = rankActions(workshopBoard(), { by: 'impact-effort' });
    expect(ids(rows)).toEqual(['i_creditor', 'i_plain', 'i_portal', 'i_unrated', 'i_fee']);
  });

  it('breaks score ties by stage order, then by the card’s place on the board', () => {
    const same = { impact: 3, effort: 3 } as const;
    const board = buildBoard({
      cards: [idea('b_paid', 's_paid', same), idea('z_invoice', 's_invoice', same), idea('a_invoice', 's_invoice', same)],
    });
    for (const by of ['score', 'votes', 'impact-effort', 'manual'] as const) {
      expect(ids(rankActions(board, { by }))).toEqual(['z_invoice', 'a_invoice', 'b_paid']);
    }
  });

  it('gives the same order for the same board every time', () => {
    const board = workshopBoard();
    const first = ids(rankActions(board, { by: 'votes' }));
    for (let i = 0; i < 5; i++) expect(ids(rankActions(structuredClone(board), { by: 'votes' }))).toEqual(first);
  });

  it('lets a placed idea sit where it was dropped while the others follow the score', () => {
    let board = withManualRank(workshopBoard(), 'i_portal', 0.5);
    board = withManualRank(board, 'i_fee', 3.5);
    const rows = rankActions(board, { by: 'manual' });
    expect(ids(rows)).toEqual(['i_portal', 'i_creditor', 'i_plain', 'i_fee', 'i_unrated']);
    expect(ids(rankActions(board))).toEqual(['i_creditor', 'i_fee', 'i_plain', 'i_unrated', 'i_portal']);
  });

  it('follows the computed score in manual mode while nobody has dragged anything', () => {
    const board = workshopBoard();
    expect(ids(rankActions(board, { by: 'manual' }))).toEqual(ids(rankActions(board)));
  });
});

describe('dragging in the manual ranking', () => {
  it('returns a rank that moves the dragged row exactly where it was dropped', () => {
    const next = lcg(20260301);
    let board = workshopBoard();
    for (let step = 0; step < 60; step++) {
      const rows = rankActions(board, { by: 'manual' });
      const from = Math.floor(next() * rows.length);
      const to = Math.floor(next() * rows.length);
      const expected = ids(rows);
      const [moved] = expected.splice(from, 1);
      expected.splice(to, 0, moved as string);
      const rank = manualRankBetween(rows, from, to);
      if (from === to) {
        expect(rank).toBeNull();
        continue;
      }
      expect(rank).not.toBeNull();
      board = withManualRank(board, moved as string, rank as number);
      expect(ids(rankActions(board, { by: 'manual' })), `step ${step}: ${from} → ${to}`).toEqual(expected);
    }
  });

  it('places a row dragged to the top before the first and one dragged to the end after the last', () => {
    const rows = rankActions(workshopBoard(), { by: 'manual' });
    expect(manualRankBetween(rows, 3, 0)).toBe(0);
    expect(manualRankBetween(rows, 0, 4)).toBe(6);
    expect(manualRankBetween(rows, 0, 99)).toBe(6);
    expect(manualRankBetween(rows, 4, 1)).toBe(1.5);
  });

  it('refuses a drag from a row that does not exist', () => {
    const rows = rankActions(workshopBoard(), { by: 'manual' });
    expect(() => manualRankBetween(rows, 5, 0)).toThrow(RangeError);
    expect(() => manualRankBetween(rows, -1, 0)).toThrow(RangeError);
  });

  it('stores the dragged rank on the card in the shared document, and clearing it restores the score order', () => {
    const doc = boardToDoc(workshopBoard());
    const read = (): ActionRow[] => rankActions(docToBoard(doc, 'board_fixture'), { by: 'manual' });
    const rank = manualRankBetween(read(), 4, 0);
    updateCard(doc, 'i_portal' as CardId, { manualRank: rank });
    expect(ids(read())).toEqual(['i_portal', 'i_creditor', 'i_fee', 'i_plain', 'i_unrated']);
    updateCard(doc, 'i_portal' as CardId, { manualRank: null });
    expect(ids(read())).toEqual(ids(rankActions(workshopBoard())));
    doc.destroy();
  });

  it('goes back to the computed order when the manual rank is cleared', () => {
    const board = withManualRank(workshopBoard(), 'i_portal', 0);
    const cleared = withManualRank(board, 'i_portal', undefined);
    expect(ids(rankActions(cleared, { by: 'manual' }))).toEqual(ids(rankActions(cleared)));
  });
});

describe('top-N cut', () => {
  const manyIdeas = (n: number): Board =>
    buildBoard({
      cards: [
        touchpoint('t', 's_invoice', -1),
        ...Array.from({ length: n }, (_, i) => idea(`i_${String(i).padStart(2, '0')}`, 's_invoice', { impact: 1 + (i % 5), effort: 3 })),
      ],
    });

  it('keeps the twelve best by default and puts the others below the line', () => {
    const rows = rankActions(manyIdeas(20));
    const { top, rest } = topN(rows);
    expect(DEFAULT_TOP_N).toBe(12);
    expect(top).toHaveLength(12);
    expect(rest).toHaveLength(8);
    expect([...top, ...rest]).toEqual(rows);
  });

  it('keeps every row when there are fewer than N', () => {
    const rows = rankActions(manyIdeas(5));
    expect(topN(rows)).toEqual({ top: rows, rest: [] });
  });

  it('leaves nothing below the line when there are exactly N', () => {
    const rows = rankActions(manyIdeas(12));
    const { top, rest } = topN(rows, 12);
    expect(top).toHaveLength(12);
    expect(rest).toEqual([]);
  });

  it('accepts another N, and treats a negative N as zero', () => {
    const rows = rankActions(manyIdeas(6));
    expect(topN(rows, 3).top).toHaveLength(3);
    expect(topN(rows, -2)).toEqual({ top: [], rest: rows });
  });
});

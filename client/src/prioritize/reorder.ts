import { manualRankBetween, type ActionRow, type CardId, type RankBy } from '@rejse/shared';

/** One write the facilitator's reorder makes: a card's new `manualRank`. */
export interface RankWrite {
  id: CardId;
  manualRank: number;
}

/**
 * What moving the row at `from` to `to` (an index in the list after the move) writes.
 * In manual order only the moved card gets a rank between its new neighbours. In any other
 * order the list as shown becomes the manual order first (every row gets 1, 2, 3…), so the
 * facilitator's drag starts from what they see; the caller then switches to manual order.
 */
export function reorderWrites(rows: readonly ActionRow[], by: RankBy, from: number, to: number): RankWrite[] {
  if (from < 0 || from >= rows.length) return [];
  const target = Math.max(0, Math.min(to, rows.length - 1));
  if (target === from) return [];
  if (by === 'manual') {
    const rank = manualRankBetween(rows, from, target);
    const row = rows[from];
    return rank === null || !row ? [] : [{ id: row.card.id, manualRank: rank }];
  }
  const order = rows.map((row) => row.card.id);
  const [moved] = order.splice(from, 1);
  if (moved === undefined) return [];
  order.splice(target, 0, moved);
  return order.map((id, i) => ({ id, manualRank: i + 1 }));
}

/**
 * The index (in the list without the dragged row) a dragged row lands at, from the vertical
 * middles of the other rows and the pointer's y.
 */
export function dropIndexAt(middles: readonly number[], y: number): number {
  let index = 0;
  for (const middle of middles) if (y > middle) index += 1;
  return index;
}

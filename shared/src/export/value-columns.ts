/**
 * The business case in the exports: which boards get value columns, and the total of the
 * top N. One place, so the CSV, the Markdown and the report agree.
 */
import { totalValue, type ValueRange } from '../business/value.ts';
import type { Board } from '../schema/board.ts';
import type { ActionRow } from '../prioritize/rank.ts';

/** A board gets value columns once any idea states an effect (a board without any keeps its old layout). */
export const boardHasEffects = (board: Pick<Board, 'cards'>): boolean =>
  board.cards.some((c) => c.kind === 'idea' && (c.effects?.length ?? 0) > 0);

export interface TopTotal {
  /** How many actions the total covers (the top N, or fewer when the list is shorter). */
  n: number;
  value: ValueRange | null;
  /** Contacts avoided a year by those actions; null when none counts contacts. */
  contactsAvoided: number | null;
}

/** The total of the first `n` rows. Effects on the same touchpoint are added as stated (they may overlap). */
export function topTotal(rows: readonly ActionRow[], n: number): TopTotal {
  const top = rows.slice(0, Math.max(0, n));
  const counted = top.filter((r) => r.businessCase.contactsAvoided !== null);
  return {
    n: top.length,
    value: totalValue(top.map((r) => r.businessCase)),
    contactsAvoided: counted.length > 0 ? counted.reduce((sum, r) => sum + (r.businessCase.contactsAvoided ?? 0), 0) : null,
  };
}

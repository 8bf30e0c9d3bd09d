/**
 * Fractional ordering: every ordered record carries a number and siblings sort by
 * (order, id). Moving one record rewrites only its own number, so concurrent moves by
 * two users never duplicate or drop anything (unlike delete+insert in a Y.Array).
 */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

export interface Ordered {
  id: string;
  order: number;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The order value that puts a record at `index` among `siblings` (already sorted,
 * without the record itself). An index past the end appends.
 */
export function orderAtIndex(siblings: readonly Ordered[], index: number): number {
  const clamped = Math.max(0, Math.min(index, siblings.length));
  return orderBetween(siblings[clamped - 1]?.order, siblings[clamped]?.order);
}

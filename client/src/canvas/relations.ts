import type { Card, Link } from '@rejse/shared';

/**
 * Which ideas address which pain points: a link between an idea and a pain point, drawn
 * either way. A pain point lists the ideas that address it, an idea the pains it fixes,
 * each in the cards' reading order and without repeats.
 */
export function painIdeaRelations(
  board: { readonly cards: readonly Card[]; readonly links: readonly Link[] },
  /** The cards by id with their position, when the caller has it already. */
  index?: { get(id: string): { card: Pick<Card, 'kind'>; position: number } | undefined },
): Map<string, string[]> {
  if (board.links.length === 0) return new Map();
  const cards = index ?? new Map(board.cards.map((card, position) => [card.id as string, { card, position }]));
  const kind = { get: (id: string) => cards.get(id)?.card.kind };
  const position = { get: (id: string) => cards.get(id)?.position };
  const related = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const set = related.get(from);
    if (set) set.add(to);
    else related.set(from, new Set([to]));
  };
  for (const link of board.links) {
    const a = kind.get(link.from);
    const b = kind.get(link.to);
    if ((a === 'idea' && b === 'pain') || (a === 'pain' && b === 'idea')) {
      add(link.from, link.to);
      add(link.to, link.from);
    }
  }
  const out = new Map<string, string[]>();
  for (const [id, set] of related) {
    out.set(
      id,
      [...set].sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0)),
    );
  }
  return out;
}

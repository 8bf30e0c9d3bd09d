import type { Card, Link } from '@rejse/shared';
import { cardsChangedSince } from '../doc/binding.ts';
import { painIdeaRelations } from './relations.ts';

/** The part of a board the facts are derived from. */
type Cards = { readonly cards: readonly Card[] };
type CardsAndLinks = Cards & { readonly links: readonly Link[] };

/** Related cards listed in a tooltip, at most; longer texts are cut. */
const RELATED_SHOWN = 8;
const RELATED_CHARS = 80;

export interface IndexedCard {
  card: Card;
  /** Place in the board's reading order. */
  position: number;
}

/**
 * The board's cards by id, kept across updates: when the doc binding tells which cards were
 * edited in place since the board seen last, only those entries are replaced (a remote
 * keystroke neither walks nor rebuilds a map of every card); otherwise a new list with the
 * same ids in the same places updates the entries whose object changed. Owned by one node deriver.
 */
export class CardIndex {
  private board: Cards | null = null;
  private readonly byId = new Map<string, IndexedCard>();

  update(board: Cards): void {
    const before = this.board;
    this.board = board;
    if (before && board.cards === before.cards) return;
    const { cards } = board;
    const changed = cardsChangedSince(board, before);
    if (changed && this.replace(cards, changed)) return;
    const previous = before?.cards ?? [];
    const samePlaces = cards.length === previous.length && cards.every((card, i) => card.id === previous[i]?.id);
    if (!samePlaces) {
      this.byId.clear();
      cards.forEach((card, position) => {
        this.byId.set(card.id, { card, position });
      });
      return;
    }
    cards.forEach((card, position) => {
      if (card !== previous[position]) this.byId.set(card.id, { card, position });
    });
  }

  /** Replaces the entries of cards edited in place; false when one is not where it was (walk instead). */
  private replace(cards: readonly Card[], changed: ReadonlySet<string>): boolean {
    for (const id of changed) {
      const position = this.byId.get(id)?.position;
      const card = position === undefined ? undefined : cards[position];
      if (!card || card.id !== id) return false;
    }
    for (const id of changed) {
      const position = this.byId.get(id)?.position as number;
      this.byId.set(id, { card: cards[position] as Card, position });
    }
    return true;
  }

  get(id: string): IndexedCard | undefined {
    return this.byId.get(id);
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * What links say about each card: how many links it has, the ideas addressing a pain point
 * (or the pains an idea fixes) and their texts for the tooltip. Derived again only when
 * the links, or a linked card, changed.
 */
export class LinkFacts {
  linkCount: ReadonlyMap<string, number> = new Map();
  related: ReadonlyMap<string, readonly string[]> = new Map();
  private tooltips = new Map<string, string>();
  private board: CardsAndLinks | null = null;
  /** The linked cards' objects and places when the facts were derived. */
  private endpoints = new Map<string, IndexedCard | undefined>();
  /** The cards each card is linked to. */
  private partners = new Map<string, string[]>();

  /** The related cards' texts per card, for its tooltip. */
  get names(): ReadonlyMap<string, string> {
    return this.tooltips;
  }

  /**
   * Brings the facts up to `board` (`index` already updated to it). Returns the ids of the
   * cards whose facts may have changed: none when no linked card changed, the changed linked
   * cards and their partners when the doc binding names the cards that changed, null (any
   * card) otherwise.
   */
  update(board: CardsAndLinks, index: CardIndex): ReadonlySet<string> | null {
    const before = this.board;
    this.board = board;
    const sameLinks = before !== null && board.links === before.links;
    const changed = sameLinks ? cardsChangedSince(board, before) : null;
    if (changed) {
      const linked = [...changed].filter((id) => this.endpoints.has(id));
      if (linked.length === 0) return NONE;
      const affected = new Set(linked);
      for (const id of linked) for (const other of this.partners.get(id) ?? []) affected.add(other);
      // Same kinds (and, edited in place, the same places): who is related to whom is the same,
      // only the texts of the changed cards' partners' tooltips are made again.
      if (linked.every((id) => index.get(id)?.card.kind === this.endpoints.get(id)?.card.kind)) {
        for (const id of linked) this.endpoints.set(id, index.get(id));
        for (const id of affected) {
          const others = this.related.get(id);
          if (others) this.tooltips.set(id, namesOf(others, index));
        }
      } else {
        this.derive(board, index);
      }
      return affected;
    }
    if (sameLinks && [...this.endpoints].every(([id, seen]) => sameIndexed(index.get(id), seen))) return NONE;
    this.derive(board, index);
    return null;
  }

  private derive({ cards, links }: CardsAndLinks, index: CardIndex): void {
    const count = new Map<string, number>();
    const endpoints = new Map<string, IndexedCard | undefined>();
    const partners = new Map<string, string[]>();
    const partner = (a: string, b: string): void => {
      const list = partners.get(a);
      if (list) list.push(b);
      else partners.set(a, [b]);
    };
    for (const link of links) {
      count.set(link.from, (count.get(link.from) ?? 0) + 1);
      count.set(link.to, (count.get(link.to) ?? 0) + 1);
      endpoints.set(link.from, index.get(link.from));
      endpoints.set(link.to, index.get(link.to));
      partner(link.from, link.to);
      partner(link.to, link.from);
    }
    const related = painIdeaRelations({ cards, links }, index);
    const names = new Map<string, string>();
    for (const [id, others] of related) names.set(id, namesOf(others, index));
    this.linkCount = count;
    this.related = related;
    this.tooltips = names;
    this.endpoints = endpoints;
    this.partners = partners;
  }
}

const sameIndexed = (a: IndexedCard | undefined, b: IndexedCard | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.card === b.card && a.position === b.position);

/** The related cards' texts for a tooltip, one per line, each cut short, at most RELATED_SHOWN. */
function namesOf(ids: readonly string[], index: CardIndex): string {
  const names = ids.slice(0, RELATED_SHOWN).map((id) => {
    const text = (index.get(id)?.card.text ?? '').replace(/\s+/g, ' ').trim();
    return text.length > RELATED_CHARS ? `${text.slice(0, RELATED_CHARS - 1)}…` : text;
  });
  if (ids.length > RELATED_SHOWN) names.push('…');
  return names.join('\n');
}

import type { Card, Link } from '@rejse/shared';
import { painIdeaRelations } from './relations.ts';

/** Related cards listed in a tooltip, at most; longer texts are cut. */
const RELATED_SHOWN = 8;
const RELATED_CHARS = 80;

export interface IndexedCard {
  card: Card;
  /** Place in the board's reading order. */
  position: number;
}

/**
 * The board's cards by id, kept across updates: a new card list with the same ids in the
 * same places (a card edited in place) updates only the entries whose object changed, so
 * a remote keystroke does not rebuild a map of every card. Owned by one node deriver.
 */
export class CardIndex {
  private cards: readonly Card[] = [];
  private readonly byId = new Map<string, IndexedCard>();

  update(cards: readonly Card[]): void {
    if (cards === this.cards) return;
    const previous = this.cards;
    this.cards = cards;
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

  get(id: string): IndexedCard | undefined {
    return this.byId.get(id);
  }
}

/**
 * What links say about each card: how many links it has, the ideas addressing a pain point
 * (or the pains an idea fixes) and their texts for the tooltip. Derived again only when
 * the links, or a linked card, changed.
 */
export class LinkFacts {
  linkCount: ReadonlyMap<string, number> = new Map();
  related: ReadonlyMap<string, readonly string[]> = new Map();
  names: ReadonlyMap<string, string> = new Map();
  private links: readonly Link[] | null = null;
  /** The linked cards' objects and places when the facts were derived. */
  private endpoints = new Map<string, IndexedCard | undefined>();

  update(cards: readonly Card[], links: readonly Link[], index: CardIndex): void {
    if (links === this.links && [...this.endpoints].every(([id, seen]) => sameIndexed(index.get(id), seen))) return;
    this.links = links;
    const count = new Map<string, number>();
    const endpoints = new Map<string, IndexedCard | undefined>();
    for (const link of links) {
      count.set(link.from, (count.get(link.from) ?? 0) + 1);
      count.set(link.to, (count.get(link.to) ?? 0) + 1);
      endpoints.set(link.from, index.get(link.from));
      endpoints.set(link.to, index.get(link.to));
    }
    const related = painIdeaRelations({ cards, links }, index);
    const names = new Map<string, string>();
    for (const [id, others] of related) names.set(id, namesOf(others, index));
    this.linkCount = count;
    this.related = related;
    this.names = names;
    this.endpoints = endpoints;
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

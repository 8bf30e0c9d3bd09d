import type { Card, CardKind, Channel } from '@rejse/shared';

/** A channel as the filter knows it: a built-in one by its id, one of the board's own by its name (prefixed, so it never collides). */
export type ChannelKey = Channel | `own:${string}`;

export const ownChannelKey = (name: string): ChannelKey => `own:${name.toLocaleLowerCase()}`;

function channelKeyOf(card: FilterableCard): ChannelKey | null {
  if (card.channel) return card.channel;
  return card.customChannel ? ownChannelKey(card.customChannel) : null;
}

/**
 * Search and filter of the cards on the canvas (local UI state, see `searchStore.ts`).
 * Within one facet the choices are alternatives (kind is touchpoint OR pain); the facets
 * and the words of the text query must all match. An empty facet does not filter.
 */
export interface CardFilter {
  text: string;
  kinds: readonly CardKind[];
  channels: readonly ChannelKey[];
  stageIds: readonly string[];
}

export const EMPTY_FILTER: CardFilter = { text: '', kinds: [], channels: [], stageIds: [] };

export type FilterableCard = Pick<Card, 'id' | 'kind' | 'stageId' | 'text'> &
  Partial<Pick<Card, 'channel' | 'customChannel' | 'thought' | 'owner'>>;

export function isFilterActive(filter: CardFilter): boolean {
  return filter.text.trim() !== '' || filter.kinds.length > 0 || filter.channels.length > 0 || filter.stageIds.length > 0;
}

/**
 * Text folded for matching: lower case, accents dropped (é → e, å → a; ø and æ do not
 * decompose in Unicode, so they are mapped), whitespace collapsed. "kobenhavn" finds "København".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The query's words, folded; every one must occur in the card's text, thought or owner. */
function queryWords(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}

export function cardMatches(card: FilterableCard, filter: CardFilter, words = queryWords(filter.text)): boolean {
  if (filter.kinds.length > 0 && !filter.kinds.includes(card.kind)) return false;
  if (filter.channels.length > 0) {
    const key = channelKeyOf(card);
    if (!key || !filter.channels.includes(key)) return false;
  }
  if (filter.stageIds.length > 0 && !filter.stageIds.includes(card.stageId)) return false;
  if (words.length === 0) return true;
  const haystack = foldText([card.text, card.thought ?? '', card.owner ?? ''].join(' '));
  return words.every((word) => haystack.includes(word));
}

/** The ids of the matching cards, in the cards' (reading) order; null when no filter is set. */
export function matchingCardIds(cards: readonly FilterableCard[], filter: CardFilter): string[] | null {
  if (!isFilterActive(filter)) return null;
  const words = queryWords(filter.text);
  return cards.filter((card) => cardMatches(card, filter, words)).map((card) => card.id);
}

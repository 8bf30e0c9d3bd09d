import type { CardId, StageId } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import { cardMatches, EMPTY_FILTER, foldText, isFilterActive, matchingCardIds, type FilterableCard } from './filter.ts';

const card = (id: string, fields: Partial<FilterableCard> = {}): FilterableCard => ({
  id: id as CardId,
  kind: 'touchpoint',
  stageId: 's_one' as StageId,
  text: '',
  ...fields,
});

const cards: FilterableCard[] = [
  card('c_letter', { text: 'Collection letter from the agency', channel: 'letter', stageId: 's_coll' as StageId }),
  card('c_call', { text: 'Customer calls: "must be a mistake"', channel: 'phone', thought: 'Is this a scam?' }),
  card('c_pain', { kind: 'pain', text: 'Letter does not say which product', stageId: 's_coll' as StageId }),
  card('c_idea', { kind: 'idea', text: 'Name the creditor on the letter', owner: 'Søren Høj' }),
];

describe('card search and filter', () => {
  it('is inactive until a word or a facet is set', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, text: '   ' })).toBe(false);
    expect(matchingCardIds(cards, EMPTY_FILTER)).toBeNull();
    expect(isFilterActive({ ...EMPTY_FILTER, kinds: ['idea'] })).toBe(true);
  });

  it('finds every word of the query in the text, the customer thought or the owner, ignoring case and accents', () => {
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, text: 'LETTER' })).toEqual(['c_letter', 'c_pain', 'c_idea']);
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, text: 'letter product' })).toEqual(['c_pain']);
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, text: 'scam' })).toEqual(['c_call']);
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, text: 'soren hoj' })).toEqual(['c_idea']);
  });

  it('treats choices within a facet as alternatives and facets as all required', () => {
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, kinds: ['pain', 'idea'] })).toEqual(['c_pain', 'c_idea']);
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, kinds: ['pain', 'idea'], stageIds: ['s_coll'] })).toEqual(['c_pain']);
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, channels: ['letter', 'phone'] })).toEqual(['c_letter', 'c_call']);
    expect(matchingCardIds(cards, { ...EMPTY_FILTER, channels: ['letter'], text: 'customer' })).toEqual([]);
  });

  it('never matches a channel filter on a card without a channel', () => {
    expect(cardMatches(card('c_x', { kind: 'note' }), { ...EMPTY_FILTER, channels: ['sms'] })).toBe(false);
  });

  it('folds Nordic letters that Unicode does not decompose', () => {
    expect(foldText('  Ærø  København ')).toBe('aero kobenhavn');
    expect(foldText('Åbenrå')).toBe('abenra');
  });
});

import { describe, expect, it } from 'vitest';
import { englishSyllables, lixLevel, readability, sentencesOf, wordsOf } from './readability.ts';

describe('LIX for Danish and Swedish (hand-counted)', () => {
  it('a Swedish text of 11 words, 2 sentences and 5 long words has LIX 5.5 + 45.5 = 51.0 (hard)', () => {
    // Long (> 6 letters): Inkassokravet, fakturan, Telekombolaget, Betalningen, förfaller.
    const text = 'Inkassokravet gäller fakturan från Telekombolaget. Betalningen förfaller den 15 mars 2026.';
    const result = readability(text, 'sv-SE');
    expect(result.figures).toMatchObject({ sentences: 2, words: 11, longWords: 5, syllables: null });
    expect(result).toMatchObject({ index: 'lix', score: 51, level: 'hard', grade: null });
  });

  it('a Danish letter opening: greeting line, "nr." and "den 1." do not end sentences; 18 words, 3 sentences, 1 long word', () => {
    const text = 'Kære Maria,\nDin faktura nr. 1234 fra Telia er ikke betalt. Betal 500,00 kr. senest den 1. april.';
    expect(sentencesOf(text)).toHaveLength(3);
    const result = readability(text, 'da');
    expect(result.figures).toMatchObject({ sentences: 3, words: 18, longWords: 1 });
    // 18 / 3 + 100 × 1 / 18 = 6 + 5.56
    expect(result.score).toBe(11.6);
    expect(result.level).toBe('very-easy');
  });

  it('six letters is not long, seven is; digits never count, "1.000,50" and "e-mail" are one word each', () => {
    expect(readability('Betala fakturan.', 'sv').figures.longWords).toBe(1);
    expect(wordsOf('Send 1.000,50 kr. by e-mail, don’t wait')).toEqual(['Send', '1.000,50', 'kr', 'by', 'e-mail', 'don’t', 'wait']);
    expect(readability('12345678 kr.', 'da').figures.longWords).toBe(0);
  });

  it('places LIX on the Swedish and the Danish scale', () => {
    expect([29.9, 30, 39.9, 40, 50, 60, 60.1].map((n) => lixLevel(n, 'sv'))).toEqual([
      'very-easy',
      'easy',
      'easy',
      'medium',
      'hard',
      'hard',
      'very-hard',
    ]);
    expect([24, 25, 34, 35, 44, 45, 54, 55].map((n) => lixLevel(n, 'da'))).toEqual([
      'very-easy',
      'easy',
      'easy',
      'medium',
      'medium',
      'hard',
      'hard',
      'very-hard',
    ]);
  });

  it('an empty text has no sentences and no words', () => {
    expect(readability('  \n ', 'da').figures).toMatchObject({ sentences: 0, words: 0 });
  });
});

describe('Flesch Reading Ease for English (hand-counted)', () => {
  it('counts syllables by vowel groups, less a silent final e', () => {
    expect(['please', 'invoice', 'today', 'payment', 'table', 'the', 'collection', 'you'].map(englishSyllables)).toEqual([
      1, 2, 2, 2, 2, 1, 3, 1,
    ]);
  });

  it('13 words, 2 sentences, 16 syllables: 206.835 − 1.015 × 6.5 − 84.6 × 16/13 = 96.1, grade 1.5', () => {
    const result = readability('Please pay the invoice today. We can help you with a payment plan.', 'en-GB');
    expect(result.figures).toMatchObject({ sentences: 2, words: 13, syllables: 16 });
    expect(result).toMatchObject({ index: 'flesch', score: 96.1, grade: 1.5, level: 'very-easy' });
  });

  it('a long official sentence scores far below the plain-English target of 60', () => {
    const result = readability(
      'Notwithstanding previous correspondence, the outstanding obligation registered under the above-mentioned case number remains unsettled, and consequently the claim has been transferred for collection in accordance with applicable legislation.',
      'en',
    );
    expect(result.score).toBeLessThan(30);
    expect(result.level).toBe('very-hard');
  });

  it('any locale other than Danish or Swedish is read as English', () => {
    expect(readability('Pay now.', 'fr').index).toBe('flesch');
  });
});

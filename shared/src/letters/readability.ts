/**
 * Readability of a letter, SMS or e-mail, with the figures behind the index.
 *
 * - Danish and Swedish: LIX (Björnsson 1968) = words per sentence + 100 × long words / words,
 *   a long word having more than six letters. Scales from `shared/DOMAIN.md`.
 * - English: Flesch Reading Ease = 206.835 − 1.015 × words per sentence − 84.6 × syllables
 *   per word (aim for 60 or more), with the Flesch–Kincaid grade beside it.
 *
 * Counting rules (so a hand count can check them):
 * - A word is a run of letters and digits; inner hyphens and apostrophes join it ("e-mail",
 *   "don't"), and so does a dot or comma between digits ("1.000,50" is one word).
 * - A long word has more than six *letters* (digits do not count: an amount is not hard).
 * - A sentence ends at `.`, `!`, `?` or `:` followed by a space or the end, unless the next
 *   word starts with a lower-case letter or a digit (abbreviations: "pr. måned", "nr. 1234",
 *   dates: "den 5. marts");
 *   a line break also ends one (greetings, headings and list items have no full stop).
 * - English syllables: groups of vowels (a e i o u y), less a silent final "e" (not "-le"),
 *   at least one per word. A heuristic; exact on ordinary words.
 * These formulas see only the surface: they are best for comparing two versions of a letter.
 */

export type ReadabilityLanguage = 'en' | 'da' | 'sv';
export const READABILITY_LEVELS = ['very-easy', 'easy', 'medium', 'hard', 'very-hard'] as const;
export type ReadabilityLevel = (typeof READABILITY_LEVELS)[number];

export interface TextFigures {
  sentences: number;
  words: number;
  /** Words of more than six letters (LIX). */
  longWords: number;
  /** English syllables (Flesch); null for Danish and Swedish. */
  syllables: number | null;
  wordsPerSentence: number;
  /** Long words / words, 0…1. */
  longWordShare: number;
}

export interface Readability {
  language: ReadabilityLanguage;
  index: 'lix' | 'flesch';
  /** LIX (lower is easier) or Flesch Reading Ease (higher is easier), one decimal. */
  score: number;
  level: ReadabilityLevel;
  /** Flesch–Kincaid grade for English, one decimal; null otherwise. */
  grade: number | null;
  figures: TextFigures;
}

/** Flesch Reading Ease at or above which an English text reads as plain English. */
export const FLESCH_TARGET = 60;

const WORD = /[\p{L}\p{N}]+(?:(?:[-'’][\p{L}\p{N}]+)|(?:(?<=\p{N})[.,](?=\p{N})\p{N}+))*/gu;
const LETTER = /\p{L}/gu;
const SENTENCE_END = /[.!?:]+(?=\s|$)/gu;

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The readability language of a locale tag: da and sv by their language, anything else English. */
export function readabilityLanguage(locale: string): ReadabilityLanguage {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return language === 'da' || language === 'sv' ? language : 'en';
}

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

export const isLongWord = (word: string): boolean => (word.match(LETTER)?.length ?? 0) > 6;

/** Sentences of a text (see the module comment for where one ends). */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    let start = 0;
    for (const match of line.matchAll(SENTENCE_END)) {
      const end = (match.index ?? 0) + match[0].length;
      const next = line.slice(end).trimStart();
      if (/^[\p{Ll}\p{N}]/u.test(next)) continue;
      sentences.push(line.slice(start, end));
      start = end;
    }
    sentences.push(line.slice(start));
  }
  return sentences.filter((s) => wordsOf(s).length > 0);
}

/** English syllables of one word (see the module comment). */
export function englishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 1;
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  const silentE = /[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w) && groups > 1 ? 1 : 0;
  return Math.max(1, groups - silentE);
}

export function textFigures(text: string, language: ReadabilityLanguage): TextFigures {
  const words = wordsOf(text);
  const sentences = sentencesOf(text).length;
  const longWords = words.filter(isLongWord).length;
  const syllables = language === 'en' ? words.reduce((sum, w) => sum + englishSyllables(w), 0) : null;
  return {
    sentences,
    words: words.length,
    longWords,
    syllables,
    wordsPerSentence: sentences === 0 ? 0 : words.length / sentences,
    longWordShare: words.length === 0 ? 0 : longWords / words.length,
  };
}

/** LIX of a text; 0 for a text without words. */
export const lixOf = (figures: TextFigures): number => round1(figures.wordsPerSentence + 100 * figures.longWordShare);

/** Where a LIX falls on the Swedish or Danish scale (`shared/DOMAIN.md`). */
export function lixLevel(lix: number, language: 'da' | 'sv'): ReadabilityLevel {
  const bounds = language === 'da' ? [25, 35, 45, 55] : [30, 40, 50, 60];
  if (lix < (bounds[0] as number)) return 'very-easy';
  if (lix < (bounds[1] as number)) return 'easy';
  if (lix < (bounds[2] as number)) return 'medium';
  // Swedish: 50–60 is hard, *above* 60 very hard; Danish: 55 and up is very hard.
  if (language === 'sv' ? lix <= 60 : lix < (bounds[3] as number)) return 'hard';
  return 'very-hard';
}

/** Flesch Reading Ease bands: 80+ very easy, 70+ easy, 60+ plain (medium), 30+ hard, below very hard. */
export function fleschLevel(score: number): ReadabilityLevel {
  if (score >= 80) return 'very-easy';
  if (score >= 70) return 'easy';
  if (score >= FLESCH_TARGET) return 'medium';
  if (score >= 30) return 'hard';
  return 'very-hard';
}

/** Readability of `text` in the language of `locale` (LIX for da/sv, Flesch for anything else). */
export function readability(text: string, locale: string): Readability {
  const language = readabilityLanguage(locale);
  const figures = textFigures(text, language);
  if (language !== 'en') {
    const score = lixOf(figures);
    return { language, index: 'lix', score, level: lixLevel(score, language), grade: null, figures };
  }
  const perWord = figures.words === 0 ? 0 : (figures.syllables ?? 0) / figures.words;
  const score = figures.words === 0 ? 0 : round1(206.835 - 1.015 * figures.wordsPerSentence - 84.6 * perWord);
  const grade = figures.words === 0 ? 0 : round1(0.39 * figures.wordsPerSentence + 11.8 * perWord - 15.59);
  return { language, index: 'flesch', score, level: fleschLevel(score), grade, figures };
}

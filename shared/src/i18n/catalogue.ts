/**
 * The one source of words: a catalogue per language (`messages/`), used by the UI, the exports
 * (CSV, Markdown) and the server's report page alike, so an idea's status has one word per
 * language everywhere.
 */
import { catalogueLocale, type Locale } from './locales.ts';
import { formatMessage, type MessageParams } from './message.ts';
import { da } from './messages/da.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { sv } from './messages/sv.ts';

export type { MessageKey, Messages };

export const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, da, sv };

/** The catalogue for a tag's language (`da-DK` → Danish); English for any other. */
export const catalogueFor = (tag: string | null | undefined): Messages => CATALOGUES[catalogueLocale(tag)];

/**
 * One message in the language of `locale` (any tag: `da-DK` gives Danish words with Danish
 * numbers; `de` gives English words with German numbers).
 */
export function translate(locale: string, key: MessageKey, params?: MessageParams): string {
  return formatMessage(catalogueFor(locale)[key] ?? en[key], locale, params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `translate` bound to a locale. */
export const translatorFor =
  (locale: string): Translate =>
  (key, params) =>
    translate(locale, key, params);

/**
 * Languages and language tags, read in one place. A *language* (`Locale`) is one of the
 * catalogues we ship; a board's *locale* is any BCP 47 tag (`da-DK`, `sv-FI`, `de`) that decides
 * how numbers, money and dates are written, and whose language picks the words.
 */

/** Languages with a catalogue (`messages/<language>.ts`, each of type `Messages`). */
export const LOCALES = ['en', 'da', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * Each language's name in itself, the same in every UI language (someone who cannot read the
 * current one still finds their own), so these are not catalogue messages.
 */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', da: 'Dansk', sv: 'Svenska' };

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * Where a browser keeps the UI language its person chose: under this name in localStorage, and
 * in a cookie of the same name, so the server's first page (the board's loading screen) is in it.
 */
export const UI_LOCALE_KEY = 'rejse.locale';

/** A tag is at most this long when stored (BCP 47 allows more; nobody needs it). */
const MAX_TAG_LENGTH = 35;

/** The primary language subtag of a tag, lower case: `da-DK` → `da`, `sv_SE` → `sv`, junk → ''. */
export function languageOf(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The catalogue for a tag's language (`da-DK` → da, `SV-fi` → sv); English for any other or none. */
export function catalogueLocale(tag: string | null | undefined): Locale {
  const language = languageOf(tag);
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** A BCP 47 tag in canonical form (`da-dk` → `da-DK`), or undefined when it is not one. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    const canonical = Intl.getCanonicalLocales(tag.trim())[0];
    return canonical && canonical.length >= 2 && canonical.length <= MAX_TAG_LENGTH ? canonical : undefined;
  } catch {
    return undefined;
  }
}

const safeTags = new Map<string, string>();

/** A tag `Intl` accepts, for formatting: the canonical form, or English for a malformed or missing one. */
export function safeLocale(tag: string | null | undefined): string {
  if (!tag) return DEFAULT_LOCALE;
  let safe = safeTags.get(tag);
  if (safe === undefined) {
    safe = canonicalLocale(tag) ?? DEFAULT_LOCALE;
    // Tags come from boards and browsers: a handful in practice; the bound keeps junk from piling up.
    if (safeTags.size < 1000) safeTags.set(tag, safe);
  }
  return safe;
}

/**
 * Languages without a catalogue that read one of ours more easily than English. Norwegian
 * (Bokmål grew out of written Danish; Nynorsk readers manage too) gets Danish.
 */
const NEAREST: Readonly<Record<string, Locale>> = { nb: 'da', no: 'da', nn: 'da' };

/**
 * The UI language for a browser: the first of its preferred languages that has a catalogue
 * (`da-DK` → da, `sv-FI` → sv, `nb-NO` → da); English when none does.
 */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const language = languageOf(tag);
    if (isLocale(language)) return language;
    const nearest = NEAREST[language];
    if (nearest) return nearest;
  }
  return DEFAULT_LOCALE;
}

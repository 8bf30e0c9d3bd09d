/** Locales with a catalogue (`messages/<locale>.ts`, each of type `Messages`). */
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
 * Languages without a catalogue that read one of ours more easily than English. Norwegian
 * (Bokmål grew out of written Danish; Nynorsk readers manage too) gets Danish.
 */
const NEAREST: Readonly<Record<string, Locale>> = { nb: 'da', no: 'da', nn: 'da' };

/**
 * The first of the browser's preferred languages that has a catalogue (`da-DK` → da,
 * `sv-FI` → sv, `nb-NO` → da); English when none does.
 */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isLocale(base)) return base;
    const nearest = NEAREST[base];
    if (nearest) return nearest;
  }
  return DEFAULT_LOCALE;
}

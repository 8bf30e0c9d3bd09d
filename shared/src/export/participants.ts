import { CATALOGUES } from '../i18n/catalogue.ts';
import { safeLocale } from '../i18n/locales.ts';

/** The word an unnamed person shows as ("Guest", "Gæst", "Gäst"): a placeholder, never a participant's name. */
const GUEST_WORDS: ReadonlySet<string> = new Set(
  Object.values(CATALOGUES).map((messages) => messages['presence.guest'].toLocaleLowerCase()),
);

/**
 * The report's participants, for the in-app report and the server's report.html alike: the
 * names given, trimmed, once each (case does not make a second person), in the board locale's
 * order. Unnamed people are left out — an empty name or the guest placeholder of any language.
 */
export function reportParticipants(names: Iterable<string | null | undefined>, locale: string): string[] {
  const byKey = new Map<string, string>();
  for (const raw of names) {
    const name = raw?.trim();
    if (!name) continue;
    const key = name.toLocaleLowerCase();
    if (GUEST_WORDS.has(key) || byKey.has(key)) continue;
    byKey.set(key, name);
  }
  const collator = new Intl.Collator(safeLocale(locale));
  return [...byKey.values()].sort(collator.compare);
}

import { safeLocale, type Currency } from '@rejse/shared';
import { useBoard } from '../doc/BoardContext.tsx';

/**
 * The board's own locale and currency (document meta), for writing the board's numbers, money
 * and dates the way exports and the report do (`1.000.000` on a Danish board), whatever this
 * participant's UI language is (`useLocale()`, which is for words). A malformed tag reads as 'en'.
 */
export function useBoardLocale(): { locale: string; currency: Currency } {
  const locale = useBoard((b) => b.locale);
  const currency = useBoard((b) => b.currency);
  return { locale: safeLocale(locale), currency };
}

/** Locale-aware formatting shared by the exports; a malformed locale falls back to English. */

export const FALLBACK_LOCALE = 'en';

export function safeLocale(locale: string | undefined): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/** The decimal mark of a locale: ',' for da, sv, de…; '.' for en. */
export function decimalMark(locale: string): string {
  const part = new Intl.NumberFormat(safeLocale(locale)).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value ?? '.';
}

/** A number for people to read, e.g. 52,7 in Danish. */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(safeLocale(locale), { maximumFractionDigits }).format(value);
}

/** A signed emotion value: +2, 0, −1 (the locale decides the minus sign). */
export function formatSigned(value: number, locale: string): string {
  return new Intl.NumberFormat(safeLocale(locale), { signDisplay: 'exceptZero' }).format(value);
}

/** A calendar day stored as YYYY-MM-DD, written the locale's way; anything else is returned as is. */
export function formatDay(isoDay: string, locale: string, dateStyle: 'medium' | 'long' = 'medium'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) return isoDay;
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle, timeZone: 'UTC' }).format(date);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone; an unknown zone counts as UTC. */
export function dayOf(instant: Date, timeZone = 'UTC'): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    return instant.toISOString().slice(0, 10);
  }
  const parts = format.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

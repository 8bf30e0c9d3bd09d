/**
 * Numbers, money, percentages and dates through `Intl`, in a given locale (any BCP 47 tag; a
 * malformed one writes English). The UI, the exports and the report all format through these,
 * so a board's figures read the same everywhere: `1.000.000` and `12.500,50 kr.` on a Danish board.
 */
import type { Currency } from '../schema/board.ts';
import { languageOf, safeLocale } from './locales.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat`; a malformed locale or currency falls back to English / no style. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const tag = safeLocale(locale);
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(tag, options);
    } catch {
      format = new Intl.NumberFormat(tag);
    }
    numberFormats.set(key, format);
  }
  return format;
}

/** A number for people to read, e.g. 52,7 in Danish. */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 1): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A signed number: "+1.5", "0", "−0.3" (the locale decides the minus sign), e.g. emotion means. */
export function formatSigned(value: number, locale: string, maximumFractionDigits = 1): string {
  return numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits }).format(value);
}

/** A share written as a percentage: 0.43 → "43 %" in Danish, "43%" in English. */
export function formatPercent(share: number, locale: string, maximumFractionDigits = 1): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share);
}

/** An amount in a currency: 12500.5 DKK → "12.500,50 kr." in Danish. */
export function formatMoney(amount: number, locale: string, currency: string, maximumFractionDigits = 2): string {
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'symbol', maximumFractionDigits }).format(amount);
}

/** The currency's symbol in a locale ("kr.", "DKK", "€"). */
export function currencySymbol(locale: string, currency: string): string {
  const parts = numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'symbol' }).formatToParts(1);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

export interface Separators {
  group: string;
  decimal: string;
}

/** The grouping and decimal marks of a locale: `.` and `,` in Danish; `,` and `.` in English. */
export function separatorsOf(locale: string): Separators {
  const parts = numberFormat(locale).formatToParts(1234567.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** The decimal mark of a locale: ',' for da, sv, de…; '.' for en. */
export const decimalMark = (locale: string): string => separatorsOf(locale).decimal;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = safeLocale(locale);
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar day stored as YYYY-MM-DD, written the locale's way; anything else is returned as is. */
export function formatDay(isoDay: string, locale: string, dateStyle: 'medium' | 'long' = 'medium'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) return isoDay;
  return dateFormat(locale, { dateStyle, timeZone: 'UTC' }).format(date);
}

/** A date (and time) for people: "3 Mar 2026, 14:05" in English; '' for an invalid date. */
export function formatDateTime(value: string | number | Date, locale: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An instant's date for people, in this machine's time zone: "3. marts 2026" in Danish (long). */
export function formatDate(value: Date, locale: string, dateStyle: 'medium' | 'long' = 'medium'): string {
  return Number.isNaN(value.getTime()) ? '' : dateFormat(locale, { dateStyle }).format(value);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone; an unknown zone counts as UTC. */
export function dayOf(instant: Date, timeZone = 'UTC'): string {
  let format: Intl.DateTimeFormat;
  try {
    format = dateFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    return instant.toISOString().slice(0, 10);
  }
  const parts = format.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const CURRENCY_BY_LANGUAGE: Readonly<Record<string, Currency>> = {
  da: 'DKK',
  sv: 'SEK',
  nb: 'NOK',
  no: 'NOK',
  nn: 'NOK',
};

/** The currency a new board in `locale` starts with: DKK for Danish, SEK for Swedish, NOK for Norwegian, else EUR. */
export function defaultCurrencyFor(locale: string): Currency {
  return CURRENCY_BY_LANGUAGE[languageOf(locale)] ?? 'EUR';
}

/** A business value: whole units from 100 up (a yearly value in cents reads as false precision): "12.500.000 kr.". */
export function formatValueMoney(value: number, locale: string, currency: string): string {
  return formatMoney(value, locale, currency, Math.abs(value) >= 100 ? 0 : 2);
}

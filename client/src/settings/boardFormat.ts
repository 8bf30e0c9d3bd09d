/**
 * How a board's own locale writes numbers, money and dates (the exports and the report do the
 * same through `@rejse/shared`): a Danish board reads `1.000.000`, a Swedish one `1 000 000`.
 */
import { safeLocale, type Currency } from '@rejse/shared';

export interface BoardFormatExample {
  number: string;
  amount: string;
  date: string;
}

/** A sample of the board's formatting, for the settings dialog: a million, an amount and a date. */
export function boardFormatExample(locale: string, currency: string, date: Date): BoardFormatExample {
  const tag = safeLocale(locale);
  return {
    number: new Intl.NumberFormat(tag).format(1_000_000),
    amount: new Intl.NumberFormat(tag, { style: 'currency', currency }).format(12_500.5),
    date: new Intl.DateTimeFormat(tag, { dateStyle: 'long' }).format(date),
  };
}

const CURRENCY_BY_LANGUAGE: Readonly<Record<string, Currency>> = { da: 'DKK', sv: 'SEK', nb: 'NOK', no: 'NOK', nn: 'NOK' };

/** The currency a new board in `locale` starts with: DKK for Danish, SEK for Swedish, else EUR. */
export function defaultCurrencyFor(locale: string): Currency {
  return CURRENCY_BY_LANGUAGE[locale.toLowerCase().split(/[-_]/)[0] ?? ''] ?? 'EUR';
}

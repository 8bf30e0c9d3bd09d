/**
 * How a board's own locale writes numbers, money and dates, through the same `@rejse/shared`
 * helpers the exports and the report use: a Danish board reads `1.000.000`, a Swedish one `1 000 000`.
 */
import { formatDate, formatMoney, formatNumber } from '@rejse/shared';

export { defaultCurrencyFor } from '@rejse/shared';

export interface BoardFormatExample {
  number: string;
  amount: string;
  date: string;
}

/** A sample of the board's formatting, for the settings dialog: a million, an amount and a date. */
export function boardFormatExample(locale: string, currency: string, date: Date): BoardFormatExample {
  return {
    number: formatNumber(1_000_000, locale),
    amount: formatMoney(12_500.5, locale, currency),
    date: formatDate(date, locale, 'long'),
  };
}

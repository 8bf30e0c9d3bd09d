/**
 * The business case's sentences, rendered from message data (`BusinessText`) with the one
 * catalogue per language (`business.text.*` in `../i18n/messages`). The UI writes its own
 * language with the board's number format, so words and digits may follow different locales.
 */
import { translate, type MessageKey } from '../i18n/catalogue.ts';
import { formatNumber, formatPercent, formatValueMoney } from '../i18n/format.ts';
import type { BusinessArg, BusinessText } from './text.ts';

/** One argument as the reader expects it in `locale` (a number of years without its word). */
export function formatBusinessArg(arg: BusinessArg, locale: string, currency: string): string {
  if (typeof arg.value === 'string') return arg.value;
  switch (arg.type) {
    case 'money':
      return formatValueMoney(arg.value, locale, currency);
    case 'count':
      return formatNumber(arg.value, locale, 0);
    case 'percent':
      return formatPercent(arg.value, locale, 1);
    case 'years':
    case 'score':
    case 'text':
      return formatNumber(arg.value, locale, 1);
  }
}

/**
 * A business-case sentence in the language of `locale` (English when not da/sv). Numbers and
 * money follow `numberLocale` (default the same): the UI writes its own language with the
 * board's number format.
 */
export function renderBusinessText(message: BusinessText, locale: string, currency: string, numberLocale: string = locale): string {
  const params: Record<string, string> = {};
  for (const [name, arg] of Object.entries(message.args)) {
    const formatted = formatBusinessArg(arg, numberLocale, currency);
    // "år"/"years" (and its plural) belong to the sentence's language, the digits to the board's format.
    params[name] =
      arg.type === 'years' && typeof arg.value === 'number'
        ? translate(locale, 'business.years', { n: arg.value, count: formatted })
        : formatted;
  }
  const key: MessageKey = `business.text.${message.key}`;
  return translate(locale, key, params);
}

import { useCallback } from 'react';
import { useUiLocaleStore } from './uiLocale.ts';
import { formatMessage, type MessageParams } from './format.ts';
import type { Locale } from './locales.ts';
import { da } from './messages/da.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { sv } from './messages/sv.ts';

export type { MessageKey, MessageParams };

export { LOCALES, LOCALE_NAMES, DEFAULT_LOCALE, isLocale, preferredLocale, type Locale } from './locales.ts';

export const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, da, sv };

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(CATALOGUES[locale][key] ?? en[key], locale, params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `t` for the current locale outside React (commands, error reporting). */
export const t: Translate = (key, params) => translate(useUiLocaleStore.getState().locale, key, params);

/** `t` for the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useUiLocaleStore((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

export function useLocale(): Locale {
  return useUiLocaleStore((s) => s.locale);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date (and time) for people: "3 Mar 2026, 14:05" in the UI locale. */
export function formatDateTime(locale: Locale, value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/** A signed number such as "+1.5" or "−0.3" for emotion means. */
export function formatSigned(locale: Locale, value: number, digits = 1): string {
  return new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

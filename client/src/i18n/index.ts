/**
 * The UI's words: `t`/`useT` over the one catalogue per language in `@rejse/shared` (the same
 * entries the exports and the report use), in the participant's UI language (`uiLocale.ts`).
 */
import { useCallback } from 'react';
import { translate, type MessageKey, type Translate } from '@rejse/shared';
import { useUiLocaleStore } from './uiLocale.ts';
import type { Locale } from './locales.ts';

export type { MessageKey, Translate };

export { LOCALES, LOCALE_NAMES, isLocale, type Locale } from './locales.ts';
export { formatSigned, formatDateTime } from '@rejse/shared';

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

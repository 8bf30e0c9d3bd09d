import { create } from 'zustand';
import { isLocale, preferredLocale, type Locale } from './locales.ts';

/**
 * The UI language of this browser (not the board's locale): first visit from the browser's
 * languages, then the language menu's choice, kept in localStorage. It lives here, below
 * every page, so `t` needs nothing from the app.
 */
interface UiLocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LOCALE_KEY = 'rejse.locale';

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode); the browser preference is fine.
  }
  return preferredLocale(globalThis.navigator?.languages ?? []);
}

export const useUiLocaleStore = create<UiLocaleState>()((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, locale);
    } catch {
      // Not persisted; still switched for this tab.
    }
    set({ locale });
  },
}));

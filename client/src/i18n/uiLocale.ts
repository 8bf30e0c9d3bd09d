import { UI_LOCALE_KEY } from '@rejse/shared';
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

/** A year: the choice outlives the session, like the stored one. */
const COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** Tells the server the chosen language too, so a board's first paint (its loading screen) is in it. */
function shareWithServer(locale: Locale): void {
  if (typeof document === 'undefined') return;
  document.cookie = `${UI_LOCALE_KEY}=${locale}; path=/; max-age=${COOKIE_MAX_AGE_S}; SameSite=Lax`;
}

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(UI_LOCALE_KEY);
    if (isLocale(stored)) {
      shareWithServer(stored);
      return stored;
    }
  } catch {
    // Storage can be blocked (private mode); the browser preference is fine.
  }
  return preferredLocale(globalThis.navigator?.languages ?? []);
}

export const useUiLocaleStore = create<UiLocaleState>()((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    try {
      globalThis.localStorage?.setItem(UI_LOCALE_KEY, locale);
    } catch {
      // Not persisted; still switched for this tab.
    }
    shareWithServer(locale);
    set({ locale });
  },
}));

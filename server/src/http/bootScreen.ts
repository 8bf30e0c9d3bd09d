import { DEFAULT_LOCALE, isLocale, LOCALES, preferredLocale, translate, UI_LOCALE_KEY, type Locale } from '@rejse/shared';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import { getCookie } from 'hono/cookie';
import { escapeHtml } from './escape-html.ts';

/** Where the app mounts in the built index.html; the loading screen goes inside it. */
const ROOT = '<div id="root"></div>';

/** A board's page (`/b/<id>`, its to-do list, its report): what the loading screen is shown for. */
export const isBoardPage = (path: string): boolean => path.startsWith('/b/');

/**
 * The UI language for a request: the one chosen in this browser (its cookie), else the first of
 * its Accept-Language tags (read by Hono, most wanted first) that `preferredLocale` finds ours,
 * as the client picks from `navigator.languages`.
 */
export function requestLocale(c: Context): Locale {
  const chosen = getCookie(c, UI_LOCALE_KEY);
  if (isLocale(chosen)) return chosen;
  return accepts(c, {
    header: 'Accept-Language',
    supports: [...LOCALES],
    default: DEFAULT_LOCALE,
    match: (tags) =>
      preferredLocale(
        tags
          .filter((tag) => tag.q > 0 && tag.type !== '*')
          .sort((a, b) => b.q - a.q)
          .map((tag) => tag.type),
      ),
  }) as Locale;
}

/**
 * The board page as first painted: the app's own loading screen (the same markup and classes as
 * BoardPage's, whose styles are in the head) in the person's language, so a big board on a slow
 * machine shows "Loading board…" from the first paint instead of a blank page until the app's code
 * has run. React replaces it when it mounts. The page's `lang` says the same language.
 */
export function withBootScreen(html: string, locale: Locale): string {
  const screen =
    '<main class="board-loading" aria-busy="true"><div class="spinner" aria-hidden="true"></div>' +
    `<p>${escapeHtml(translate(locale, 'board.loading'))}</p></main>`;
  return html.replace(ROOT, `<div id="root">${screen}</div>`).replace(/<html lang="[^"]*">/, `<html lang="${locale}">`);
}

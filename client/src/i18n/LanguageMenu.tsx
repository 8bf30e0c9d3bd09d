import { useId } from 'react';
import { useUiLocaleStore } from './uiLocale.ts';
import { LOCALE_NAMES, LOCALES, isLocale, useLocale, useT } from './index.ts';
import './language-menu.css';

/**
 * This browser's UI language, switchable on every page. A native select: keyboard and
 * screen readers work as everywhere else, and each language is named in itself (with its
 * `lang`), so it can be found from any UI language. Switching only re-renders the text: the
 * board's live session and the board's own locale are untouched; the choice is kept in
 * localStorage (`uiStore.setLocale`).
 */
export function LanguageMenu({ className }: { className?: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  return (
    <div className={`language-menu${className ? ` ${className}` : ''}`}>
      <svg className="language-menu__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1.75a6.25 6.25 0 1 1 0 12.5 6.25 6.25 0 0 1 0-12.5zM1.75 8h12.5M8 1.75c1.7 1.7 2.5 3.8 2.5 6.25S9.7 12.55 8 14.25M8 1.75C6.3 3.45 5.5 5.55 5.5 8s.8 4.55 2.5 6.25" />
      </svg>
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="language-menu__select"
        value={locale}
        title={t('language.label')}
        onChange={(event) => {
          const next = event.target.value;
          if (isLocale(next)) useUiLocaleStore.getState().setLocale(next);
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}

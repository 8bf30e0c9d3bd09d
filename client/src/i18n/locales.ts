/** The UI languages: defined once in `@rejse/shared` (which also reads language tags). */
export { LOCALES, LOCALE_NAMES, isLocale, preferredLocale, type Locale } from '@rejse/shared';

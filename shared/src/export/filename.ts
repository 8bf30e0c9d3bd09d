/**
 * File names for exports: a slug of the board title, so a manager's downloads read
 * "collection-letters.csv" instead of "board.csv". ASCII only, so a Content-Disposition
 * header needs no encoding and every file system accepts it.
 */

/** Letters NFKD does not take apart, written the way Nordic readers spell them in ASCII. */
const TRANSLITERATE: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  þ: 'th',
  ð: 'd',
  œ: 'oe',
  ł: 'l',
};

/** Built from the table's keys (not a literal) so the server bundle stays ASCII: one non-ASCII regex makes V8 keep its whole source two bytes per character. */
const TRANSLITERATED = new RegExp(`[${Object.keys(TRANSLITERATE).join('')}]`, 'g');

export const DEFAULT_FILE_SLUG = 'journey-map';
const MAX_SLUG_LENGTH = 60;

/** "Inkasso: påmindelse før 1. rykker" → "inkasso-paamindelse-foer-1-rykker"; empty → the fallback. */
export function slugify(title: string, fallback: string = DEFAULT_FILE_SLUG): string {
  const slug = title
    .toLowerCase()
    .replace(TRANSLITERATED, (ch) => TRANSLITERATE[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `<slug>[-<suffix>].<extension>`, e.g. exportFileName('Collection letters', 'csv', 'actions'). */
export function exportFileName(title: string, extension: string, suffix?: string): string {
  const ext = extension.replace(/^\.+/, '').replace(/[^A-Za-z0-9.]/g, '') || 'txt';
  const tail = suffix ? `-${slugify(suffix, '')}`.replace(/-$/, '') : '';
  return `${slugify(title)}${tail}.${ext}`;
}

/**
 * The action list's CSV, named by its separator ("…-actions-semicolons.csv", "…-actions-commas.csv"),
 * so both kinds can sit in one download folder without the second overwriting the first.
 * The client's download and the server's Content-Disposition both name the file here.
 */
export function actionsCsvFileName(title: string, separator: ';' | ','): string {
  return exportFileName(title, 'csv', separator === ';' ? 'actions-semicolons' : 'actions-commas');
}

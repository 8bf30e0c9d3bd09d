/**
 * CSV for spreadsheets (RFC 4180): cells holding the separator, a quote, CR or LF are
 * quoted with inner quotes doubled; lines end in CRLF, the last one included.
 *
 * Formula injection: a spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab, CR or
 * LF as a formula, so every *text* cell starting with one of them gets a leading `'`
 * (OWASP's advice). The full-width signs (`＝＋－＠`) count too, since some spreadsheets fold
 * them to ASCII, and so does a sign behind spaces (NBSP and other Unicode spaces), zero-width
 * or direction characters or a BOM, which spreadsheets may trim or not show. Numbers are cells
 * of type `number`: they are written by us, never taken from user text, so a negative score
 * stays a number (`-2`) and is not neutralised. User text that looks like a number ("-2") is
 * text, and is neutralised like any other.
 */
import type { Board } from '../schema/board.ts';
import { DEFAULT_TOP_N, rankActions, topN as cut, type RankBy, type VoteCounts } from '../prioritize/rank.ts';
import { decimalMark, formatMessage, safeLocale } from '../i18n/index.ts';
import {
  DEFAULT_EXPORT_LABELS,
  ACTION_LIST_COLUMNS,
  valueLabelsFor,
  type ActionListColumn,
  type ExportLabels,
  type ValueLabels,
} from './labels.ts';
import { boardHasEffects, topTotal } from './value-columns.ts';

export type CsvSeparator = ';' | ',';
/** Text is user content (neutralised); numbers are ours (formatted); null/undefined is an empty cell. */
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  separator: CsvSeparator;
  /** Start with a UTF-8 byte order mark, so Excel reads æøåäö correctly. */
  bom: boolean;
  /** Decides the decimal mark of numbers when the separator is ';' (da, sv → ','). */
  locale?: string;
}

export const UTF8_BOM = '\uFEFF';
/**
 * A cell that starts a formula: any run of characters a spreadsheet may trim or not show
 * (Unicode spaces incl. NBSP, zero-width and direction marks, BOM), then a sign (ASCII or
 * full-width `＝＋－＠`) or a tab, CR or LF.
 */
const FORMULA_START =
  /^[\p{Zs}\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/u;

/** Prefixes `'` to text a spreadsheet would otherwise run as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function quoteCsvCell(text: string, separator: CsvSeparator): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A number as a spreadsheet in that locale parses it: no grouping, ASCII minus, and the
 * locale's decimal mark only with ';' (with ',' as separator the mark must be '.').
 * Non-finite numbers become an empty cell.
 */
export function formatCsvNumber(value: number, separator: CsvSeparator, locale?: string): string {
  if (!Number.isFinite(value)) return '';
  const plain = String(Object.is(value, -0) ? 0 : value);
  if (separator === ',' || !locale) return plain;
  const mark = decimalMark(locale);
  return mark === '.' ? plain : plain.replace('.', mark);
}

/** The separator Excel expects for a locale: ';' where the decimal mark is a comma. */
export function defaultCsvSeparator(locale: string): CsvSeparator {
  return decimalMark(locale) === ',' ? ';' : ',';
}

function cellText(cell: CsvCell, options: CsvOptions): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatCsvNumber(cell, options.separator, options.locale);
  return quoteCsvCell(neutraliseFormula(cell), options.separator);
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, options: CsvOptions): string {
  const body = rows.map((row) => `${row.map((cell) => cellText(cell, options)).join(options.separator)}\r\n`).join('');
  return (options.bom ? UTF8_BOM : '') + body;
}

export interface ActionListCsvOptions {
  votes?: VoteCounts;
  /** Default: ';' where the locale writes decimal commas, else ','. */
  separator?: CsvSeparator;
  /** Default: the board's locale. */
  locale?: string;
  /** Only the first N actions; default all. */
  topN?: number;
  /** Default 'manual': the facilitator's order, which is the score order until someone drags. */
  by?: RankBy;
  includeDropped?: boolean;
  /** Default true: the file is meant for Excel. */
  bom?: boolean;
  labels?: ExportLabels;
  /** Value columns (value a year, low, high, contacts avoided) and a total line; default: when any idea states an effect. */
  includeValue?: boolean;
  /** Words of the value columns; default by the locale. */
  valueLabels?: ValueLabels;
  /** How many actions the total line adds up when `topN` is not given; default 12. */
  totalOfTop?: number;
}

/** Linked pains share one cell. */
export const LINKED_PAINS_JOINER = '; ';

/**
 * The ranked action list as CSV with a header row (columns: `ACTION_LIST_COLUMNS`, then the
 * value columns when the board states effects, and a last line with the total of the top N).
 */
export function actionListCsv(board: Board, options: ActionListCsvOptions = {}): string {
  const locale = safeLocale(options.locale ?? board.locale);
  const separator = options.separator ?? defaultCsvSeparator(locale);
  const labels = options.labels ?? DEFAULT_EXPORT_LABELS;
  const ranked = rankActions(board, {
    by: options.by ?? 'manual',
    votes: options.votes,
    includeDropped: options.includeDropped,
  });
  const rows = options.topN === undefined ? ranked : cut(ranked, options.topN).top;
  const includeValue = options.includeValue ?? boardHasEffects(board);
  const valueLabels = options.valueLabels ?? valueLabelsFor(locale);
  const valueHeader = includeValue
    ? [valueLabels.columns.value, valueLabels.columns.valueLow, valueLabels.columns.valueHigh, valueLabels.columns.contactsAvoided]
    : [];
  const lines: CsvCell[][] = [[...ACTION_LIST_COLUMNS.map((column) => labels.columns[column]), ...valueHeader]];
  for (const row of rows) {
    const cells: Record<ActionListColumn, CsvCell> = {
      rank: row.rank,
      text: row.card.text,
      stage: row.stage.title,
      linkedPains: row.linkedPains.map((p) => p.text).join(LINKED_PAINS_JOINER),
      impact: row.card.impact,
      effort: row.card.effort,
      score: row.score,
      votes: row.votes,
      owner: row.card.owner,
      // ISO days are read as dates by spreadsheets in every locale.
      dueDate: row.card.dueDate,
      status: labels.status[row.status],
      quadrant: row.quadrant === null ? null : labels.quadrant[row.quadrant],
    };
    const value = row.businessCase.value;
    const valueCells: CsvCell[] = includeValue ? [value?.mid, value?.low, value?.high, row.businessCase.contactsAvoided] : [];
    lines.push([...ACTION_LIST_COLUMNS.map((column) => cells[column]), ...valueCells]);
  }
  if (includeValue && rows.length > 0) {
    // The total of the top N, in the value columns of a last line named after it.
    const total = topTotal(ranked, options.topN ?? options.totalOfTop ?? DEFAULT_TOP_N);
    const filler: CsvCell[] = ACTION_LIST_COLUMNS.map((column) =>
      column === 'text' ? formatMessage(valueLabels.totalOfTop, locale, { n: total.n }) : null,
    );
    lines.push([...filler, total.value?.mid, total.value?.low, total.value?.high, total.contactsAvoided]);
  }
  return toCsv(lines, { separator, bom: options.bom ?? true, locale });
}

/**
 * Hand-off to the team's tracker: the top N actions as a CSV file that Jira's and Azure
 * DevOps' CSV importers read, one work item per action.
 *
 * - Jira (System → External system import → CSV): `Summary`, `Description`, `Assignee`,
 *   `Due date` (yyyy-MM-dd; tell the importer that date format), and one `Labels` column per
 *   label (Jira reads repeated columns as a list; a label cannot hold spaces).
 * - Azure DevOps (Boards → Import work items): `Work Item Type` and `Title` are required;
 *   `Description` is HTML there, so the text is escaped and lines joined with `<br>`;
 *   `Assigned To`, `Due Date`, `Tags` (separated by "; ").
 * Header names stay English: the importers match them, whatever the board's language. The
 * description is written in the board's language, with the value in its currency.
 * Every cell goes through `toCsv` (formula-safe, RFC 4180); no byte-order mark, which the
 * importers would read as part of the first header.
 */
import type { Board } from '../schema/board.ts';
import { renderBusinessText } from '../business/render.ts';
import { DEFAULT_TOP_N, rankActions, topN as cut, type ActionRow, type RankBy, type VoteCounts } from '../prioritize/rank.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { formatMessage, formatNumber, formatValueMoney, safeLocale } from '../i18n/index.ts';
import { valueLabelsFor, type ValueLabels } from './labels.ts';

export const TRACKER_LAYOUTS = ['jira', 'azure-devops'] as const;
export type TrackerLayout = (typeof TRACKER_LAYOUTS)[number];

export interface TrackerCsvOptions {
  layout: TrackerLayout;
  /** How many actions to hand off; default 12. */
  topN?: number;
  /** Default 'manual': the facilitator's order. */
  by?: RankBy;
  votes?: VoteCounts;
  /** Azure DevOps work item type; default 'Issue' (it has a Due Date field in the Agile and Basic processes). */
  workItemType?: string;
  /** Default: the board's locale (words and money in the description). */
  locale?: string;
}

/** A label Jira accepts (no spaces) and Azure DevOps reads as a tag: "Customer contact" → "customer-contact". */
export function trackerLabel(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s,;]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function labelsOf(row: ActionRow): string[] {
  const labels = ['rejse', trackerLabel(row.stage.title), row.quadrant ?? ''].filter((l) => l !== '');
  return [...new Set(labels)];
}

/** The description's lines: what the action is, the pains, the value and how it is worked out. */
export function trackerDescription(row: ActionRow, total: number, board: Board, locale: string, labels: ValueLabels): string[] {
  const words = labels.tracker;
  const lines = [formatMessage(words.rank, locale, { n: row.rank, total }), `${words.stage}: ${row.stage.title}`];
  if (row.linkedPains.length > 0) {
    lines.push(`${words.linkedPains}:`, ...row.linkedPains.map((p) => `- ${p.text}`));
  }
  const { value, formula, missing } = row.businessCase;
  if (value) {
    const money = (n: number): string => formatValueMoney(n, locale, board.currency);
    lines.push(
      `${words.value}: ${money(value.mid)} (${formatMessage(labels.range, locale, { low: money(value.low), high: money(value.high) })})`,
    );
  }
  if (formula.length > 0) lines.push(`${words.formula}:`, ...formula.map((f) => `- ${renderBusinessText(f, locale, board.currency)}`));
  if (missing.length > 0) lines.push(`${words.missing}:`, ...missing.map((m) => `- ${renderBusinessText(m, locale, board.currency)}`));
  lines.push(`${words.score}: ${formatNumber(row.score, locale)}`, formatMessage(words.source, locale, { board: board.title }));
  return lines;
}

/** Both trackers cap a summary/title at 255 characters. */
export const TRACKER_SUMMARY_MAX = 255;
const summaryOf = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= TRACKER_SUMMARY_MAX ? flat : `${flat.slice(0, TRACKER_SUMMARY_MAX - 1)}…`;
};

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The top N actions as a CSV file for Jira's or Azure DevOps' importer (see the module comment). */
export function trackerCsv(board: Board, options: TrackerCsvOptions): string {
  const locale = safeLocale(options.locale ?? board.locale);
  const labels = valueLabelsFor(locale);
  const ranked = rankActions(board, { by: options.by ?? 'manual', votes: options.votes });
  const { top } = cut(ranked, options.topN ?? DEFAULT_TOP_N);
  const rows: CsvCell[][] = [];
  if (options.layout === 'jira') {
    const labelColumns = Math.max(1, ...top.map((row) => labelsOf(row).length));
    rows.push(['Summary', 'Description', 'Assignee', 'Due date', ...Array.from({ length: labelColumns }, () => 'Labels')]);
    for (const row of top) {
      const rowLabels = labelsOf(row);
      rows.push([
        summaryOf(row.card.text),
        trackerDescription(row, top.length, board, locale, labels).join('\n'),
        row.card.owner,
        row.card.dueDate,
        ...Array.from({ length: labelColumns }, (_, i) => rowLabels[i]),
      ]);
    }
  } else {
    rows.push(['Work Item Type', 'Title', 'Description', 'Assigned To', 'Due Date', 'Tags']);
    for (const row of top) {
      rows.push([
        options.workItemType ?? 'Issue',
        summaryOf(row.card.text),
        trackerDescription(row, top.length, board, locale, labels).map(escapeHtml).join('<br>'),
        row.card.owner,
        row.card.dueDate,
        labelsOf(row).join('; '),
      ]);
    }
  }
  return toCsv(rows, { separator: ',', bom: false });
}

/**
 * Markdown exports (CommonMark + GitHub tables). User text never becomes markup: every
 * character Markdown or HTML could read as syntax is backslash-escaped, a line that could
 * open a block (list, heading, quote) is defused, and line breaks become `<br>` so a text
 * stays inside its table cell or list item.
 */
import type { Board } from '../schema/board.ts';
import type { Card } from '../schema/card.ts';
import { painLinks, stageSeverities } from '../prioritize/pains.ts';
import { rankActions, statusOf, topN as cut, DEFAULT_TOP_N, type ActionRow, type RankBy, type VoteCounts } from '../prioritize/rank.ts';
import { formatDueDay } from '../dunning/days.ts';
import { dunningMarkdown } from './dunning.ts';
import { personaOf } from './persona.ts';
import { formatDay, formatMessage, formatNumber, formatSigned, formatValueMoney, safeLocale, type MessageParams } from '../i18n/index.ts';
import {
  ACTION_LIST_COLUMNS,
  DEFAULT_EXPORT_LABELS,
  valueLabelsFor,
  type ActionListColumn,
  type ExportLabels,
  type ValueLabels,
} from './labels.ts';
import { boardHasEffects, topTotal } from './value-columns.ts';

/** ASCII punctuation that Markdown, GitHub tables or inline HTML give a meaning to. */
const INLINE_SPECIAL = /[\\`*_[\]<>|#~&!]/g;
/** Starts of a line that would open a list item, thematic break or heading. */
const BLOCK_START = /^(\s*)([-+=]|\d+(?=[.)]))/;

/** Escapes user text for use inside a Markdown line, a list item or a table cell. */
export function escapeMarkdown(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(INLINE_SPECIAL, '\\$&')
        // "1." / "1)" → "1\." ; "-", "+", "=" → "\-" … so no line opens a block.
        .replace(BLOCK_START, (_m, space: string, marker: string) => (/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`)),
    )
    .join('<br>');
}

/** Stands for already-escaped user text while a catalogue phrase around it is escaped. */
const SLOT = '\uE000';

/**
 * A catalogue phrase for a Markdown line: its own words escaped, and `escaped` (user text,
 * escaped by the caller) put in afterwards, so neither is escaped twice.
 */
function phrase(template: string, locale: string, params: MessageParams, escaped: Readonly<Record<string, string>> = {}): string {
  const names = Object.keys(escaped);
  const slots = Object.fromEntries(names.map((name, i) => [name, `${SLOT}${i}${SLOT}`]));
  let text = escapeMarkdown(formatMessage(template, locale, { ...params, ...slots }));
  names.forEach((name, i) => {
    text = text.replaceAll(`${SLOT}${i}${SLOT}`, escaped[name] ?? '');
  });
  return text;
}

export interface MarkdownOptions {
  votes?: VoteCounts;
  labels?: ExportLabels;
  /** Default: the board's locale. */
  locale?: string;
}

export interface ActionListMarkdownOptions extends MarkdownOptions {
  /** Where the cut line goes; default 12. */
  topN?: number;
  /** Default 'manual': the facilitator's order, which is the score order until someone drags. */
  by?: RankBy;
  includeDropped?: boolean;
  /** A value column and the total of the top N; default: when any idea states an effect. */
  includeValue?: boolean;
  valueLabels?: ValueLabels;
}

/** Where the business case goes into a Markdown table: the board's currency and the words. */
interface ValueColumn {
  currency: string;
  labels: ValueLabels;
}

const RIGHT_ALIGNED = new Set<ActionListColumn>(['rank', 'impact', 'effort', 'score', 'votes']);

function actionTable(rows: readonly ActionRow[], labels: ExportLabels, locale: string, value?: ValueColumn): string[] {
  const valueHeader = value ? ` ${escapeMarkdown(value.labels.columns.value)} |` : '';
  const header = `| ${ACTION_LIST_COLUMNS.map((c) => escapeMarkdown(labels.columns[c])).join(' | ')} |${valueHeader}`;
  const align = `|${ACTION_LIST_COLUMNS.map((c) => (RIGHT_ALIGNED.has(c) ? ' ---: ' : ' --- ')).join('|')}|${value ? ' ---: |' : ''}`;
  const lines = [header, align];
  const num = (n: number | undefined): string => (n === undefined ? '' : formatNumber(n, locale));
  for (const row of rows) {
    const cells: Record<ActionListColumn, string> = {
      rank: num(row.rank),
      text: escapeMarkdown(row.card.text) || escapeMarkdown(labels.phrases.untitled),
      stage: escapeMarkdown(row.stage.title),
      linkedPains: row.linkedPains.map((p) => escapeMarkdown(p.text)).join('; '),
      impact: num(row.card.impact),
      effort: num(row.card.effort),
      score: num(row.score),
      votes: num(row.votes),
      owner: escapeMarkdown(row.card.owner ?? ''),
      dueDate: row.card.dueDate ? escapeMarkdown(formatDay(row.card.dueDate, locale)) : '',
      status: escapeMarkdown(labels.status[row.status]),
      quadrant: row.quadrant === null ? '' : escapeMarkdown(labels.quadrant[row.quadrant]),
    };
    const mid = row.businessCase.value?.mid;
    const valueCell = value ? ` ${mid === undefined ? '' : escapeMarkdown(formatValueMoney(mid, locale, value.currency))} |` : '';
    lines.push(`| ${ACTION_LIST_COLUMNS.map((c) => cells[c]).join(' | ')} |${valueCell}`);
  }
  return lines;
}

/** The ranked action list: a table of the top N, a cut line, and a table of the rest. */
export function actionListMarkdown(board: Board, options: ActionListMarkdownOptions = {}): string {
  const labels = options.labels ?? DEFAULT_EXPORT_LABELS;
  const locale = safeLocale(options.locale ?? board.locale);
  const rows = rankActions(board, {
    by: options.by ?? 'manual',
    votes: options.votes,
    includeDropped: options.includeDropped,
  });
  const { top, rest } = cut(rows, options.topN ?? DEFAULT_TOP_N);
  const out = [
    `# ${escapeMarkdown(board.title) || escapeMarkdown(labels.phrases.untitled)}`,
    '',
    `## ${escapeMarkdown(labels.headings.actionList)}`,
    '',
  ];
  if (rows.length === 0) {
    out.push(`_${escapeMarkdown(labels.phrases.noActions)}_`, '');
    return out.join('\n');
  }
  const value: ValueColumn | undefined =
    (options.includeValue ?? boardHasEffects(board))
      ? { currency: board.currency, labels: options.valueLabels ?? valueLabelsFor(locale) }
      : undefined;
  if (top.length > 0) {
    out.push(`### ${phrase(labels.headings.top, locale, { n: top.length })}`, '');
    out.push(...actionTable(top, labels, locale, value), '');
    const total = value ? topTotal(top, top.length).value : null;
    if (value && total) {
      const money = (n: number): string => formatValueMoney(n, locale, value.currency);
      const range = formatMessage(value.labels.range, locale, { low: money(total.low), high: money(total.high) });
      out.push(
        `**${phrase(value.labels.totalOfTop, locale, { n: top.length })}:** ${escapeMarkdown(`${money(total.mid)} (${range})`)}`,
        '',
      );
    }
  }
  if (rest.length > 0) {
    out.push('---', '', `### ${escapeMarkdown(labels.headings.belowLine)}`, '');
    out.push(...actionTable(rest, labels, locale, value), '');
  }
  return out.join('\n');
}

export interface BoardMarkdownOptions extends MarkdownOptions {
  /** When given, a "generated on" line with this date. */
  generatedAt?: Date;
}

/** The whole map as a document: title, persona, then per stage its touchpoints, pains and ideas. */
export function boardMarkdown(board: Board, options: BoardMarkdownOptions = {}): string {
  const labels = options.labels ?? DEFAULT_EXPORT_LABELS;
  const locale = safeLocale(options.locale ?? board.locale);
  const severities = stageSeverities(board);
  const { painsOfIdea } = painLinks(board);
  const out = [`# ${escapeMarkdown(board.title) || escapeMarkdown(labels.phrases.untitled)}`, ''];
  if (options.generatedAt) {
    const day = options.generatedAt.toISOString().slice(0, 10);
    out.push(`_${phrase(labels.phrases.generated, locale, { date: formatDay(day, locale, 'long') })}_`, '');
  }
  const persona = personaOf(board);
  if (persona) {
    const details = [persona.segment, persona.description].map((t) => escapeMarkdown(t)).filter(Boolean);
    out.push(
      `**${escapeMarkdown(labels.headings.persona)}:** ${escapeMarkdown(persona.name)}${details.length ? ` — ${details.join(' — ')}` : ''}`,
      '',
    );
  }
  const item = (text: string, extra: string[]): string =>
    `- ${escapeMarkdown(text) || escapeMarkdown(labels.phrases.untitled)}${extra.length ? ` — ${extra.join(' · ')}` : ''}`;
  board.stages.forEach((stage) => {
    const cards = board.cards.filter((c) => c.stageId === stage.id);
    const of = (kind: Card['kind']): Card[] => cards.filter((c) => c.kind === kind);
    out.push(`## ${escapeMarkdown(stage.title) || escapeMarkdown(labels.phrases.untitled)}`, '');
    const sections: Array<[string, string[]]> = [
      [
        labels.headings.touchpoints,
        of('touchpoint').map((c) => {
          const extra: string[] = [];
          // The time view: the touchpoint's day relative to the due date (D−14, D0, D+12).
          if (c.dayOffset !== undefined) extra.push(escapeMarkdown(formatDueDay(c.dayOffset)));
          if (c.channel) extra.push(escapeMarkdown(labels.channel[c.channel]));
          else if (c.customChannel) extra.push(escapeMarkdown(c.customChannel));
          if (c.emotion !== undefined) {
            const label = labels.emotion[String(c.emotion) as keyof ExportLabels['emotion']];
            extra.push(phrase(labels.phrases.emotion, locale, { label, value: formatSigned(c.emotion, locale) }));
          }
          if (c.thought) extra.push(phrase(labels.phrases.thought, locale, {}, { text: escapeMarkdown(c.thought) }));
          return item(c.text, extra);
        }),
      ],
      [
        labels.headings.pains,
        of('pain').map((c) => item(c.text, [phrase(labels.phrases.severity, locale, { n: severities.get(c.stageId) ?? 1 })])),
      ],
      [
        labels.headings.ideas,
        of('idea').map((c) => {
          const pains = painsOfIdea.get(c.id) ?? [];
          const extra = [escapeMarkdown(labels.status[statusOf(c)])];
          if (pains.length) {
            const list = pains.map((p) => escapeMarkdown(p.text)).join('; ');
            extra.push(phrase(labels.phrases.addresses, locale, {}, { list }));
          }
          return item(c.text, extra);
        }),
      ],
    ];
    const filled = sections.filter(([, items]) => items.length > 0);
    if (filled.length === 0) out.push(`_${escapeMarkdown(labels.phrases.emptyStage)}_`, '');
    for (const [heading, items] of filled) out.push(`### ${escapeMarkdown(heading)}`, '', ...items, '');
  });
  out.push(...dunningMarkdown(board, options.locale));
  return out.join('\n');
}

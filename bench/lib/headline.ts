/**
 * The headline: the figures issue 15 set targets for, all three servers side by side, the ratios
 * Rejse ÷ peer, and whether each target (a ratio to y-websocket) is met in this run.
 */
import type { ScenarioId } from '../scenarios.ts';
import type { BenchConfig } from './config.ts';
import { formatValue, type ServerRuns, type ServerValues } from './report.ts';
import { SERVER_LABELS, type ServerKind } from './servers.ts';
import { median } from './stats.ts';

interface HeadlineRow {
  label: (config: BenchConfig) => string;
  scenario: ScenarioId;
  key: string;
  format: 'ms' | 'mib';
  /** Target: Rejse ≤ target × y-websocket; undefined for a context row. */
  target?: number;
  /** Take the median over every scenario's runs of `key` (RSS at rest is measured before each). */
  pooled?: boolean;
}

const HEADLINE_ROWS: readonly HeadlineRow[] = [
  {
    label: (c) => `1 room × ${c.oneRoom.clients} clients, fan-out p99`,
    scenario: 'one-room',
    key: 'p99',
    format: 'ms',
  },
  {
    label: () => 'server CPU per 1,000 deliveries (that room)',
    scenario: 'one-room',
    key: 'serverCpuPerKDeliveries',
    format: 'ms',
    target: 1,
  },
  {
    label: (c) => `${c.manyRooms.rooms} rooms × ${c.manyRooms.clientsPerRoom} clients, p99`,
    scenario: 'many-rooms',
    key: 'p99',
    format: 'ms',
    target: 1,
  },
  {
    label: (c) => `joining ${c.oneRoom.clients} clients to one room`,
    scenario: 'one-room',
    key: 'connectMs',
    format: 'ms',
    target: 1,
  },
  {
    label: (c) => `cold join of a ${c.coldJoin.cards.toLocaleString('en')}-card board`,
    scenario: 'cold-join',
    key: 'joinMedian',
    format: 'ms',
    target: 0.7,
  },
  {
    label: () => 'resident memory before any room',
    scenario: 'one-room',
    key: 'rssBaseline',
    format: 'mib',
    target: 1.2,
    pooled: true,
  },
];

export interface HeadlineFigure {
  label: string;
  values: Partial<Record<ServerKind, number>>;
  ratioToYWebsocket?: number;
  ratioToHocuspocus?: number;
  target?: number;
  met?: boolean;
}

type Results = Record<string, { values: ServerValues; runs: ServerRuns } | undefined>;

function figureOf(row: HeadlineRow, results: Results, kind: ServerKind): number | undefined {
  if (row.pooled) {
    const all = Object.values(results).flatMap((entry) => (entry?.runs[kind] ?? []).map((run) => run[row.key]));
    const numbers = all.filter((v): v is number => v !== undefined && !Number.isNaN(v));
    return numbers.length ? median(numbers) : undefined;
  }
  return results[row.scenario]?.values[kind]?.[row.key];
}

const ratioOf = (ours: number | undefined, theirs: number | undefined): number | undefined =>
  ours !== undefined && theirs !== undefined && theirs > 0 && !Number.isNaN(ours) && !Number.isNaN(theirs) ? ours / theirs : undefined;

export function headlineFigures(config: BenchConfig, results: Results): HeadlineFigure[] {
  return HEADLINE_ROWS.map((row) => {
    const values: Partial<Record<ServerKind, number>> = {};
    for (const kind of ['ywebsocket', 'hocuspocus', 'rejse'] as const) {
      const value = figureOf(row, results, kind);
      if (value !== undefined) values[kind] = value;
    }
    const ratioToYWebsocket = ratioOf(values.rejse, values.ywebsocket);
    const ratioToHocuspocus = ratioOf(values.rejse, values.hocuspocus);
    return {
      label: row.label(config),
      values,
      ...(ratioToYWebsocket !== undefined ? { ratioToYWebsocket } : {}),
      ...(ratioToHocuspocus !== undefined ? { ratioToHocuspocus } : {}),
      ...(row.target !== undefined ? { target: row.target } : {}),
      ...(row.target !== undefined && ratioToYWebsocket !== undefined ? { met: ratioToYWebsocket <= row.target } : {}),
    };
  });
}

function cells(config: BenchConfig, figures: HeadlineFigure[]): { header: string[]; rows: string[][] } {
  const format = (figure: HeadlineFigure, kind: ServerKind) => {
    const row = HEADLINE_ROWS.find((r) => r.label(config) === figure.label);
    return formatValue(figure.values[kind], row?.format ?? 'ms');
  };
  const r = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));
  return {
    header: [
      '',
      SERVER_LABELS.ywebsocket,
      SERVER_LABELS.hocuspocus,
      SERVER_LABELS.rejse,
      'Rejse ÷ y-websocket',
      'Rejse ÷ Hocuspocus',
      'target (÷ y-websocket)',
      'met',
    ],
    rows: figures.map((f) => [
      f.label,
      format(f, 'ywebsocket'),
      format(f, 'hocuspocus'),
      format(f, 'rejse'),
      r(f.ratioToYWebsocket),
      r(f.ratioToHocuspocus),
      f.target === undefined ? '' : `≤ ${f.target}`,
      f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    ]),
  };
}

export function headlineText(config: BenchConfig, figures: HeadlineFigure[]): string {
  const { header, rows } = cells(config, figures);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function headlineMarkdown(config: BenchConfig, figures: HeadlineFigure[]): string {
  const { header, rows } = cells(config, figures);
  return [header, header.map((_, i) => (i === 0 ? '---' : '---:')), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

import type { MetricDef, Scenario } from '../scenarios.ts';
import { SERVER_LABELS, type ServerKind } from './servers.ts';
import { MiB } from './stats.ts';

export type ServerValues = Partial<Record<ServerKind, Record<string, number>>>;
/** Every repetition's figures per server, for the spread shown next to timings. */
export type ServerRuns = Partial<Record<ServerKind, Record<string, number>[]>>;

/** "(min–max)" over the repetitions, for timings only, when there was more than one run. */
function spread(metric: MetricDef, runs: Record<string, number>[] | undefined): string {
  if (metric.format !== 'ms' || !runs || runs.length < 2) return '';
  const values = runs.map((r) => r[metric.key]).filter((v): v is number => v !== undefined && !Number.isNaN(v));
  if (values.length < 2) return '';
  const short = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
  return ` (${short(Math.min(...values))}–${short(Math.max(...values))})`;
}

const PEERS: readonly ServerKind[] = ['ywebsocket', 'hocuspocus'];

export function formatValue(value: number | undefined, format: MetricDef['format']): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  switch (format) {
    case 'ms':
      return value < 10 ? `${value.toFixed(2)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`;
    case 'int':
      return value.toFixed(0);
    case 'rate':
      return value.toFixed(0);
    case 'pct':
      return `${value.toFixed(1)} %`;
    case 'mib':
      return `${(value / MiB).toFixed(1)} MiB`;
    case 'kib':
      return `${(value / 1024).toFixed(1)} KiB`;
    case 'bool':
      return value ? 'yes' : 'NO';
    case 'load':
      return value.toFixed(2);
  }
}

/** Rejse ÷ peer, marked ✓ when that favours Rejse and ✗ when it does not. */
export function ratio(metric: MetricDef, ours: number | undefined, theirs: number | undefined): { value: number; text: string } {
  // A ratio of differences that can be zero or negative says nothing; show none.
  if (
    !metric.better ||
    ours === undefined ||
    theirs === undefined ||
    Number.isNaN(ours) ||
    Number.isNaN(theirs) ||
    theirs <= 0 ||
    ours < 0
  ) {
    return { value: Number.NaN, text: '' };
  }
  const value = ours / theirs;
  const better = metric.better === 'lower' ? value < 1 : value > 1;
  const same = Math.abs(value - 1) < 0.005;
  return { value, text: `${value.toFixed(2)}${same ? '' : better ? ' ✓' : ' ✗'}` };
}

interface Table {
  header: string[];
  rows: string[][];
}

function buildTable(scenario: Scenario, values: ServerValues, kinds: readonly ServerKind[], runs: ServerRuns = {}): Table {
  const peers = PEERS.filter((p) => kinds.includes(p));
  const withRatios = kinds.includes('rejse');
  const header = ['metric', 'better', ...kinds.map((k) => SERVER_LABELS[k])];
  if (withRatios) for (const p of peers) header.push(`Rejse ÷ ${SERVER_LABELS[p]}`);
  const rows = scenario.metrics.map((metric) => {
    const row = [
      metric.label,
      metric.better ?? '',
      ...kinds.map((k) => formatValue(values[k]?.[metric.key], metric.format) + spread(metric, runs[k])),
    ];
    if (withRatios) for (const p of peers) row.push(ratio(metric, values.rejse?.[metric.key], values[p]?.[metric.key]).text);
    return row;
  });
  return { header, rows };
}

export function textTable(scenario: Scenario, values: ServerValues, kinds: readonly ServerKind[], runs: ServerRuns = {}): string {
  const { header, rows } = buildTable(scenario, values, kinds, runs);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(scenario: Scenario, values: ServerValues, kinds: readonly ServerKind[], runs: ServerRuns = {}): string {
  const { header, rows } = buildTable(scenario, values, kinds, runs);
  const align = header.map((_, i) => (i < 2 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export const RATIO_LEGEND =
  'Timings show the median over the repetitions, with (fastest–slowest run) after it. Ratio = Rejse ÷ peer (of the medians). "better" says which way wins: for "lower" a ratio below 1 favours Rejse, ' +
  'for "higher" a ratio above 1 does (✓ Rejse better, ✗ Rejse worse).';

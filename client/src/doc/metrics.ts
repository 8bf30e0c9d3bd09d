import { formatMoney, formatPercent, formatSigned, numberFormat, separatorsOf, type TouchpointMetrics } from '@rejse/shared';

export { currencySymbol } from '@rejse/shared';

/**
 * Touchpoint figures as people type and read them: parsed and formatted with `Intl` in the
 * board's locale (a Danish board reads "1.000.000" and "12,50 kr."), stored as plain numbers.
 * Pure functions; the inspector and the card face use them.
 */
export type MetricKey = keyof TouchpointMetrics;

export interface MetricSpec {
  key: MetricKey;
  /** How the value is shown: a count, money in the board's currency, a percentage, a score. */
  unit: 'count' | 'money' | 'percent' | 'score';
  /** Bounds of the value as shown (a rate of 0.43 is shown, typed and bounded as 43). */
  min: number;
  max: number;
  integer: boolean;
  /** stored = shown × scale (responseRate is stored as 0…1 and shown as 0…100 %). */
  scale: number;
}

export const METRIC_SPECS: readonly MetricSpec[] = [
  { key: 'yearlyVolume', unit: 'count', min: 0, max: 1e12, integer: true, scale: 1 },
  { key: 'costPerContact', unit: 'money', min: 0, max: 1e9, integer: false, scale: 1 },
  { key: 'responseRate', unit: 'percent', min: 0, max: 100, integer: false, scale: 0.01 },
  { key: 'nps', unit: 'score', min: -100, max: 100, integer: true, scale: 1 },
  { key: 'csat', unit: 'percent', min: 0, max: 100, integer: false, scale: 1 },
];

export const metricSpec = (key: MetricKey): MetricSpec => METRIC_SPECS.find((s) => s.key === key) as MetricSpec;

export type NumberProblem = 'not-a-number' | 'below-min' | 'above-max' | 'not-whole';

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; problem: NumberProblem };

const SPACES = /[\s\u00a0\u202f\u2009']/g;
const MINUS = /^[-\u2212\u2013]/;
/** Units people type around a number; they carry no meaning the field does not already have. */
const UNIT_WORDS = /(%|‰|kr\.?|dkr|skr|nkr|dkk|sek|nok|eur|usd|€|\$)/gi;

/**
 * A number typed in `locale`. Spaces and unit words ("kr.", "%") are ignored. With both "."
 * and "," present, the last one is the decimal point ("1.234,5" and "1,234.5" both work).
 * With one of them, repeated, it groups thousands ("1.000.000"); once, it is the decimal
 * point if it is the locale's ("12,5" on a Danish board), else a thousands separator when
 * three digits follow ("1.500" → 1500 on a Danish board, "1,500" on an English one) and a
 * decimal point otherwise, so figures pasted from elsewhere still parse. Empty is `null`.
 */
export function parseLocaleNumber(text: string, locale: string): ParsedNumber {
  let s = text.replace(UNIT_WORDS, '').replace(SPACES, '');
  if (s === '') return { ok: true, value: null };
  let negative = false;
  if (MINUS.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const { decimal } = separatorsOf(locale);
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  if (hasDot && hasComma) {
    const point = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = point === '.' ? ',' : '.';
    const [whole = '', fraction, ...rest] = s.split(point);
    if (rest.length > 0 || !isGrouped(whole, group)) return { ok: false, problem: 'not-a-number' };
    s = `${whole.split(group).join('')}.${fraction ?? ''}`;
  } else if (hasDot || hasComma) {
    const mark = hasDot ? '.' : ',';
    const pieces = s.split(mark);
    if (pieces.length > 2) {
      if (!isGrouped(s, mark)) return { ok: false, problem: 'not-a-number' };
      s = pieces.join('');
    } else if (mark !== decimal && isGrouped(s, mark)) {
      s = pieces.join('');
    } else {
      s = pieces.join('.');
    }
  }
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(s)) return { ok: false, problem: 'not-a-number' };
  const value = Number(s) * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** "1.000.000" grouped by `mark` in threes (a lone "1000" counts as grouped too). */
function isGrouped(text: string, mark: string): boolean {
  const [head = '', ...groups] = text.split(mark);
  return /^\d{1,3}$/.test(head) ? groups.every((g) => /^\d{3}$/.test(g)) : groups.length === 0 && /^\d+$/.test(head);
}

/** A typed metric checked against its spec; `value` is what gets stored (percent scaled back). */
export function parseMetric(spec: MetricSpec, text: string, locale: string): ParsedNumber {
  const parsed = parseLocaleNumber(text, locale);
  if (!parsed.ok || parsed.value === null) return parsed;
  const shown = parsed.value;
  if (shown < spec.min) return { ok: false, problem: 'below-min' };
  if (shown > spec.max) return { ok: false, problem: 'above-max' };
  if (spec.integer && !Number.isInteger(shown)) return { ok: false, problem: 'not-whole' };
  return { ok: true, value: roundStored(shown * spec.scale) };
}

/** Avoids 0.43 × 100 = 43.00000000000001 round trips. */
const roundStored = (value: number): number => Math.round(value * 1e9) / 1e9;

/** The stored value as it stands in the input: "1,000,000", "12.5", "43" (the unit is beside the field). */
export function formatMetricInput(spec: MetricSpec, stored: number | undefined, locale: string): string {
  if (stored === undefined) return '';
  const shown = roundStored(stored / spec.scale);
  return numberFormat(locale, { maximumFractionDigits: spec.integer ? 0 : 2, useGrouping: true }).format(shown);
}

/**
 * A metric for reading, e.g. on a card: "1M", "35.50 kr.", "43%", "NPS −27" is built by the
 * caller from these parts. `compact` shortens large counts ("1 mio.").
 */
export function formatMetric(
  spec: MetricSpec,
  stored: number,
  locale: string,
  currency: string,
  { compact = false }: { compact?: boolean } = {},
): string {
  const shown = roundStored(stored / spec.scale);
  switch (spec.unit) {
    case 'count':
      return numberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }).format(shown);
    case 'money':
      return formatMoney(shown, locale, currency, compact && shown >= 100 ? 0 : 2);
    case 'percent':
      return formatPercent(shown / 100, locale);
    case 'score':
      return formatSigned(shown, locale, 0);
  }
}

/** An example of a valid entry in the board's locale, for validation messages ("1.000.000"). */
export function metricExample(spec: MetricSpec, locale: string): string {
  const example = spec.unit === 'count' ? 1_000_000 : spec.unit === 'money' ? 12.5 : spec.unit === 'percent' ? 43 : -27;
  return numberFormat(locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: spec.unit === 'money' ? 2 : 0,
  }).format(example);
}

import { describe, expect, it } from 'vitest';
import { currencySymbol, formatMetric, formatMetricInput, metricSpec, parseLocaleNumber, parseMetric } from './metrics.ts';

const value = (text: string, locale: string) => {
  const parsed = parseLocaleNumber(text, locale);
  return parsed.ok ? parsed.value : parsed.problem;
};

describe('numbers typed in the board’s locale', () => {
  it('reads an English board’s grouping and decimal point', () => {
    expect(value('1,000,000', 'en')).toBe(1_000_000);
    expect(value('1,000,000.50', 'en')).toBe(1_000_000.5);
    expect(value('12.5', 'en')).toBe(12.5);
    expect(value('800000', 'en')).toBe(800_000);
  });

  it('reads a Danish board’s dots as thousands and its comma as the decimal point', () => {
    expect(value('1.000.000', 'da')).toBe(1_000_000);
    expect(value('12,50', 'da')).toBe(12.5);
    expect(value('1.234,5', 'da')).toBe(1234.5);
    expect(value('1.500', 'da')).toBe(1500);
  });

  it('reads a Swedish board’s spaces (including no-break spaces) as grouping', () => {
    expect(value('1 000 000', 'sv')).toBe(1_000_000);
    expect(value('1\u00a0000\u00a0000,25', 'sv')).toBe(1_000_000.25);
  });

  it('accepts a decimal point from another convention when it cannot be a thousands separator', () => {
    expect(value('0.43', 'da')).toBe(0.43);
    expect(value('1,5', 'en')).toBe(1.5);
  });

  it('ignores units and reads any minus sign', () => {
    expect(value('43 %', 'da')).toBe(43);
    expect(value('35,50 kr.', 'da')).toBe(35.5);
    expect(value('DKK 12.50', 'en')).toBe(12.5);
    expect(value('−27', 'en')).toBe(-27);
    expect(value('-27', 'sv')).toBe(-27);
    expect(value('+25', 'en')).toBe(25);
  });

  it('treats an empty field as cleared and refuses what is not a number', () => {
    expect(value('  ', 'en')).toBeNull();
    expect(value('abc', 'en')).toBe('not-a-number');
    expect(value('1.2.3', 'en')).toBe('not-a-number');
    expect(value('12-4', 'en')).toBe('not-a-number');
    expect(value('1,23,4', 'en')).toBe('not-a-number');
  });
});

describe('touchpoint metrics', () => {
  it('stores a response rate typed as a percentage as a share', () => {
    expect(parseMetric(metricSpec('responseRate'), '43', 'en')).toEqual({ ok: true, value: 0.43 });
    expect(parseMetric(metricSpec('responseRate'), '43,5 %', 'da')).toEqual({ ok: true, value: 0.435 });
    expect(formatMetricInput(metricSpec('responseRate'), 0.43, 'en')).toBe('43');
  });

  it('checks each metric’s range and whole numbers', () => {
    expect(parseMetric(metricSpec('nps'), '-101', 'en')).toEqual({ ok: false, problem: 'below-min' });
    expect(parseMetric(metricSpec('nps'), '12.5', 'en')).toEqual({ ok: false, problem: 'not-whole' });
    expect(parseMetric(metricSpec('csat'), '120', 'en')).toEqual({ ok: false, problem: 'above-max' });
    expect(parseMetric(metricSpec('yearlyVolume'), '-5', 'en')).toEqual({ ok: false, problem: 'below-min' });
    expect(parseMetric(metricSpec('yearlyVolume'), '', 'en')).toEqual({ ok: true, value: null });
  });

  it('formats stored values for the input in the board’s locale', () => {
    expect(formatMetricInput(metricSpec('yearlyVolume'), 1_000_000, 'en')).toBe('1,000,000');
    expect(formatMetricInput(metricSpec('yearlyVolume'), 1_000_000, 'da')).toBe('1.000.000');
    expect(formatMetricInput(metricSpec('costPerContact'), 12.5, 'da')).toBe('12,5');
    expect(formatMetricInput(metricSpec('costPerContact'), undefined, 'da')).toBe('');
  });

  it('round-trips every formatted value through the parser', () => {
    for (const locale of ['en', 'da', 'sv', 'de']) {
      for (const [key, stored] of [
        ['yearlyVolume', 1_234_567],
        ['costPerContact', 1234.56],
        ['responseRate', 0.435],
        ['nps', -27],
        ['csat', 81.5],
      ] as const) {
        const spec = metricSpec(key);
        expect(parseMetric(spec, formatMetricInput(spec, stored, locale), locale), `${key} in ${locale}`).toEqual({
          ok: true,
          value: stored,
        });
      }
    }
  });

  it('formats metrics for reading, compactly on cards', () => {
    expect(formatMetric(metricSpec('yearlyVolume'), 1_000_000, 'en', 'DKK', { compact: true })).toBe('1M');
    expect(formatMetric(metricSpec('responseRate'), 0.43, 'en', 'DKK')).toBe('43%');
    expect(formatMetric(metricSpec('nps'), -27, 'en', 'DKK')).toBe('-27');
    expect(formatMetric(metricSpec('costPerContact'), 35.5, 'da', 'DKK')).toBe('35,50\u00a0kr.');
    expect(currencySymbol('da', 'DKK')).toBe('kr.');
    expect(currencySymbol('en', 'EUR')).toBe('€');
  });
});

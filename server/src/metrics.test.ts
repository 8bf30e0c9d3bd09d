import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './metrics.ts';

/** The Prometheus text format, line by line: comments, or `name{labels} value`. */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/;
const COMMENT = /^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$/;

function parseExposition(text: string): Map<string, number> {
  expect(text.endsWith('\n')).toBe(true);
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('#')) {
      expect(line).toMatch(COMMENT);
      continue;
    }
    const match = SAMPLE.exec(line);
    expect(match, line).not.toBeNull();
    const value = line.slice(line.lastIndexOf(' ') + 1);
    samples.set(line.slice(0, line.lastIndexOf(' ')), value === '+Inf' ? Number.POSITIVE_INFINITY : Number(value));
  }
  return samples;
}

describe('Prometheus text format', () => {
  it('counters, gauges and a histogram render as parseable lines', () => {
    const registry = new MetricsRegistry();
    const closes = registry.counter('rejse_closes_total', 'Closes by code.\nSecond line \\ here.');
    closes.inc(1, { code: '4403', reason: 'say "no"' });
    closes.inc(2, { code: '4403', reason: 'say "no"' });
    closes.inc(1, { code: '1001', reason: 'going_away' });
    registry.counter('rejse_unused_total', 'Never incremented.');
    registry.gauge('rejse_rooms', 'Rooms.', () => 3);
    const latency = registry.histogram('rejse_latency_seconds', 'Latency.', [0.001, 0.01]);
    for (const v of [0.0005, 0.002, 0.003, 5]) latency.observe(v);

    const samples = parseExposition(registry.render());
    expect(samples.get('rejse_closes_total{code="4403",reason="say \\"no\\""}')).toBe(3);
    expect(samples.get('rejse_closes_total{code="1001",reason="going_away"}')).toBe(1);
    expect(samples.get('rejse_unused_total')).toBe(0);
    expect(samples.get('rejse_rooms')).toBe(3);
    // Buckets are cumulative and end with +Inf = count.
    expect(samples.get('rejse_latency_seconds_bucket{le="0.001"}')).toBe(1);
    expect(samples.get('rejse_latency_seconds_bucket{le="0.01"}')).toBe(3);
    expect(samples.get('rejse_latency_seconds_bucket{le="+Inf"}')).toBe(4);
    expect(samples.get('rejse_latency_seconds_count')).toBe(4);
    expect(samples.get('rejse_latency_seconds_sum')).toBeCloseTo(5.0055, 6);
    expect(registry.render()).toContain('# HELP rejse_closes_total Closes by code.\\nSecond line \\\\ here.');
  });

  it('a name can be registered once', () => {
    const registry = new MetricsRegistry();
    registry.counter('a_total', 'A.');
    expect(() => registry.gauge('a_total', 'A again.', () => 1)).toThrow(/twice/);
  });
});

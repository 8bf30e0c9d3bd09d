/**
 * App work the canvas benchmark reads (bench/canvas, "remote typing"): milliseconds spent per
 * step of turning the document into what the canvas shows. Counted only while the page has
 * set `globalThis.__rejseWork` (the benchmark does, before any script runs); otherwise the
 * cost is one property read.
 */
type WorkMeter = Record<string, number>;

export function metered<T>(step: string, run: () => T): T {
  const meter = (globalThis as { __rejseWork?: WorkMeter }).__rejseWork;
  if (!meter) return run();
  const began = performance.now();
  try {
    return run();
  } finally {
    meter[step] = (meter[step] ?? 0) + performance.now() - began;
    meter[`${step}.calls`] = (meter[`${step}.calls`] ?? 0) + 1;
  }
}

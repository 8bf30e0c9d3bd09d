// Loaded into every server process under test with `node --import <this file>` (the same for
// all three). It measures the server's own event-loop delay: on SIGUSR2 it prints one line,
// "BENCH-PROBE {json}", with the delay percentiles since the previous SIGUSR2, then starts over.
// It changes nothing else in the process.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 2;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

// The histogram records whole timer intervals; the delay is what exceeds the interval.
const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

process.on('SIGUSR2', () => {
  const line = JSON.stringify({
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
  });
  histogram.reset();
  process.stdout.write(`BENCH-PROBE ${line}\n`);
});

import { it } from 'vitest';
import { runFuzz } from '@rejse/shared/testing';
it('hunt', () => {
  const agg: Record<string, number> = {};
  let runs = 0;
  for (let seed = 100; seed < 100 + Number(process.env.HUNT_N ?? 40); seed++) {
    for (const [replicas, steps] of [[1, 800], [3, 600], [6, 500]] as const) {
      try {
        const f = runFuzz({ seed, replicas, steps, deliverChance: replicas === 6 ? 0.15 : 0.3 });
        runs++;
        for (const [k, v] of Object.entries(f.repairs)) agg[k] = (agg[k] ?? 0) + v;
        agg.dup = (agg.dup ?? 0) + f.duplicateLinks;
      } catch (e) { console.log('FAIL', replicas, seed, String(e).slice(0, 2500)); }
    }
  }
  console.log('runs', runs, JSON.stringify(agg));
}, 3_600_000);

import { it } from 'vitest';
import { runFuzz } from '@rejse/shared/testing';
it('hunt', () => {
  const ties: number[] = [];
  for (let seed = 900; seed < 915; seed++) {
    try { ties.push(runFuzz({ seed, replicas: 1, steps: 1500 }).maxOrderTies); }
    catch (e) { console.log('FAIL', seed, String(e).slice(0, 2500)); }
  }
  console.log('single ties', JSON.stringify(ties));
}, 3_600_000);

import path from 'node:path';
import { readFlags } from '../lib/args.ts';

export interface Options {
  /** Cards of the board that is loaded, typed into and panned. */
  cards: number;
  /** Cards of the second, bigger board whose time to interactive is measured (0: none). */
  big: number;
  stages: number;
  runs: number;
  json: boolean;
  dist: string | null;
  keys: number;
}

/**
 *   (default)   2,000 cards (typing, load, pan; 3 pan runs per zoom), then 5,000 cards (load)
 *   --short     500 cards, 1 run per zoom, then 1,250 cards: what CI runs, in a few minutes
 *   --cards N  --big N (0: skip)  --stages N  --runs N  --keys N (remote keystrokes, 60)
 *   --json (one JSON line at the end)  --dist DIR (serve another client build, to compare)
 */
export function parseArgs(argv: readonly string[]): Options {
  const flags = readFlags(argv);
  const short = flags.short;
  const dist = flags.text('--dist');
  return {
    cards: flags.number('--cards', short ? 500 : 2000) || 1,
    big: flags.number('--big', short ? 1250 : 5000),
    stages: flags.number('--stages', short ? 10 : 20) || 1,
    runs: flags.number('--runs', short ? 1 : 3) || 1,
    json: flags.has('--json'),
    keys: flags.number('--keys', 60) || 1,
    dist: dist === null ? null : path.resolve(process.env.INIT_CWD ?? process.cwd(), dist),
  };
}

import path from 'node:path';

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
  const args = argv.filter((a) => a !== '--');
  const short = args.includes('--short');
  const number = (flag: string, fallback: number): number => {
    const i = args.indexOf(flag);
    const value = i >= 0 ? Number(args[i + 1]) : Number.NaN;
    return Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
  };
  return {
    cards: number('--cards', short ? 500 : 2000) || 1,
    big: number('--big', short ? 1250 : 5000),
    stages: number('--stages', short ? 10 : 20) || 1,
    runs: number('--runs', short ? 1 : 3) || 1,
    json: args.includes('--json'),
    keys: number('--keys', 60) || 1,
    dist: args.includes('--dist') ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[args.indexOf('--dist') + 1] ?? '') : null,
  };
}

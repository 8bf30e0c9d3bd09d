/** A benchmark's command line: its flags (pnpm's `--` left out), `--short`, and numeric flags. */
export function readFlags(argv: readonly string[]) {
  const args = argv.filter((a) => a !== '--');
  return {
    has: (flag: string): boolean => args.includes(flag),
    short: args.includes('--short'),
    /** The word after `flag`, or null when the flag is not given. */
    text(flag: string): string | null {
      const i = args.indexOf(flag);
      return i >= 0 ? (args[i + 1] ?? '') : null;
    },
    /** `--flag N` as a whole number of at least `min`, else `fallback`. */
    number(flag: string, fallback: number, min = 0): number {
      const i = args.indexOf(flag);
      const value = i >= 0 ? Number(args[i + 1]) : Number.NaN;
      return Number.isFinite(value) && value >= min ? Math.floor(value) : fallback;
    },
  };
}

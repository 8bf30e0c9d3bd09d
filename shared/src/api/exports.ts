import { z } from 'zod';
import { RANK_MODES } from '../prioritize/rank.ts';
import { parseTopN } from '../prioritize/settings.ts';
import { createdBoardSchema } from './boards.ts';
import { lazySchema } from './lazy.ts';

/** `by`: the ranking of the action list; absent = the facilitator's choice on the board. */
const rankBy = lazySchema(() => z.enum(RANK_MODES, { error: `by must be one of ${RANK_MODES.join(', ')}` }).optional());

/** `top`: the cut line; absent = the facilitator's choice on the board. */
const topN = lazySchema(() =>
  z
    .string()
    .transform((raw, ctx) => {
      const n = parseTopN(raw);
      if (n === undefined) ctx.addIssue({ code: 'custom', message: 'top must be a whole number of at least 1' });
      return n ?? 0;
    })
    .optional(),
);

/** `sep` words and characters → the CSV separator; empty = the board locale's default. */
export const CSV_SEPARATOR_PARAMS = { ';': ';', ',': ',', semicolon: ';', comma: ',', '': undefined } as const;

/** `GET …/actions.md`, `…/board.md`, `…/board.json`. */
export const exportQuerySchema = lazySchema(() => z.object({ by: rankBy, top: topN }));

/** `GET …/actions.csv`. */
export const csvExportQuerySchema = lazySchema(() =>
  exportQuerySchema.extend({
    sep: z
      .enum(Object.keys(CSV_SEPARATOR_PARAMS) as [keyof typeof CSV_SEPARATOR_PARAMS], { error: 'sep must be ";" or ","' })
      .transform((sep) => CSV_SEPARATOR_PARAMS[sep])
      .optional(),
  }),
);

/** `GET …/report.html`: `tz` an IANA time zone for the report's date (an unknown zone falls back to UTC). */
export const reportQuerySchema = lazySchema(() =>
  exportQuerySchema.extend({
    tz: z.string().max(100, { error: 'tz must be a time zone such as "Europe/Copenhagen"' }).optional(),
    /** `1`: add the board's comment threads as an appendix. */
    comments: z.enum(['0', '1'], { error: 'comments must be 0 or 1' }).optional(),
  }),
);

/** 201 of `POST /api/boards/import`: like a created board, plus the file's schema version. */
export const importedBoardSchema = lazySchema(() => createdBoardSchema.extend({ importedFromVersion: z.number().int() }));
export type ImportedBoardResponse = z.infer<typeof importedBoardSchema>;

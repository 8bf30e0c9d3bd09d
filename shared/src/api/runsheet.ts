import { z } from 'zod';
import { snapshotInfoSchema } from './history.ts';
import { lazySchema } from './lazy.ts';

/** `POST /api/boards/:id/runsheet/start`: start a session of the run-sheet (at its first phase, or another). */
export const startSessionRequestSchema = lazySchema(() =>
  z.object(
    {
      sessionId: z.string({ error: 'sessionId must name a session of the run-sheet' }).min(1).max(40),
      phaseIndex: z.number({ error: 'phaseIndex must be a whole number' }).int().min(0).max(100).default(0),
    },
    { error: 'the body must be a JSON object like {"sessionId": "se_…"}' },
  ),
);
export type StartSessionRequest = z.input<typeof startSessionRequestSchema>;

const runStateSchema = lazySchema(() =>
  z.object({
    sessionId: z.string(),
    phaseIndex: z.number().int(),
    sessionStartedAt: z.number(),
    phaseStartedAt: z.number(),
    done: z.array(z.object({ phaseId: z.string(), startedAt: z.number(), endedAt: z.number() })),
  }),
);

/** Every run-sheet action answers with what runs now, and the snapshot it took (the end of a phase or session). */
export const runSheetAnswerSchema = lazySchema(() =>
  z.object({
    running: runStateSchema.nullable(),
    snapshot: snapshotInfoSchema.nullable(),
    /** Where the session's report is, once a session has ended (`…/report.html`, any link). */
    report: z.string().nullable(),
    /** Cards revealed from private drafts when a private phase ended. */
    revealed: z.number().int().nonnegative(),
    now: z.number(),
  }),
);
export type RunSheetAnswer = z.infer<typeof runSheetAnswerSchema>;

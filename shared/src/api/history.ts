import { z } from 'zod';
import { CARD_KINDS } from '../schema/card.ts';
import { ROLES } from '../facilitation/roles.ts';
import { SNAPSHOT_KINDS, SNAPSHOT_NAME_LENGTH } from '../history/snapshots.ts';
import { TOUCHPOINT_FIGURES } from '../history/diff.ts';
import { lazySchema } from './lazy.ts';

/** `POST /api/boards/:id/snapshots`: a snapshot taken by hand, with a name. */
export const createSnapshotRequestSchema = lazySchema(() =>
  z.object(
    {
      name: z
        .string({ error: 'name must be text, like {"name": "After session 2"}' })
        .trim()
        .min(1, { error: 'name must not be empty' })
        .max(SNAPSHOT_NAME_LENGTH, { error: `name must be at most ${SNAPSHOT_NAME_LENGTH} characters` }),
    },
    { error: 'the body must be a JSON object like {"name": "After session 2"}' },
  ),
);
export type CreateSnapshotRequest = z.infer<typeof createSnapshotRequestSchema>;

const changeCountsSchema = lazySchema(() => z.object({ added: z.number().int(), removed: z.number().int(), edited: z.number().int() }));

/** One entry of a board's version history (its state is fetched apart, as board.json). */
export const snapshotInfoSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(SNAPSHOT_KINDS),
    createdAt: z.number(),
    /** Who took it: the link's role and, when known, the participant and the name they go by on the board. */
    by: z.object({ role: z.enum(ROLES).nullable(), participantId: z.string().nullable(), name: z.string().nullable() }),
    /** Size of the stored state. */
    bytes: z.number().int().nonnegative(),
    /** Cards added, removed and edited since the snapshot before it. */
    changes: changeCountsSchema,
  }),
);
export type SnapshotInfo = z.infer<typeof snapshotInfoSchema>;

export const snapshotListSchema = lazySchema(() =>
  z.object({
    snapshots: z.array(snapshotInfoSchema),
    /** How many snapshots a board keeps (older automatic ones go first). */
    retention: z.number().int().positive(),
  }),
);
export type SnapshotList = z.infer<typeof snapshotListSchema>;

const cardMentionSchema = lazySchema(() => z.object({ id: z.string(), kind: z.enum(CARD_KINDS), text: z.string(), stageId: z.string() }));
const stageMentionSchema = lazySchema(() => z.object({ id: z.string(), title: z.string() }));

/** `GET …/snapshots/:snapshotId/compare?with=<snapshotId|live>`: what changed from the snapshot to the other version. */
export const boardDiffSchema = lazySchema(() =>
  z.object({
    title: z.object({ before: z.string(), after: z.string() }).nullable(),
    cards: z.object({
      added: z.array(cardMentionSchema),
      removed: z.array(cardMentionSchema),
      edited: z.array(cardMentionSchema.extend({ fields: z.array(z.string()) })),
    }),
    stages: z.object({
      added: z.array(stageMentionSchema),
      removed: z.array(stageMentionSchema),
      renamed: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
    }),
    emotion: z.array(z.object({ stageId: z.string(), title: z.string(), before: z.number().nullable(), after: z.number().nullable() })),
    figures: z.array(
      z.object({
        cardId: z.string(),
        text: z.string(),
        figure: z.enum(TOUCHPOINT_FIGURES),
        before: z.number().nullable(),
        after: z.number().nullable(),
      }),
    ),
  }),
);

export const compareQuerySchema = lazySchema(() =>
  z.object({
    with: z
      .union([z.literal('live'), z.string().regex(/^h_[a-z0-9]{12}$/, { error: 'with must be a snapshot id or "live"' })])
      .default('live'),
  }),
);

export const compareResponseSchema = lazySchema(() => z.object({ from: z.string(), to: z.string(), diff: boardDiffSchema }));
export type CompareResponse = z.infer<typeof compareResponseSchema>;

/** `POST …/snapshots/:snapshotId/restore` (and `…/cards/:cardId/restore`). */
export const restoreResponseSchema = lazySchema(() =>
  z.object({
    restoredFrom: z.string(),
    /** The snapshot taken just before: restoring it undoes this restore. */
    undoSnapshotId: z.string(),
    /** Values written (0: the board already was that version). */
    writes: z.number().int().nonnegative(),
  }),
);
export type RestoreResponse = z.infer<typeof restoreResponseSchema>;

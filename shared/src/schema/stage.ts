import { z } from 'zod';
import type { StageId } from '../ids.ts';
import { ID_PATTERN } from '../ids.ts';
import { LIMITS } from './limits.ts';

/** A stage is a column of the map: one phase of the journey, left to right. */
export const stageSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be a short id'),
  title: z.string().max(LIMITS.titleLength),
});

export type Stage = { id: StageId; title: string };

export const isStage = (value: unknown): value is Stage => stageSchema.safeParse(value).success;

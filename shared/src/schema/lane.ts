import { z } from 'zod';
import type { LaneId } from '../ids.ts';
import { ID_PATTERN } from '../ids.ts';
import { LIMITS } from './limits.ts';

/** What a lane holds; drives which card kind a new card in it gets and how it is drawn. */
export const LANE_KINDS = ['actions', 'touchpoints', 'thoughts', 'emotions', 'pains', 'ideas', 'backstage', 'custom'] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

/** A lane is a row of the map (customer actions, touchpoints, emotions, pain points…). */
export const laneSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be a short id'),
  title: z.string().max(LIMITS.titleLength),
  kind: z.enum(LANE_KINDS),
});

export type Lane = { id: LaneId; title: string; kind: LaneKind };

export const isLane = (value: unknown): value is Lane => laneSchema.safeParse(value).success;

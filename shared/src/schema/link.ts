import { z } from 'zod';
import type { CardId, LinkId } from '../ids.ts';
import { ID_PATTERN } from '../ids.ts';

/** A directed link between two cards, typically idea → the pain point it addresses. */
export const linkSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be a short id'),
  from: z.string().regex(ID_PATTERN, 'must be a short id'),
  to: z.string().regex(ID_PATTERN, 'must be a short id'),
});

export type Link = { id: LinkId; from: CardId; to: CardId };

export const isLink = (value: unknown): value is Link => linkSchema.safeParse(value).success;

import { z } from 'zod';
import type { PersonaId } from '../ids.ts';
import { ID_PATTERN } from '../ids.ts';
import { LIMITS } from './limits.ts';

/** Whose journey the map tells, e.g. "Young prepaid customer, 18–25". */
export const personaSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be a short id'),
  name: z.string().max(LIMITS.titleLength),
  description: z.string().max(LIMITS.cardTextLength),
  segment: z.string().max(LIMITS.titleLength),
});

export type Persona = { id: PersonaId; name: string; description: string; segment: string };

export const isPersona = (value: unknown): value is Persona => personaSchema.safeParse(value).success;

import type { Board } from '../schema/board.ts';
import type { Persona } from '../schema/persona.ts';

/** The persona an export is told for: the active one, else the first, else none. */
export function personaOf(board: Pick<Board, 'personas' | 'activePersonaId'>): Persona | null {
  return board.personas.find((p) => p.id === board.activePersonaId) ?? board.personas[0] ?? null;
}

import type * as Y from 'yjs';
import { createPersonaId, type PersonaId } from '../ids.ts';
import { LIMITS } from '../schema/limits.ts';
import type { Persona } from '../schema/persona.ts';
import { PERSONAS, metaMap, personasMap } from './layout.ts';
import { LOCAL_ORIGIN } from './origins.ts';
import { orderAtIndex } from './order.ts';
import { BoardOpError, requireRecord, siblings } from './ops.ts';
import { recordWithText, writeText } from './text.ts';

/** Persona edits (whose journey the map tells). The name is collaborative text; the rest plain strings. */

export function addPersona(doc: Y.Doc, fields: Omit<Persona, 'id'>, origin: unknown = LOCAL_ORIGIN): PersonaId {
  const map = personasMap(doc);
  if (map.size >= LIMITS.personas) throw new BoardOpError('too-many', `a board holds at most ${LIMITS.personas} personas`);
  const id = createPersonaId();
  const all = siblings(map);
  doc.transact(() => {
    map.set(id, recordWithText(PERSONAS, { ...fields, order: orderAtIndex(all, all.length) }));
    if (!metaMap(doc).get('activePersonaId')) metaMap(doc).set('activePersonaId', id);
  }, origin);
  return id;
}

export function updatePersona(doc: Y.Doc, id: PersonaId, patch: Partial<Omit<Persona, 'id'>>, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireRecord(personasMap(doc), id, 'persona');
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value !== 'string') continue;
      if (key === 'name') writeText(record, key, value);
      else record.set(key, value);
    }
  }, origin);
}

export function removePersona(doc: Y.Doc, id: PersonaId, origin: unknown = LOCAL_ORIGIN): void {
  requireRecord(personasMap(doc), id, 'persona');
  doc.transact(() => {
    personasMap(doc).delete(id);
    if (metaMap(doc).get('activePersonaId') === id) {
      const next = siblings(personasMap(doc))[0]?.id ?? null;
      metaMap(doc).set('activePersonaId', next);
    }
  }, origin);
}

export function setActivePersona(doc: Y.Doc, id: PersonaId | null, origin: unknown = LOCAL_ORIGIN): void {
  if (id !== null) requireRecord(personasMap(doc), id, 'persona');
  doc.transact(() => metaMap(doc).set('activePersonaId', id), origin);
}

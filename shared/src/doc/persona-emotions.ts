import type * as Y from 'yjs';
import type { CardId, PersonaId } from '../ids.ts';
import { isValidId } from '../ids.ts';
import { EMOTIONS, type Card, type Emotion } from '../schema/card.ts';
import { cardsMap, personasMap, type FieldReader } from './layout.ts';
import { BoardOpError } from './op-error.ts';
import { LOCAL_ORIGIN } from './origins.ts';

/**
 * Per-persona emotions (schema 4): how a touchpoint feels for one persona, so the map can
 * overlay one emotion curve per persona. In a board file they are one card field,
 * `personaEmotions` (persona id → emotion); in the document each is its own card key,
 * `emotion@<personaId>`, so two people dragging two personas' points of one touchpoint at
 * the same instant both keep their value (one coarse object would keep only one of them).
 * A persona without its own value at a touchpoint falls back to the shared `emotion`.
 */
const PREFIX = 'emotion@';

export const personaEmotionField = (personaId: string): string => `${PREFIX}${personaId}`;

/** The persona a card key belongs to, or undefined when the key is not a per-persona emotion. */
export function personaOfField(key: string): string | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const id = key.slice(PREFIX.length);
  return isValidId(id) ? id : undefined;
}

const isEmotion = (value: unknown): value is Emotion => (EMOTIONS as readonly unknown[]).includes(value);

/** A card record's per-persona emotions; `onBad` is told each key whose value is not an emotion. */
export function readPersonaEmotions(record: FieldReader, onBad?: (key: string) => void): Record<string, Emotion> | undefined {
  let out: Record<string, Emotion> | undefined;
  // forEach, not entries(): Yjs's entries() is a chain of generic iterators, several times
  // slower, and every card of a board is read on join.
  record.forEach((value, key) => {
    const persona = personaOfField(key);
    if (persona === undefined) return;
    if (!isEmotion(value)) {
      onBad?.(key);
      return;
    }
    out ??= {};
    out[persona] = value;
  });
  return out;
}

/**
 * A removed persona's values stay in the document (undoing the removal brings them back) but
 * are not part of the board: dropped on reading, like references to removed scenarios.
 */
export function keepKnownPersonas(card: Card, personaIds: ReadonlySet<string>): void {
  if (!card.personaEmotions) return;
  const ids = Object.keys(card.personaEmotions);
  if (ids.every((id) => personaIds.has(id))) return;
  const kept = Object.entries(card.personaEmotions).filter(([id]) => personaIds.has(id));
  if (kept.length > 0) card.personaEmotions = Object.fromEntries(kept);
  else delete card.personaEmotions;
}

/** A card's plain fields as document keys: `personaEmotions` spread into one key per persona. */
export function spreadPersonaEmotions(fields: Record<string, unknown>): Record<string, unknown> {
  const { personaEmotions, ...rest } = fields;
  if (!personaEmotions || typeof personaEmotions !== 'object') return rest;
  for (const [persona, value] of Object.entries(personaEmotions)) rest[personaEmotionField(persona)] = value;
  return rest;
}

/** How a touchpoint feels for a persona: its own value there, else the shared one. */
export const emotionFor = (card: Pick<Card, 'emotion' | 'personaEmotions'>, personaId: string | null): Emotion | undefined =>
  (personaId === null ? undefined : card.personaEmotions?.[personaId]) ?? card.emotion;

/**
 * Sets (or with null clears, back to the shared value) one persona's emotion at a card: one
 * key, one transaction, one undo step.
 */
export function setPersonaEmotion(
  doc: Y.Doc,
  cardId: CardId,
  personaId: PersonaId,
  emotion: Emotion | null,
  origin: unknown = LOCAL_ORIGIN,
): void {
  const record = cardsMap(doc).get(cardId);
  if (!record) throw new BoardOpError('not-found', `card "${cardId}" does not exist`);
  if (!personasMap(doc).has(personaId)) throw new BoardOpError('not-found', `persona "${personaId}" does not exist`);
  if (emotion !== null && !isEmotion(emotion)) throw new BoardOpError('invalid', `"${String(emotion)}" is not an emotion`);
  const key = personaEmotionField(personaId);
  if ((record.get(key) ?? null) === emotion) return;
  doc.transact(() => {
    if (emotion === null) record.delete(key);
    else record.set(key, emotion);
  }, origin);
}

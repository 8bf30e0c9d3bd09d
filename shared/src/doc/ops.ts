import type * as Y from 'yjs';
import { createCardId, createLaneId, createLinkId, createStageId, type CardId, type LaneId, type LinkId, type StageId } from '../ids.ts';
import { cardSchema, type CardFields, type CardKind } from '../schema/card.ts';
import type { LaneKind } from '../schema/lane.ts';
import { LIMITS } from '../schema/limits.ts';
import { CARDS, LANES, STAGES, cardsMap, lanesMap, linksMap, metaMap, stagesMap, type CellValue, type RecordMap } from './layout.ts';
import { LOCAL_ORIGIN } from './origins.ts';
import { BoardOpError } from './op-error.ts';

export { BoardOpError, type BoardOpErrorCode } from './op-error.ts';
import { compareOrdered, orderAtIndex, type Ordered } from './order.ts';
import { isRemoved, readCellOf } from './read.ts';
import { applyTextEdit, isTextField, recordWithText, textAt, textValue, writeText, type TextEdit } from './text.ts';
import { spreadPersonaEmotions } from './persona-emotions.ts';

/**
 * The edit operations the UI (and tests, and the fuzzer) use. Each is one transaction, so
 * one user action is one undo step and one update on the wire.
 */
export const clampTitle = (title: string): string => {
  if (title.length > LIMITS.titleLength) {
    throw new BoardOpError('too-long', `title is longer than ${LIMITS.titleLength} characters`);
  }
  return title;
};

/** The record `id` of `map`, or a not-found error naming `what`. */
export function requireRecord(map: Y.Map<RecordMap>, id: string, what: string): RecordMap {
  const record = map.get(id);
  if (!record) throw new BoardOpError('not-found', `${what} "${id}" does not exist`);
  return record;
}

/** A live (not removed) stage, lane or persona record. */
function requireLive(map: Y.Map<RecordMap>, id: string, what: string): RecordMap {
  const record = requireRecord(map, id, what);
  // When every one is a tombstone the reader shows them all again (see layout.ts), so they
  // must stay usable; otherwise nobody could add a card until a new lane was added.
  if (isRemoved(record) && siblings(map).length > 0) {
    throw new BoardOpError('not-found', `${what} "${id}" was removed`);
  }
  return record;
}

/** Live records of `map` (not removed), sorted, without `exceptId`. */
export function siblings(map: Y.Map<RecordMap>, exceptId?: string): Ordered[] {
  const out: Ordered[] = [];
  map.forEach((record, id) => {
    if (id !== exceptId && !isRemoved(record)) out.push({ id, order: Number(record.get('order')) || 0 });
  });
  return out.sort(compareOrdered);
}

/** Cards in one cell, sorted, without `exceptId`. */
export function cardsInCell(doc: Y.Doc, stageId: string, laneId: string, exceptId?: string): Ordered[] {
  const out: Ordered[] = [];
  cardsMap(doc).forEach((record, id) => {
    if (id === exceptId) return;
    const cell = readCellOf(record);
    if (cell && cell.stageId === stageId && cell.laneId === laneId) out.push({ id, order: cell.order });
  });
  return out.sort(compareOrdered);
}

// ───────────────────────────── cards ─────────────────────────────

export interface AddCardInput extends Partial<CardFields> {
  stageId: StageId;
  laneId: LaneId;
  kind: CardKind;
  /** Position inside the cell; appended when omitted. */
  index?: number;
  /** For paste/duplicate: keep a caller-made id. */
  id?: CardId;
}

function checkFields(fields: Partial<CardFields>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const fieldSchema = (cardSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[key];
    if (!fieldSchema || key === 'id' || key === 'stageId' || key === 'laneId' || key === 'order') {
      throw new BoardOpError('invalid', `"${key}" is not an editable card field`);
    }
    if (!fieldSchema.safeParse(value).success) {
      if (key === 'text' || key === 'thought') {
        throw new BoardOpError('too-long', `${key} is longer than ${LIMITS.cardTextLength} characters`);
      }
      throw new BoardOpError('invalid', `"${String(value)}" is not a valid ${key}`);
    }
  }
}

export function addCard(doc: Y.Doc, input: AddCardInput, origin: unknown = LOCAL_ORIGIN): CardId {
  const { stageId, laneId, index, id: givenId, ...fields } = input;
  requireLive(stagesMap(doc), stageId, 'stage');
  requireLive(lanesMap(doc), laneId, 'lane');
  if (cardsMap(doc).size >= LIMITS.cards) {
    throw new BoardOpError('too-many', `a board holds at most ${LIMITS.cards} cards`);
  }
  checkFields(fields);
  const id = givenId ?? createCardId();
  if (cardsMap(doc).has(id)) throw new BoardOpError('duplicate', `card "${id}" already exists`);
  const inCell = cardsInCell(doc, stageId, laneId);
  const order = orderAtIndex(inCell, index ?? inCell.length);
  doc.transact(() => {
    cardsMap(doc).set(
      id,
      recordWithText(CARDS, spreadPersonaEmotions({ text: '', ...fields, cell: { stageId, laneId, order } satisfies CellValue })),
    );
  }, origin);
  return id;
}

/** Patch editable fields; `null` clears an optional field. Text fields are edited, not replaced (see text.ts). */
export type CardPatch = { [K in keyof CardFields]?: CardFields[K] | null };

export function updateCard(doc: Y.Doc, id: CardId, patch: CardPatch, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireRecord(cardsMap(doc), id, 'card');
  checkFields(patch as Partial<CardFields>);
  // One persona's value is one key of its own (persona-emotions.ts), set with setPersonaEmotion.
  if (patch.personaEmotions !== undefined) throw new BoardOpError('invalid', 'personaEmotions is set one persona at a time');
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null) record.delete(key);
      else if (typeof value === 'string' && isTextField(CARDS, key)) writeText(record, key, value);
      else if (record.get(key) !== value) record.set(key, value);
    }
  }, origin);
}

/** The card fields people type into together. */
export type CardTextField = 'text' | 'thought';

/**
 * One keystroke's worth of typing into a card's text or thought: at `edit.index` remove
 * `edit.remove` characters and insert `edit.insert`, into the Y.Text (made from a plain string
 * if an old client left one). What a live text box sends on every input, so others see typing
 * and a concurrent edit elsewhere in the text survives.
 */
export function editCardText(doc: Y.Doc, id: CardId, field: CardTextField, edit: TextEdit, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireRecord(cardsMap(doc), id, 'card');
  if (!isTextField(CARDS, field)) throw new BoardOpError('invalid', `"${String(field)}" is not a text field`);
  const length = textValue(record.get(field)).length;
  if (
    !Number.isInteger(edit.index) ||
    !Number.isInteger(edit.remove) ||
    edit.index < 0 ||
    edit.remove < 0 ||
    edit.index + edit.remove > length
  ) {
    throw new BoardOpError('invalid', `the edit at ${edit.index} (${edit.remove} removed) is outside the text`);
  }
  if (length - edit.remove + edit.insert.length > LIMITS.cardTextLength) {
    throw new BoardOpError('too-long', `${field} is longer than ${LIMITS.cardTextLength} characters`);
  }
  if (edit.remove === 0 && edit.insert === '') return;
  doc.transact(() => applyTextEdit(textAt(record, field), edit), origin);
}

export interface MoveTarget {
  stageId: StageId;
  laneId: LaneId;
  /** Position inside the target cell (without the moved card); appended when omitted. */
  index?: number;
}

export function moveCard(doc: Y.Doc, id: CardId, to: MoveTarget, origin: unknown = LOCAL_ORIGIN): void {
  moveCards(doc, [id], to, origin);
}

/** Moves several cards into one cell, keeping their relative order, in one transaction. */
export function moveCards(doc: Y.Doc, ids: readonly CardId[], to: MoveTarget, origin: unknown = LOCAL_ORIGIN): void {
  requireLive(stagesMap(doc), to.stageId, 'stage');
  requireLive(lanesMap(doc), to.laneId, 'lane');
  const records = ids.map((id) => [id, requireRecord(cardsMap(doc), id, 'card')] as const);
  const moving = new Set<string>(ids);
  const others = cardsInCell(doc, to.stageId, to.laneId).filter((c) => !moving.has(c.id));
  const at = Math.max(0, Math.min(to.index ?? others.length, others.length));
  const before = others[at - 1]?.order;
  const after = others[at]?.order;
  doc.transact(() => {
    records.forEach(([, record], i) => {
      // Spread the moved cards evenly between their new neighbours.
      const low = before ?? (after !== undefined ? after - records.length - 1 : 0);
      const high = after ?? low + records.length + 1;
      const order = low + ((high - low) * (i + 1)) / (records.length + 1);
      record.set('cell', { stageId: to.stageId, laneId: to.laneId, order } satisfies CellValue);
    });
  }, origin);
}

/** Deletes cards and every link that touches them. */
export function deleteCards(doc: Y.Doc, ids: readonly CardId[], origin: unknown = LOCAL_ORIGIN): void {
  const gone = new Set<string>(ids);
  doc.transact(() => {
    for (const id of ids) cardsMap(doc).delete(id);
    const links = linksMap(doc);
    for (const [linkId, link] of [...links.entries()]) {
      if (gone.has(link.from) || gone.has(link.to)) links.delete(linkId);
    }
  }, origin);
}

export function deleteCard(doc: Y.Doc, id: CardId, origin: unknown = LOCAL_ORIGIN): void {
  requireRecord(cardsMap(doc), id, 'card');
  deleteCards(doc, [id], origin);
}

// ───────────────────────────── links ─────────────────────────────

export function linkCards(doc: Y.Doc, from: CardId, to: CardId, origin: unknown = LOCAL_ORIGIN): LinkId {
  requireRecord(cardsMap(doc), from, 'card');
  requireRecord(cardsMap(doc), to, 'card');
  if (from === to) throw new BoardOpError('invalid', 'a card cannot link to itself');
  const links = linksMap(doc);
  for (const [linkId, link] of links.entries()) {
    if ((link.from === from && link.to === to) || (link.from === to && link.to === from)) {
      return linkId as LinkId;
    }
  }
  if (links.size >= LIMITS.links) throw new BoardOpError('too-many', `a board holds at most ${LIMITS.links} links`);
  const id = createLinkId();
  doc.transact(() => links.set(id, { from, to }), origin);
  return id;
}

export function unlinkCards(doc: Y.Doc, linkId: LinkId, origin: unknown = LOCAL_ORIGIN): void {
  if (!linksMap(doc).has(linkId)) throw new BoardOpError('not-found', `link "${linkId}" does not exist`);
  doc.transact(() => linksMap(doc).delete(linkId), origin);
}

// ─────────────────────── stages and lanes ───────────────────────

type Axis = 'stage' | 'lane';

const axisMap = (doc: Y.Doc, axis: Axis) => (axis === 'stage' ? stagesMap(doc) : lanesMap(doc));
const cellKey = (axis: Axis): 'stageId' | 'laneId' => (axis === 'stage' ? 'stageId' : 'laneId');

function addAxis(doc: Y.Doc, axis: Axis, fields: Record<string, unknown>, index: number | undefined, origin: unknown): string {
  const map = axisMap(doc, axis);
  const max = axis === 'stage' ? LIMITS.stages : LIMITS.lanes;
  if (siblings(map).length >= max) throw new BoardOpError('too-many', `a board holds at most ${max} ${axis}s`);
  const id = axis === 'stage' ? createStageId() : createLaneId();
  const all = siblings(map);
  const order = orderAtIndex(all, index ?? all.length);
  doc.transact(() => map.set(id, recordWithText(axis === 'stage' ? STAGES : LANES, { ...fields, order })), origin);
  return id;
}

function moveAxis(doc: Y.Doc, axis: Axis, id: string, toIndex: number, origin: unknown): void {
  const record = requireLive(axisMap(doc, axis), id, axis);
  const order = orderAtIndex(siblings(axisMap(doc, axis), id), toIndex);
  doc.transact(() => record.set('order', order), origin);
}

/** Cards that stand in a stage or lane: what removing it would affect. */
export function countCardsIn(doc: Y.Doc, axis: Axis, id: string): number {
  let count = 0;
  const key = cellKey(axis);
  cardsMap(doc).forEach((record) => {
    if (readCellOf(record)?.[key] === id) count += 1;
  });
  return count;
}

/**
 * What happens to the cards of a removed stage or lane: moved to a neighbour (appended to
 * the matching cells) or deleted together with their links. There is no silent default.
 */
export type CardDisposition = { cards: 'move'; to: string } | { cards: 'delete' };

function removeAxis(doc: Y.Doc, axis: Axis, id: string, disposition: CardDisposition | undefined, origin: unknown): void {
  const map = axisMap(doc, axis);
  const record = requireLive(map, id, axis);
  if (siblings(map).length <= 1) throw new BoardOpError('last-one', `a board needs at least one ${axis}`);
  const key = cellKey(axis);
  const affected: Array<[string, RecordMap, CellValue]> = [];
  cardsMap(doc).forEach((record, cardId) => {
    const cell = readCellOf(record);
    if (cell && cell[key] === id) affected.push([cardId, record, cell]);
  });
  if (affected.length > 0 && !disposition) {
    throw new BoardOpError('not-empty', `the ${axis} holds ${affected.length} cards`, affected.length);
  }
  if (disposition?.cards === 'move') {
    if (disposition.to === id) throw new BoardOpError('invalid', `cannot move cards into the ${axis} being removed`);
    requireLive(map, disposition.to, axis);
  }
  doc.transact(() => {
    if (disposition?.cards === 'move') {
      const nextOrder = new Map<string, number>();
      for (const [, record, cell] of affected.sort((a, b) => a[2].order - b[2].order)) {
        const target = { ...cell, [key]: disposition.to };
        const slot = `${target.stageId}|${target.laneId}`;
        if (!nextOrder.has(slot)) {
          const existing = cardsInCell(doc, target.stageId, target.laneId);
          nextOrder.set(slot, (existing[existing.length - 1]?.order ?? 0) + 1);
        }
        const order = nextOrder.get(slot) as number;
        nextOrder.set(slot, order + 1);
        record.set('cell', { ...target, order });
      }
    } else if (affected.length > 0) {
      deleteCards(
        doc,
        affected.map(([cardId]) => cardId as CardId),
        origin,
      );
    }
    record.set('removed', true);
  }, origin);
}

export const addStage = (doc: Y.Doc, title: string, index?: number, origin: unknown = LOCAL_ORIGIN): StageId =>
  addAxis(doc, 'stage', { title: clampTitle(title) }, index, origin) as StageId;

export const addLane = (doc: Y.Doc, title: string, kind: LaneKind = 'custom', index?: number, origin: unknown = LOCAL_ORIGIN): LaneId =>
  addAxis(doc, 'lane', { title: clampTitle(title), kind }, index, origin) as LaneId;

export function renameStage(doc: Y.Doc, id: StageId, title: string, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireLive(stagesMap(doc), id, 'stage');
  doc.transact(() => writeText(record, 'title', clampTitle(title)), origin);
}

export function renameLane(doc: Y.Doc, id: LaneId, title: string, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireLive(lanesMap(doc), id, 'lane');
  doc.transact(() => writeText(record, 'title', clampTitle(title)), origin);
}

export function setLaneKind(doc: Y.Doc, id: LaneId, kind: LaneKind, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireLive(lanesMap(doc), id, 'lane');
  doc.transact(() => record.set('kind', kind), origin);
}

export const moveStage = (doc: Y.Doc, id: StageId, toIndex: number, origin: unknown = LOCAL_ORIGIN): void =>
  moveAxis(doc, 'stage', id, toIndex, origin);
export const moveLane = (doc: Y.Doc, id: LaneId, toIndex: number, origin: unknown = LOCAL_ORIGIN): void =>
  moveAxis(doc, 'lane', id, toIndex, origin);

export const removeStage = (doc: Y.Doc, id: StageId, disposition?: CardDisposition, origin: unknown = LOCAL_ORIGIN): void =>
  removeAxis(doc, 'stage', id, disposition, origin);
export const removeLane = (doc: Y.Doc, id: LaneId, disposition?: CardDisposition, origin: unknown = LOCAL_ORIGIN): void =>
  removeAxis(doc, 'lane', id, disposition, origin);

export * from './personas.ts';

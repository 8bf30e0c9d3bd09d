import type * as Y from 'yjs';
import type { BoardId, CardId, LaneId, LinkId, PersonaId, StageId } from '../ids.ts';
import { isValidId } from '../ids.ts';
import { CURRENCIES, CURRENT_SCHEMA_VERSION, type Board, type Currency } from '../schema/board.ts';
import { CARD_KINDS, type Card, type CardKind } from '../schema/card.ts';
import { LANE_KINDS, type Lane, type LaneKind } from '../schema/lane.ts';
import type { Link } from '../schema/link.ts';
import type { Persona } from '../schema/persona.ts';
import type { Stage } from '../schema/stage.ts';
import { LIMITS } from '../schema/limits.ts';
import { cadenceRuleSchema, scenarioSchema, type CadenceRule, type Scenario } from '../schema/dunning.ts';
import {
  cardsMap,
  lanesMap,
  linksMap,
  metaMap,
  personasMap,
  cadenceRulesMap,
  scenariosMap,
  stagesMap,
  type CellValue,
  type FieldReader,
  type RecordMap,
} from './layout.ts';
import { compareOrdered } from './order.ts';
import { hasText, textValue } from './text.ts';
import { keepKnownPersonas, readPersonaEmotions } from './persona-emotions.ts';
import { OPTIONAL_CARD_FIELDS, validCardField } from './card-fields.ts';
import { readBoardChannels } from './custom-channels.ts';
import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import type { ReadRepair, RepairKind, RepairListener } from './repairs.ts';

/**
 * Reading is defensive: a document is shared with every client, so a field of the wrong
 * type becomes its default here instead of breaking every reader.
 */
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/* Repairs are told to an optional listener (see repairs.ts); what is read never depends on it. */
const tell = (onRepair: RepairListener | undefined, kind: RepairKind, path: string): void => onRepair?.({ kind, path });
/** A field that must hold a string, told as defaulted when it is missing or not one. */
function requiredStr(record: RecordMap, field: string, path: string, onRepair?: RepairListener): string {
  const value = record.get(field);
  if (typeof value !== 'string') tell(onRepair, 'field-defaulted', `${path}/${field}`);
  return str(value);
}
/**
 * A text field (Y.Text, or a plain string from an old or hostile client), cut to the schema's
 * limit: two people typing at once can pass it together, and the board stays schema-valid.
 */
function text(record: FieldReader, field: string, path: string, max: number, onRepair?: RepairListener): string {
  const content = textValue(record.get(field));
  if (content.length <= max) return content;
  tell(onRepair, 'text-cut', `${path}/${field}`);
  return content.slice(0, max);
}
/** A text field that must be there, told as defaulted when it is missing or not text. */
function requiredText(record: FieldReader, field: string, path: string, max: number, onRepair?: RepairListener): string {
  if (!hasText(record, field)) tell(onRepair, 'field-defaulted', `${path}/${field}`);
  return text(record, field, path, max, onRepair);
}

export const DEFAULT_CURRENCY: Currency = 'EUR';

export function readSchemaVersion(doc: Y.Doc): number {
  return num(metaMap(doc).get('schemaVersion'), CURRENT_SCHEMA_VERSION);
}

export function readTitle(doc: Y.Doc): string {
  return str(metaMap(doc).get('title'));
}

type SortedRecord = { id: string; order: number; record: RecordMap };

function sortedRecords(map: Y.Map<RecordMap>, name: string, onRepair?: RepairListener): SortedRecord[] {
  const out: SortedRecord[] = [];
  map.forEach((record, id) => {
    if (isValidId(id) && record && typeof record.get === 'function') {
      const order = record.get('order');
      if (num(order, Number.NaN) !== order) tell(onRepair, 'field-defaulted', `${name}/${id}/order`);
      out.push({ id, order: num(order), record });
    } else {
      tell(onRepair, 'record-skipped', `${name}/${id}`);
    }
  });
  return out.sort(compareOrdered);
}

/** A stage or lane removed by a user stays as a tombstone (see `removeAxis` in ops.ts). */
export const isRemoved = (record: RecordMap): boolean => record.get('removed') === true;

/**
 * Live stages or lanes. If two users concurrently removed the last ones, every one is a
 * tombstone; they all come back rather than leaving a board with no grid.
 */
function liveRecords(map: Y.Map<RecordMap>, name: string, onRepair?: RepairListener): SortedRecord[] {
  const all = sortedRecords(map, name, onRepair);
  const live = all.filter((r) => !isRemoved(r.record));
  if (live.length === 0 && all.length > 0) tell(onRepair, 'axis-revived', name);
  return live.length > 0 ? live : all;
}

export function readStages(doc: Y.Doc, onRepair?: RepairListener): Stage[] {
  return liveRecords(stagesMap(doc), 'stages', onRepair).map(({ id, record }) => ({
    id: id as StageId,
    title: requiredText(record, 'title', `stages/${id}`, LIMITS.titleLength, onRepair),
  }));
}

export function readLanes(doc: Y.Doc, onRepair?: RepairListener): Lane[] {
  return liveRecords(lanesMap(doc), 'lanes', onRepair).map(({ id, record }) => {
    const kind = record.get('kind');
    const known = (LANE_KINDS as readonly unknown[]).includes(kind);
    if (!known) tell(onRepair, 'field-defaulted', `lanes/${id}/kind`);
    return {
      id: id as LaneId,
      title: requiredText(record, 'title', `lanes/${id}`, LIMITS.titleLength, onRepair),
      kind: known ? (kind as LaneKind) : 'custom',
    };
  });
}

export function readPersonas(doc: Y.Doc, onRepair?: RepairListener): Persona[] {
  return sortedRecords(personasMap(doc), 'personas', onRepair).map(({ id, record }) => ({
    id: id as PersonaId,
    name: requiredText(record, 'name', `personas/${id}`, LIMITS.titleLength, onRepair),
    description: requiredStr(record, 'description', `personas/${id}`, onRepair),
    segment: requiredStr(record, 'segment', `personas/${id}`, onRepair),
  }));
}

/** Debtor scenarios in switcher order; a record that fails the schema is left out, not guessed at. */
export function readScenarios(doc: Y.Doc): Scenario[] {
  const out: Scenario[] = [];
  for (const { id, record } of sortedRecords(scenariosMap(doc), 'scenarios')) {
    const parsed = scenarioSchema.safeParse({
      id,
      name: record.get('name'),
      outcome: record.get('outcome'),
      vulnerable: record.get('vulnerable') === true,
    });
    if (parsed.success) out.push(parsed.data as Scenario);
  }
  return out;
}

const RULE_FIELDS = ['kind', 'limit', 'windowDays', 'channel', 'days', 'step', 'amount'] as const;

/** The board's cadence rules in order; one that fails the schema is left out (it could not be evaluated). */
export function readCadenceRules(doc: Y.Doc): CadenceRule[] {
  const out: CadenceRule[] = [];
  for (const { id, record } of sortedRecords(cadenceRulesMap(doc), 'cadenceRules')) {
    const fields: Record<string, unknown> = { id };
    for (const key of RULE_FIELDS) if (record.get(key) !== undefined) fields[key] = record.get(key);
    const parsed = cadenceRuleSchema.safeParse(fields);
    if (parsed.success) out.push(parsed.data as CadenceRule);
  }
  return out;
}

/**
 * A card's references to scenarios that no longer exist (removed concurrently, or by an
 * undo) are dropped on reading, so the board stays valid without rewriting every card.
 */
export function keepKnownScenarios(card: Card, scenarioIds: ReadonlySet<string>): void {
  if (card.scenarioIds && !allKnownOnce(card.scenarioIds, scenarioIds)) {
    const kept = card.scenarioIds.filter((id) => scenarioIds.has(id));
    if (kept.length > 0) card.scenarioIds = [...new Set(kept)];
    else delete card.scenarioIds;
  }
  if (card.scenarioEmotions && !allKnownOnce(Object.keys(card.scenarioEmotions), scenarioIds)) {
    const kept = Object.entries(card.scenarioEmotions).filter(([id]) => scenarioIds.has(id));
    if (kept.length > 0) card.scenarioEmotions = Object.fromEntries(kept);
    else delete card.scenarioEmotions;
  }
}

/** Every id known and none twice: the common case, which needs no copy. */
function allKnownOnce(ids: readonly string[], known: ReadonlySet<string>): boolean {
  return ids.every((id, i) => known.has(id) && ids.indexOf(id) === i);
}

export function readCellOf(record: FieldReader): CellValue | undefined {
  const cell = record.get('cell') as Partial<CellValue> | undefined;
  if (!cell || typeof cell !== 'object') return undefined;
  if (typeof cell.stageId !== 'string' || typeof cell.laneId !== 'string') return undefined;
  return { stageId: cell.stageId, laneId: cell.laneId, order: num(cell.order) };
}

/**
 * One card as plain data. A card whose stage or lane was removed concurrently by another
 * user is shown in the first stage/lane instead of vanishing: losing a card silently is
 * worse than showing it in the wrong place.
 */
export function readCard(
  id: string,
  record: RecordMap,
  stageIds: ReadonlySet<string>,
  laneIds: ReadonlySet<string>,
  fallbackStage: StageId,
  fallbackLane: LaneId,
  onRepair?: RepairListener,
): Card {
  // The record's entries copied once: a card holds a handful of the twenty-odd fields looked up
  // below, and a Y.Map lookup per field cost more than the copy (every card is read on join).
  const fields = new Map<string, unknown>();
  record.forEach((value, key) => {
    fields.set(key, value);
  });
  return readCardFields(id, fields, stageIds, laneIds, fallbackStage, fallbackLane, onRepair);
}

function readCardFields(
  id: string,
  record: ReadonlyMap<string, unknown>,
  stageIds: ReadonlySet<string>,
  laneIds: ReadonlySet<string>,
  fallbackStage: StageId,
  fallbackLane: LaneId,
  onRepair?: RepairListener,
): Card {
  const cell = readCellOf(record);
  const kind = record.get('kind');
  const path = `cards/${id}`;
  const knownKind = (CARD_KINDS as readonly unknown[]).includes(kind);
  const inGrid = cell !== undefined && stageIds.has(cell.stageId) && laneIds.has(cell.laneId);
  if (onRepair) {
    if (!knownKind) tell(onRepair, 'field-defaulted', `${path}/kind`);
    if (!inGrid) tell(onRepair, 'card-rehomed', path);
    const order = (record.get('cell') as Partial<CellValue> | undefined)?.order;
    if (cell && num(order, Number.NaN) !== order) tell(onRepair, 'field-defaulted', `${path}/cell/order`);
  }
  const card: Card = {
    id: id as CardId,
    kind: knownKind ? (kind as CardKind) : 'note',
    stageId: cell && stageIds.has(cell.stageId) ? (cell.stageId as StageId) : fallbackStage,
    laneId: cell && laneIds.has(cell.laneId) ? (cell.laneId as LaneId) : fallbackLane,
    order: cell?.order ?? 0,
    text: requiredText(record, 'text', path, LIMITS.cardTextLength, onRepair),
  };
  if (hasText(record, 'thought')) card.thought = text(record, 'thought', path, LIMITS.cardTextLength, onRepair);
  else if (record.get('thought') !== undefined && record.get('thought') !== null) tell(onRepair, 'field-defaulted', `${path}/thought`);
  for (const field of OPTIONAL_CARD_FIELDS) {
    const value = record.get(field);
    if (value === undefined || value === null) continue;
    if (validCardField(field, value)) (card as Record<string, unknown>)[field] = value;
    else tell(onRepair, 'field-defaulted', `${path}/${field}`);
  }
  const personaEmotions = readPersonaEmotions(record, (key) => tell(onRepair, 'field-defaulted', `${path}/${key}`));
  if (personaEmotions) card.personaEmotions = personaEmotions;
  return card;
}

export function readLinks(doc: Y.Doc, cardIds: ReadonlySet<string>, onRepair?: RepairListener): Link[] {
  const links: Link[] = [];
  linksMap(doc).forEach((value, id) => {
    if (!isValidId(id) || !value || typeof value !== 'object') {
      tell(onRepair, 'record-skipped', `links/${id}`);
      return;
    }
    const { from, to } = value;
    // A link whose card was deleted concurrently is dangling; it is not part of the board.
    if (cardIds.has(from) && cardIds.has(to) && from !== to) {
      links.push({ id: id as LinkId, from: from as CardId, to: to as CardId });
    } else {
      tell(onRepair, 'link-dropped', `links/${id}`);
    }
  });
  return links.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The whole board as plain, schema-valid data (given a document with ≥1 stage and lane).
 * `onRepair` is told each thing the reader had to fix (repairs.ts); the board is the same.
 */
export function docToBoard(doc: Y.Doc, id: string, onRepair?: RepairListener): Board {
  const stages = readStages(doc, onRepair);
  const lanes = readLanes(doc, onRepair);
  const personas = readPersonas(doc, onRepair);
  const scenarios = readScenarios(doc);
  const scenarioIds = new Set<string>(scenarios.map((s) => s.id));
  const personaIds = new Set<string>(personas.map((p) => p.id));
  const stageIds = new Set<string>(stages.map((s) => s.id));
  const laneIds = new Set<string>(lanes.map((l) => l.id));
  const stageIndex = new Map<string, number>(stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map<string, number>(lanes.map((l, i) => [l.id, i]));
  const cards: Card[] = [];
  const firstStage = stages[0]?.id;
  const firstLane = lanes[0]?.id;
  cardsMap(doc).forEach((record, cardId) => {
    if (!isValidId(cardId) || !record || typeof record.get !== 'function') tell(onRepair, 'record-skipped', `cards/${cardId}`);
    else if (!firstStage || !firstLane) tell(onRepair, 'card-dropped', `cards/${cardId}`);
    else {
      const card = readCard(cardId, record, stageIds, laneIds, firstStage, firstLane, onRepair);
      keepKnownScenarios(card, scenarioIds);
      keepKnownPersonas(card, personaIds);
      cards.push(card);
    }
  });
  cards.sort(
    (a, b) =>
      (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
      (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
      compareOrdered(a, b),
  );
  if (onRepair) tellMetaRepairs(metaMap(doc), personas, onRepair);
  const { title, locale, currency, activePersonaId, customChannels } = readBoardMeta(doc, personas);
  return {
    id: id as BoardId,
    title,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locale,
    currency,
    ...(customChannels ? { customChannels } : {}),
    personas,
    activePersonaId,
    stages,
    lanes,
    cards,
    links: readLinks(doc, new Set(cards.map((c) => c.id)), onRepair),
    scenarios,
    cadenceRules: readCadenceRules(doc),
  };
}

/**
 * The board's own fields (title, locale, currency, active persona) as `docToBoard` reads
 * them, for a reader that keeps its records between updates (the client's doc binding)
 * and so re-reads only what an update touched.
 */
export function readBoardMeta(
  doc: Y.Doc,
  personas: readonly Persona[],
): Pick<Board, 'title' | 'locale' | 'currency' | 'activePersonaId' | 'customChannels'> {
  const meta = metaMap(doc);
  const activePersonaId = meta.get('activePersonaId');
  const currency = meta.get('currency');
  // Optional (no schema version): a board without its own channels has no such key at all.
  const customChannels = readBoardChannels(meta).names;
  return {
    ...(customChannels.length > 0 ? { customChannels } : {}),
    title: str(meta.get('title')),
    locale: str(meta.get('locale'), DEFAULT_LOCALE) || DEFAULT_LOCALE,
    currency: (CURRENCIES as readonly unknown[]).includes(currency) ? (currency as Currency) : DEFAULT_CURRENCY,
    activePersonaId:
      typeof activePersonaId === 'string' && personas.some((p) => p.id === activePersonaId) ? (activePersonaId as PersonaId) : null,
  };
}

/** Meta fields the reader replaces: present but unusable (absent ones have documented defaults). */
function tellMetaRepairs(meta: Y.Map<unknown>, personas: readonly Persona[], onRepair: RepairListener): void {
  if (typeof meta.get('title') !== 'string') tell(onRepair, 'field-defaulted', 'meta/title');
  const locale = meta.get('locale');
  if (locale !== undefined && (typeof locale !== 'string' || locale === '')) tell(onRepair, 'field-defaulted', 'meta/locale');
  const currency = meta.get('currency');
  if (currency !== undefined && !(CURRENCIES as readonly unknown[]).includes(currency)) {
    tell(onRepair, 'field-defaulted', 'meta/currency');
  }
  for (const key of readBoardChannels(meta).leftOut) tell(onRepair, 'field-defaulted', `meta/${key}`);
  const active = meta.get('activePersonaId');
  if (active === undefined || active === null) return;
  if (typeof active !== 'string') tell(onRepair, 'field-defaulted', 'meta/activePersonaId');
  else if (!personas.some((p) => p.id === active)) tell(onRepair, 'active-persona-cleared', 'meta/activePersonaId');
}

/** The board and everything the reader had to repair to make it (see repairs.ts). */
export function readBoardWithRepairs(doc: Y.Doc, id: string): { board: Board; repairs: ReadRepair[] } {
  const repairs: ReadRepair[] = [];
  const board = docToBoard(doc, id, (repair) => repairs.push(repair));
  return { board, repairs };
}

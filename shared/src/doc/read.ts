import type * as Y from 'yjs';
import type { BoardId, CardId, LaneId, LinkId, PersonaId, StageId } from '../ids.ts';
import { isValidId } from '../ids.ts';
import {
  CURRENCIES,
  CURRENT_SCHEMA_VERSION,
  type Board,
  type Currency,
} from '../schema/board.ts';
import { cardSchema, CARD_KINDS, type Card, type CardKind } from '../schema/card.ts';
import { LANE_KINDS, type Lane, type LaneKind } from '../schema/lane.ts';
import type { Link } from '../schema/link.ts';
import type { Persona } from '../schema/persona.ts';
import type { Stage } from '../schema/stage.ts';
import {
  cardsMap,
  lanesMap,
  linksMap,
  metaMap,
  personasMap,
  stagesMap,
  type CellValue,
  type RecordMap,
} from './layout.ts';
import { compareOrdered } from './order.ts';
import { DEFAULT_LOCALE } from '../i18n/locales.ts';

/**
 * Reading is defensive: a document is shared with every client, so a field of the wrong
 * type becomes its default here instead of breaking every reader.
 */
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback = 0): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

export const DEFAULT_CURRENCY: Currency = 'EUR';

export function readSchemaVersion(doc: Y.Doc): number {
  return num(metaMap(doc).get('schemaVersion'), CURRENT_SCHEMA_VERSION);
}

export function readTitle(doc: Y.Doc): string {
  return str(metaMap(doc).get('title'));
}

type SortedRecord = { id: string; order: number; record: RecordMap };

function sortedRecords(map: Y.Map<RecordMap>): SortedRecord[] {
  const out: SortedRecord[] = [];
  map.forEach((record, id) => {
    if (isValidId(id) && record && typeof record.get === 'function') {
      out.push({ id, order: num(record.get('order')), record });
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
function liveRecords(map: Y.Map<RecordMap>): SortedRecord[] {
  const all = sortedRecords(map);
  const live = all.filter((r) => !isRemoved(r.record));
  return live.length > 0 ? live : all;
}

export function readStages(doc: Y.Doc): Stage[] {
  return liveRecords(stagesMap(doc)).map(({ id, record }) => ({
    id: id as StageId,
    title: str(record.get('title')),
  }));
}

export function readLanes(doc: Y.Doc): Lane[] {
  return liveRecords(lanesMap(doc)).map(({ id, record }) => {
    const kind = record.get('kind');
    return {
      id: id as LaneId,
      title: str(record.get('title')),
      kind: (LANE_KINDS as readonly unknown[]).includes(kind) ? (kind as LaneKind) : 'custom',
    };
  });
}

export function readPersonas(doc: Y.Doc): Persona[] {
  return sortedRecords(personasMap(doc)).map(({ id, record }) => ({
    id: id as PersonaId,
    name: str(record.get('name')),
    description: str(record.get('description')),
    segment: str(record.get('segment')),
  }));
}

const OPTIONAL_CARD_FIELDS = [
  'channel',
  'emotion',
  'thought',
  'ownerTeam',
  'metrics',
  'impact',
  'effort',
  'confidence',
  'owner',
  'dueDate',
  'status',
  'manualRank',
  'effects',
  'message',
] as const;

export function readCellOf(record: RecordMap): CellValue | undefined {
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
): Card {
  const cell = readCellOf(record);
  const kind = record.get('kind');
  const card: Card = {
    id: id as CardId,
    kind: (CARD_KINDS as readonly unknown[]).includes(kind) ? (kind as CardKind) : 'note',
    stageId: cell && stageIds.has(cell.stageId) ? (cell.stageId as StageId) : fallbackStage,
    laneId: cell && laneIds.has(cell.laneId) ? (cell.laneId as LaneId) : fallbackLane,
    order: cell?.order ?? 0,
    text: str(record.get('text')),
  };
  for (const field of OPTIONAL_CARD_FIELDS) {
    const value = record.get(field);
    if (value !== undefined && value !== null && cardSchema.shape[field].safeParse(value).success) {
      (card as Record<string, unknown>)[field] = value;
    }
  }
  return card;
}

export function readLinks(doc: Y.Doc, cardIds: ReadonlySet<string>): Link[] {
  const links: Link[] = [];
  linksMap(doc).forEach((value, id) => {
    if (!isValidId(id) || !value || typeof value !== 'object') return;
    const { from, to } = value;
    // A link whose card was deleted concurrently is dangling; it is not part of the board.
    if (cardIds.has(from) && cardIds.has(to) && from !== to) {
      links.push({ id: id as LinkId, from: from as CardId, to: to as CardId });
    }
  });
  return links.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The whole board as plain, schema-valid data (given a document with ≥1 stage and lane). */
export function docToBoard(doc: Y.Doc, id: string): Board {
  const meta = metaMap(doc);
  const stages = readStages(doc);
  const lanes = readLanes(doc);
  const personas = readPersonas(doc);
  const stageIds = new Set<string>(stages.map((s) => s.id));
  const laneIds = new Set<string>(lanes.map((l) => l.id));
  const stageIndex = new Map<string, number>(stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map<string, number>(lanes.map((l, i) => [l.id, i]));
  const cards: Card[] = [];
  const firstStage = stages[0]?.id;
  const firstLane = lanes[0]?.id;
  if (firstStage && firstLane) {
    cardsMap(doc).forEach((record, cardId) => {
      if (!isValidId(cardId) || !record || typeof record.get !== 'function') return;
      cards.push(readCard(cardId, record, stageIds, laneIds, firstStage, firstLane));
    });
  }
  cards.sort(
    (a, b) =>
      (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
      (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
      compareOrdered(a, b),
  );
  const activePersonaId = meta.get('activePersonaId');
  const currency = meta.get('currency');
  return {
    id: id as BoardId,
    title: str(meta.get('title')),
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locale: str(meta.get('locale'), DEFAULT_LOCALE) || DEFAULT_LOCALE,
    currency: (CURRENCIES as readonly unknown[]).includes(currency) ? (currency as Currency) : DEFAULT_CURRENCY,
    personas,
    activePersonaId:
      typeof activePersonaId === 'string' && personas.some((p) => p.id === activePersonaId)
        ? (activePersonaId as PersonaId)
        : null,
    stages,
    lanes,
    cards,
    links: readLinks(doc, new Set(cards.map((c) => c.id))),
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
): Pick<Board, 'title' | 'locale' | 'currency' | 'activePersonaId'> {
  const meta = metaMap(doc);
  const activePersonaId = meta.get('activePersonaId');
  const currency = meta.get('currency');
  return {
    title: str(meta.get('title')),
    locale: str(meta.get('locale'), DEFAULT_LOCALE) || DEFAULT_LOCALE,
    currency: (CURRENCIES as readonly unknown[]).includes(currency) ? (currency as Currency) : DEFAULT_CURRENCY,
    activePersonaId:
      typeof activePersonaId === 'string' && personas.some((p) => p.id === activePersonaId)
        ? (activePersonaId as PersonaId)
        : null,
  };
}

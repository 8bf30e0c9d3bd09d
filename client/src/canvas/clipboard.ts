import {
  cardSchema,
  createCardId,
  laneSchema,
  LIMITS,
  stageSchema,
  type Board,
  type Card,
  type CardFields,
  type CardId,
  type CardKind,
  type LaneId,
  type LaneKind,
  type StageId,
} from '@rejse/shared';
import { foldText } from '../doc/filter.ts';

/**
 * Copy, paste and duplicate of cards, as pure functions. A copy is a small JSON payload
 * (put on the system clipboard and in localStorage, so it also reaches another board in the
 * same browser); pasting validates it with the card schema, gives every card a fresh id,
 * finds each card a cell on the target board and keeps the links among the pasted cards.
 */
const CLIPBOARD_FORMAT = 'rejse/cards';
const CLIPBOARD_VERSION = 1;
/** More than this in one paste is refused rather than flooding a board. */
export const MAX_PASTED_CARDS = 500;
/** Lines of plain text pasted as cards, at most. */
const MAX_TEXT_CARDS = 50;

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: typeof CLIPBOARD_VERSION;
  /** The board copied from: on that board the copies go to the same cells. */
  boardId: string;
  /** In reading order. */
  cards: Card[];
  /** Links whose two ends are both copied (by the copied cards' ids). */
  links: { from: string; to: string }[];
  /** The copied cards' stages and lanes, to find matching cells on another board by title or kind. */
  stages: { id: string; title: string }[];
  lanes: { id: string; title: string; kind: LaneKind }[];
}

export function createClipboardPayload(board: Board, ids: readonly string[]): ClipboardPayload | null {
  const wanted = new Set(ids);
  const cards = board.cards.filter((c) => wanted.has(c.id));
  if (cards.length === 0) return null;
  const copied = new Set<string>(cards.map((c) => c.id));
  const stageIds = new Set<string>(cards.map((c) => c.stageId));
  const laneIds = new Set<string>(cards.map((c) => c.laneId));
  return {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    boardId: board.id,
    cards,
    links: board.links.filter((l) => copied.has(l.from) && copied.has(l.to)).map((l) => ({ from: l.from, to: l.to })),
    stages: board.stages.filter((s) => stageIds.has(s.id)).map((s) => ({ id: s.id, title: s.title })),
    lanes: board.lanes.filter((l) => laneIds.has(l.id)).map((l) => ({ id: l.id, title: l.title, kind: l.kind })),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The payload in a clipboard text, or null when the text is not one of ours (plain text,
 * another app's JSON, a payload from a future version). Cards that fail the card schema
 * are dropped with their links; a payload with too many cards is refused whole.
 */
export function parseClipboardPayload(text: string): ClipboardPayload | null {
  if (!text.trimStart().startsWith('{')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.format !== CLIPBOARD_FORMAT || raw.version !== CLIPBOARD_VERSION) return null;
  if (typeof raw.boardId !== 'string' || !Array.isArray(raw.cards) || raw.cards.length > MAX_PASTED_CARDS) return null;
  const cards: Card[] = [];
  for (const candidate of raw.cards) {
    const parsed = cardSchema.safeParse(candidate);
    if (parsed.success) cards.push(parsed.data as Card);
  }
  if (cards.length === 0) return null;
  const ids = new Set<string>(cards.map((c) => c.id));
  const links = (Array.isArray(raw.links) ? raw.links : [])
    .filter(
      (l): l is { from: string; to: string } =>
        isRecord(l) && typeof l.from === 'string' && typeof l.to === 'string' && ids.has(l.from) && ids.has(l.to) && l.from !== l.to,
    )
    .map((l) => ({ from: l.from, to: l.to }));
  const stages = (Array.isArray(raw.stages) ? raw.stages : []).flatMap((s) => {
    const parsed = stageSchema.safeParse(s);
    return parsed.success ? [{ id: parsed.data.id, title: parsed.data.title }] : [];
  });
  const lanes = (Array.isArray(raw.lanes) ? raw.lanes : []).flatMap((l) => {
    const parsed = laneSchema.safeParse(l);
    return parsed.success ? [{ id: parsed.data.id, title: parsed.data.title, kind: parsed.data.kind }] : [];
  });
  return { format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, boardId: raw.boardId, cards, links, stages, lanes };
}

/** One card to add: a fresh id, its cell and (for duplicates) its place in the cell. */
interface PlannedCard {
  id: CardId;
  /** The copied card's id. */
  sourceId: string;
  stageId: StageId;
  laneId: LaneId;
  /** Position in the cell at the moment this card is added (cards are added in plan order); appended when absent. */
  index?: number;
  fields: Partial<CardFields> & { kind: CardKind };
}

export interface PastePlan {
  cards: PlannedCard[];
  links: { from: CardId; to: CardId }[];
}

export interface PasteOptions {
  /** The selected card on the target board: its cell takes cards that have no matching cell. */
  anchor?: { stageId: string; laneId: string } | null;
  /** Duplicate (Ctrl/Cmd+D): each copy goes right after the copied cards of its cell. */
  duplicate?: boolean;
  createId?: () => CardId;
}

/** The lane kind a card of this kind belongs in, for finding a home on another board. */
function laneKindFor(kind: CardKind): LaneKind | null {
  switch (kind) {
    case 'touchpoint':
      return 'touchpoints';
    case 'pain':
      return 'pains';
    case 'idea':
      return 'ideas';
    default:
      return null;
  }
}

/** Fields a copy keeps: everything the card says, not where it is or its manual rank in the to-do list. */
function copiedFields(card: Card): Partial<CardFields> & { kind: CardKind } {
  const { id: _id, stageId: _stage, laneId: _lane, order: _order, manualRank: _rank, ...fields } = card;
  return fields;
}

type Target = Pick<Board, 'id' | 'stages' | 'lanes' | 'cards'>;

/**
 * Where each copied card goes on `board`, dimension by dimension: the same stage (lane) if it
 * exists there, else one with the same title (a lane also by its kind), else the anchor's,
 * else the first stage and the lane that suits the card's kind (or the first lane).
 */
export function planPaste(payload: ClipboardPayload, board: Target, options: PasteOptions = {}): PastePlan {
  const createId = options.createId ?? createCardId;
  const firstStage = board.stages[0];
  const firstLane = board.lanes[0];
  if (!firstStage || !firstLane) return { cards: [], links: [] };
  const room = Math.max(0, LIMITS.cards - board.cards.length);
  const stageIds = new Set<string>(board.stages.map((s) => s.id));
  const laneIds = new Set<string>(board.lanes.map((l) => l.id));
  const stageByTitle = new Map<string, StageId>();
  for (const s of [...board.stages].reverse()) stageByTitle.set(foldText(s.title), s.id);
  const laneByTitle = new Map<string, LaneId>();
  for (const l of [...board.lanes].reverse()) laneByTitle.set(foldText(l.title), l.id);
  const sourceStage = new Map(payload.stages.map((s) => [s.id, s]));
  const sourceLane = new Map(payload.lanes.map((l) => [l.id, l]));
  const anchorStage = options.anchor && stageIds.has(options.anchor.stageId) ? (options.anchor.stageId as StageId) : null;
  const anchorLane = options.anchor && laneIds.has(options.anchor.laneId) ? (options.anchor.laneId as LaneId) : null;

  const stageFor = (card: Card): StageId => {
    if (stageIds.has(card.stageId)) return card.stageId;
    const title = sourceStage.get(card.stageId)?.title;
    return (title ? stageByTitle.get(foldText(title)) : undefined) ?? anchorStage ?? firstStage.id;
  };
  const laneFor = (card: Card): LaneId => {
    if (laneIds.has(card.laneId)) return card.laneId;
    const source = sourceLane.get(card.laneId);
    const byTitle = source ? laneByTitle.get(foldText(source.title)) : undefined;
    if (byTitle) return byTitle;
    if (source && source.kind !== 'custom') {
      const byKind = board.lanes.find((l) => l.kind === source.kind);
      if (byKind) return byKind.id;
    }
    if (anchorLane) return anchorLane;
    const suits = laneKindFor(card.kind);
    return (suits ? board.lanes.find((l) => l.kind === suits)?.id : undefined) ?? firstLane.id;
  };

  // For duplicates: where the last copied card of each cell stands, so the copies follow it.
  const afterOriginals = new Map<string, number>();
  if (options.duplicate) {
    const copied = new Set(payload.cards.map((c) => c.id));
    const byCell = new Map<string, Card[]>();
    for (const card of board.cards) {
      const key = `${card.stageId}\u0000${card.laneId}`;
      const list = byCell.get(key);
      if (list) list.push(card);
      else byCell.set(key, [card]);
    }
    for (const [key, list] of byCell) {
      const sorted = [...list].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
      const last = sorted.findLastIndex((c) => copied.has(c.id));
      if (last >= 0) afterOriginals.set(key, last + 1);
    }
  }

  const planned: PlannedCard[] = [];
  const newId = new Map<string, CardId>();
  for (const card of payload.cards.slice(0, room)) {
    const stageId = stageFor(card);
    const laneId = laneFor(card);
    const id = createId();
    newId.set(card.id, id);
    const key = `${stageId}\u0000${laneId}`;
    const at = afterOriginals.get(key);
    if (at !== undefined) afterOriginals.set(key, at + 1);
    planned.push({
      id,
      sourceId: card.id,
      stageId,
      laneId,
      ...(at === undefined ? {} : { index: at }),
      fields: copiedFields(card),
    });
  }
  const links = payload.links.flatMap((l) => {
    const from = newId.get(l.from);
    const to = newId.get(l.to);
    return from && to ? [{ from, to }] : [];
  });
  return { cards: planned, links };
}

/**
 * Plain text pasted onto the board: one card per non-empty line (at most MAX_TEXT_CARDS),
 * into the anchor's cell or the first cell; the lane decides the kind.
 */
export function planTextPaste(
  text: string,
  board: Target,
  kindForLane: (kind: LaneKind | undefined) => CardKind,
  options: Pick<PasteOptions, 'anchor' | 'createId'> = {},
): PastePlan {
  const createId = options.createId ?? createCardId;
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, Math.min(MAX_TEXT_CARDS, Math.max(0, LIMITS.cards - board.cards.length)));
  const stage = board.stages.find((s) => s.id === options.anchor?.stageId) ?? board.stages[0];
  const lane = board.lanes.find((l) => l.id === options.anchor?.laneId) ?? board.lanes[0];
  if (!stage || !lane || lines.length === 0) return { cards: [], links: [] };
  const kind = kindForLane(lane.kind);
  return {
    cards: lines.map((line) => ({
      id: createId(),
      sourceId: '',
      stageId: stage.id,
      laneId: lane.id,
      fields: { kind, text: line.slice(0, LIMITS.cardTextLength) },
    })),
    links: [],
  };
}

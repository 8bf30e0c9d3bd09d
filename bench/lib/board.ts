import {
  addCard,
  cardsMap,
  EMOTIONS,
  instantiateTemplate,
  readLanes,
  readStages,
  stagesMap,
  textValue,
  updateCard,
  writeBoardInto,
  type AddCardInput,
  type CardId,
  type CardKind,
  type LaneId,
  type StageId,
} from '@rejse/shared';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '@rejse/templates';
import * as Y from 'yjs';
import type { BenchClient, BenchRoom } from './clients.ts';
import type { RunningServer } from './servers.ts';
import { createRng } from '@rejse/shared/testing';

/**
 * The board every server is loaded with: Rejse's own document layout (shared/src/doc) and
 * edit operations, so the peers carry byte-for-byte the same kind of updates Rejse does.
 */

/**
 * Rooms for one scenario: Rejse boards are created over HTTP, the peers take any name.
 * Rejse clients join through the board's **editor** link — what workshop participants get —
 * so every update they send passes Rejse's per-update role and lock check.
 */
export async function createRooms(server: RunningServer, count: number, prefix: string): Promise<BenchRoom[]> {
  const rooms: BenchRoom[] = [];
  for (let i = 0; i < count; i++) {
    if (server.kind !== 'rejse') {
      rooms.push({ name: `${prefix}-${i}-${Math.random().toString(36).slice(2, 8)}` });
      continue;
    }
    const response = await fetch(`${server.httpUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `${prefix} ${i}` }),
    });
    if (response.status !== 201) {
      throw new Error(`POST /api/boards answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    const body = (await response.json()) as { id?: unknown; links?: { editor?: unknown } };
    if (typeof body.id !== 'string') throw new Error(`POST /api/boards returned no id: ${JSON.stringify(body)}`);
    const editorLink = typeof body.links?.editor === 'string' ? body.links.editor : undefined;
    const token = editorLink ? new URL(editorLink, server.httpUrl).searchParams.get('token') : null;
    rooms.push(token ? { name: body.id, token } : { name: body.id });
  }
  return rooms;
}

/**
 * Rejse seeds a new board from the blank template itself; for the peers the room's first
 * client writes the same template, so all three carry the same stages and lanes.
 */
export function seedTemplateIfEmpty(server: RunningServer, doc: Y.Doc, title: string): void {
  if (server.kind === 'rejse' || stagesMap(doc).size > 0) return;
  const template = findTemplate(DEFAULT_TEMPLATE_ID);
  if (!template) throw new Error('blank template missing');
  writeBoardInto(doc, instantiateTemplate(template, { title }));
}

/** Resolves once `predicate` holds, checking after every change of the document. */
export function waitForDoc(doc: Y.Doc, predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      doc.off('afterTransaction', check);
    };
    doc.on('afterTransaction', check);
  });
}

interface Cell {
  stageId: StageId;
  laneId: LaneId;
}

/** Every (stage, lane) cell of the board, stage-major. */
function cellsOf(doc: Y.Doc): Cell[] {
  const lanes = readLanes(doc);
  const cells: Cell[] = [];
  for (const stage of readStages(doc)) for (const lane of lanes) cells.push({ stageId: stage.id, laneId: lane.id });
  return cells;
}

const KINDS: readonly CardKind[] = ['touchpoint', 'pain', 'idea', 'note'];
const WORDS = [
  'reminder',
  'letter',
  'invoice',
  'customer',
  'calls',
  'portal',
  'payment',
  'plan',
  'SMS',
  'overdue',
  'fee',
  'dispute',
  'agent',
  'e-mail',
  'unclear',
  'amount',
  'due',
  'date',
  'confused',
  'pays',
];

/** A realistic card: a sentence of text, and for touchpoints the fields a workshop fills in. */
function cardInput(cell: Cell, rng: () => number): AddCardInput {
  const kind = KINDS[Math.floor(rng() * KINDS.length)] ?? 'note';
  const words: string[] = [];
  const length = 6 + Math.floor(rng() * 10);
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(rng() * WORDS.length)] ?? 'note');
  const input: AddCardInput = { ...cell, kind, text: words.join(' ') };
  if (kind === 'touchpoint') {
    input.channel = 'letter';
    input.emotion = EMOTIONS[Math.floor(rng() * EMOTIONS.length)] ?? 0;
  }
  return input;
}

/** Adds `count` cards, `perTransaction` of them per update, spread over all cells. */
export function addCards(doc: Y.Doc, count: number, perTransaction: number, seed: number): void {
  const cells = cellsOf(doc);
  if (cells.length === 0) throw new Error('board has no cells');
  const rng = createRng(seed).next;
  for (let done = 0; done < count; ) {
    const batch = Math.min(perTransaction, count - done);
    doc.transact(() => {
      for (let i = 0; i < batch; i++) addCard(doc, cardInput(cells[(done + i) % cells.length] as Cell, rng));
    });
    done += batch;
  }
}

/** The text of a timestamped edit: sequence number and the writer's send time (ms, performance.now()). */
const STAMP = /^bench (\d+) (\d+\.\d+)$/;

/** One edit: the writer's card gets new text carrying its send time. */
export function writeStamp(doc: Y.Doc, cardId: CardId, seq: number): void {
  updateCard(doc, cardId, { text: `bench ${seq} ${performance.now().toFixed(3)}` });
}

/**
 * Calls `onStamp` for every remote timestamped edit this document receives, at the moment the
 * provider applies it. Local edits are skipped.
 */
/** A card's text as a string (a Y.Text or an old plain string), for comparing replicas. */
export const cardText = (doc: Y.Doc, cardId: string): string => textValue(cardsMap(doc).get(cardId)?.get('text'));

export function observeStamps(doc: Y.Doc, onStamp: (cardId: string, seq: number, sentAt: number) => void): void {
  const cards = cardsMap(doc);
  cards.observeDeep((events, transaction) => {
    if (transaction.local) return;
    for (const event of events) {
      // A card's text is a Y.Text (typed into: a text event on it) or, from an old client, a plain string (a map event).
      const typedInto = event instanceof Y.YTextEvent && event.path.length === 2 && event.path[1] === 'text';
      const replaced = event instanceof Y.YMapEvent && event.target !== cards && event.keysChanged.has('text');
      if (!typedInto && !replaced) continue;
      const record = (typedInto ? event.target.parent : event.target) as Y.Map<unknown>;
      const match = STAMP.exec(textValue(record.get('text')));
      if (!match) continue;
      const key = event.path[0];
      onStamp(typeof key === 'string' ? key : '', Number(match[1]), Number(match[2]));
    }
  });
}

/** Each client adds its own card, the one it will keep editing; resolves with the ids. */
export async function addOwnCards(clients: readonly BenchClient[], timeoutMs: number): Promise<CardId[]> {
  const ids = clients.map((client, i) => {
    const cell = cellsOf(client.doc)[i % 7];
    if (!cell) throw new Error('board has no cells');
    return addCard(client.doc, { ...cell, kind: 'touchpoint', text: `bench card ${i}` });
  });
  // Everyone sees everyone's card before the clock starts.
  await Promise.all(
    clients.map((client) =>
      waitForDoc(client.doc, () => ids.every((id) => cardsMap(client.doc).has(id)), timeoutMs, 'all cards of the room'),
    ),
  );
  return ids;
}

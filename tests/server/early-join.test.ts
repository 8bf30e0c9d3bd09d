/**
 * A cold board's first joiner (issue 14): a board this server already loaded, found current
 * and stored as one snapshot is answered from the stored bytes before its document is decoded
 * (server/src/sync/opening.ts). Every test here checks what a client ends up with, and which
 * way the server went (its `board loaded` debug line says `"early":true` or `false`).
 */
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_FILE, createSqliteStore } from '@rejse/server';
import {
  CURRENT_SCHEMA_VERSION,
  addCard,
  cardsMap,
  docToBoard,
  editCardText,
  lanesMap,
  metaMap,
  recordFrom,
  stagesMap,
} from '@rejse/shared';
import { createBoard, facilitatorToken, type RunningServer } from '../helpers/server.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';
import { SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, syncFrame } from '../fault/frames.ts';
import { firstCell, health, openRawSocket } from './util.ts';

const { start, connect } = stoppedAfterEach();
const DEBUG = { env: { LOG_LEVEL: 'debug' } };

/** Whether the last load of `boardId` answered a joiner from the stored bytes before decoding (undefined: no load seen). */
function lastLoadEarly(server: RunningServer, boardId: string): boolean | undefined {
  const line = server
    .output()
    .split('\n')
    .findLast((l) => l.includes('"board loaded"') && l.includes(boardId));
  return line === undefined ? undefined : (JSON.parse(line) as { early: boolean }).early;
}

/** Waits until the board's room is loaded and its last load was (or was not) answered early. */
async function expectLastLoad(server: RunningServer, boardId: string, early: boolean): Promise<void> {
  // A joiner answered early is synced before the room loads: wait for the room, then for its log line.
  await vi.waitFor(async () => expect((await health(server)).rooms).toBeGreaterThan(0));
  await vi.waitFor(() => expect(lastLoadEarly(server, boardId)).toBe(early));
}

async function unloaded(server: RunningServer): Promise<void> {
  await vi.waitFor(async () => expect(await health(server)).toMatchObject({ rooms: 0, connections: 0 }), { timeout: 10_000 });
}

/** A board with `cards` cards written by a client, then left by everyone (so it is compacted and unloaded). */
async function storedBoard(server: RunningServer, cards: number): Promise<{ id: string; expected: ReturnType<typeof docToBoard> }> {
  const board = await createBoard(server);
  const writer = connect(server, board.id);
  await writer.synced;
  const cell = firstCell(writer.doc);
  writer.doc.transact(() => {
    for (let i = 0; i < cards; i++) addCard(writer.doc, { ...cell, kind: 'touchpoint', text: `Reminder ${i}` });
  });
  const reader = connect(server, board.id);
  await reader.synced;
  await vi.waitFor(() => expect(cardsMap(reader.doc).size).toBe(cards));
  const expected = docToBoard(reader.doc, board.id);
  writer.destroy();
  reader.destroy();
  await unloaded(server);
  return { id: board.id, expected };
}

/** The sync message type and payload of a frame from the server. */
function syncMessage(frame: Uint8Array): { type: number; subtype: number; payload: Uint8Array } {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  const subtype = type === 0 ? decoding.readVarUint(decoder) : -1;
  return { type, subtype, payload: type === 0 ? decoding.readVarUint8Array(decoder) : new Uint8Array() };
}

describe('a cold board’s first joiner', () => {
  it('gets the whole board as the first thing it hears, from the stored bytes, and every later joiner the same', async () => {
    const server = await start(DEBUG);
    const { id, expected } = await storedBoard(server, 400);

    const raw = openRawSocket(server, `/ws/${id}?token=${facilitatorToken(id)}`);
    await raw.opened;
    raw.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())));
    await vi.waitFor(() => expect(raw.received.length).toBeGreaterThan(0));
    const first = syncMessage(raw.received[0]!);
    expect([first.type, first.subtype]).toEqual([0, SYNC_STEP2]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, first.payload);
    expect(docToBoard(doc, id)).toEqual(expected);
    await expectLastLoad(server, id, true);

    // A stock client joining meanwhile, and one after everyone left again.
    const second = connect(server, id);
    await second.synced;
    expect(docToBoard(second.doc, id)).toEqual(expected);
    raw.ws.close();
    second.destroy();
    await unloaded(server);
    const third = connect(server, id);
    await third.synced;
    expect(docToBoard(third.doc, id)).toEqual(expected);
    await expectLastLoad(server, id, true);
  });

  it('edits sent at once on connect, before the board is decoded, are kept, applied in order and reach a second client', async () => {
    const server = await start(DEBUG);
    const { id } = await storedBoard(server, 50);
    const reader = connect(server, id);
    await reader.synced;
    const cell = firstCell(reader.doc);
    const copy = Y.encodeStateAsUpdate(reader.doc);
    reader.destroy();
    await unloaded(server);

    // Made on a copy of the board, as a page holding it would: a card, then typing into it (two updates).
    const local = new Y.Doc();
    Y.applyUpdate(local, copy);
    const updates: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => updates.push(update));
    const early = addCard(local, { ...cell, kind: 'pain', text: 'Letter arrives after the due date' });
    editCardText(local, early, 'text', { index: 0, remove: 0, insert: 'Early: ' });
    expect(updates).toHaveLength(2);

    const raw = openRawSocket(server, `/ws/${id}?token=${facilitatorToken(id)}`);
    await raw.opened;
    // All in one go, as a page that edits the moment its socket opens would.
    raw.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())));
    for (const update of updates) raw.ws.send(syncFrame(SYNC_UPDATE, update));

    const other = connect(server, id);
    await other.synced;
    await vi.waitFor(() =>
      expect(docToBoard(other.doc, id).cards.find((c) => c.id === early)?.text).toBe('Early: Letter arrives after the due date'),
    );
    expect(syncMessage(raw.received[0]!).subtype).toBe(SYNC_STEP2);
    await expectLastLoad(server, id, true);

    // Stored, not only sent: everyone leaves, the next joiner has it.
    raw.ws.close();
    other.destroy();
    expect((await raw.closed).code).toBe(1005);
    await unloaded(server);
    const later = connect(server, id);
    await later.synced;
    expect(cardsMap(later.doc).has(early)).toBe(true);
    expect(cardsMap(later.doc).size).toBe(51);
  });

  it('two joiners racing to a cold board load it once and both get it; a reconnecting client with state loads it at once', async () => {
    const server = await start(DEBUG);
    const { id, expected } = await storedBoard(server, 100);
    const a = connect(server, id);
    const b = connect(server, id);
    await Promise.all([a.synced, b.synced]);
    expect(docToBoard(a.doc, id)).toEqual(expected);
    expect(docToBoard(b.doc, id)).toEqual(expected);
    await expectLastLoad(server, id, true);
    expect(await health(server)).toMatchObject({ rooms: 1, connections: 2 });

    // b keeps its document and comes back after the room unloaded: it asks for what it lacks, not for everything.
    a.destroy();
    b.provider.disconnect();
    await unloaded(server);
    addCard(b.doc, { ...firstCell(b.doc), kind: 'idea', text: 'Made while away' });
    b.provider.connect();
    await expectLastLoad(server, id, false);
    const c = connect(server, id);
    await c.synced;
    await vi.waitFor(() => expect(cardsMap(c.doc).size).toBe(101));
  });

  it('a board stored with un-compacted updates (a crash) loads the plain way, and early once this server compacted it', async () => {
    const server = await start({ env: { ...DEBUG.env, COMPACT_THRESHOLD: '100000' } });
    const board = await createBoard(server);
    const writer = connect(server, board.id);
    await writer.synced;
    const cell = firstCell(writer.doc);
    for (let i = 0; i < 30; i++) addCard(writer.doc, { ...cell, kind: 'note', text: `Note ${i}` });
    const reader = connect(server, board.id);
    await reader.synced;
    await vi.waitFor(() => expect(cardsMap(reader.doc).size).toBe(30));
    const expected = docToBoard(reader.doc, board.id);
    await server.kill('SIGKILL');
    writer.destroy();
    reader.destroy();

    const restarted = await start({ dataDir: server.dataDir, env: DEBUG.env });
    const first = connect(restarted, board.id);
    await first.synced;
    expect(docToBoard(first.doc, board.id)).toEqual(expected);
    await expectLastLoad(restarted, board.id, false);
    first.destroy();
    await unloaded(restarted);
    const second = connect(restarted, board.id);
    await second.synced;
    expect(docToBoard(second.doc, board.id)).toEqual(expected);
    await expectLastLoad(restarted, board.id, true);
  });

  it('a stored board of an older schema version arrives migrated, the first time (plain load) and after (early)', async () => {
    const server = await start(DEBUG);
    const board = await createBoard(server);
    await server.kill('SIGTERM');
    // What a version-2 server stored: every text a plain string.
    const store = createSqliteStore(path.join(server.dataDir, DATABASE_FILE));
    try {
      const lastSeq = store.documents.load(board.id)?.lastSeq ?? 0;
      store.documents.compact(board.id, Y.encodeStateAsUpdate(plainTextBoard(2)), lastSeq);
    } finally {
      store.close();
    }
    const restarted = await start({ dataDir: server.dataDir, env: DEBUG.env });
    for (const round of [0, 1]) {
      const client = connect(restarted, board.id);
      await client.synced;
      expect(metaMap(client.doc).get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
      const letter = cardsMap(client.doc).get('c_letter');
      expect(letter?.get('text')).toBeInstanceOf(Y.Text);
      expect(docToBoard(client.doc, board.id).cards.find((c) => c.id === 'c_letter')?.text).toBe(OLD_CARD_TEXT);
      expect([...stagesMap(client.doc).values()].every((s) => s.get('title') instanceof Y.Text)).toBe(true);
      // The first load after the restart migrates (and stores that); the next answers from the migrated snapshot.
      await expectLastLoad(restarted, board.id, round === 1);
      client.destroy();
      await unloaded(restarted);
    }
  });
});

const OLD_CARD_TEXT = 'Reminder letter in e-Boks';

/** A board as a version-1 or -2 server stored it (see shared/src/migrations/migrations.test.ts). */
function plainTextBoard(version: 1 | 2): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('title', 'Old board');
    metaMap(doc).set('schemaVersion', version);
    stagesMap(doc).set('s_letter', recordFrom({ title: 'Letter', order: 1 }));
    lanesMap(doc).set('l_touch', recordFrom({ title: 'Touchpoints', kind: 'touchpoints', order: 1 }));
    cardsMap(doc).set(
      'c_letter',
      recordFrom({ kind: 'touchpoint', text: OLD_CARD_TEXT, cell: { stageId: 's_letter', laneId: 'l_touch', order: 1 } }),
    );
  });
  return doc;
}

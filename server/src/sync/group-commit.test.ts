import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardsMap, readLanes, readStages } from '@rejse/shared';
import { TEMPLATES } from '@rejse/templates';
import { createBoardFromTemplate } from '../boards/create.ts';
import { silentLogger } from '../log.ts';
import type { DocumentLog } from '../storage/documents.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import { fakeConnection } from './test-connection.ts';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate, MESSAGE_SYNC, SYNC_STEP2 } from './messages.ts';
import { RoomManager } from './rooms.ts';

const isUpdateFrame = (frame: Uint8Array) => frame[0] === MESSAGE_SYNC && frame[1] === 2;
const isStep2Frame = (frame: Uint8Array) => frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP2;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A live board in a room, and a document log that records its transactions. */
function setup() {
  const memory = createMemoryStore();
  const batches: number[] = [];
  let writesInBatch: number | null = null;
  let diskFull = false;
  const documents: DocumentLog = {
    ...memory.documents,
    append(id, update) {
      if (writesInBatch !== null) writesInBatch += 1;
      return memory.documents.append(id, update);
    },
    appendMany(entries) {
      if (diskFull) throw new Error('disk full');
      if (writesInBatch !== null) writesInBatch += entries.length;
      return memory.documents.appendMany(entries);
    },
    batch(work) {
      writesInBatch = 0;
      try {
        return memory.documents.batch(work);
      } finally {
        batches.push(writesInBatch);
        writesInBatch = null;
      }
    },
  };
  const { meta } = createBoardFromTemplate({ documents }, TEMPLATES[0]!, { now: 1 });
  const rooms = new RoomManager(documents, { compactAfterUpdates: 100_000, touchIntervalMs: 1000, log: silentLogger });
  const room = rooms.acquire(meta.id)!;
  const storedRows = () => memory.documents.load(meta.id)!.updates.length;
  /** A client replica of the board and the frames its edits become. */
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(room.doc));
  const edits: Uint8Array[] = [];
  replica.on('update', (update: Uint8Array) => edits.push(encodeSyncUpdate(update)));
  const cell = { stageId: readStages(replica)[0]!.id, laneId: readLanes(replica)[0]!.id };
  const failWrites = () => {
    diskFull = true;
  };
  return { boardId: meta.id, room, rooms, batches, storedRows, replica, edits, cell, failWrites };
}

describe('group commit', () => {
  it('the updates of one turn are stored in one transaction, and broadcast only after it', async () => {
    const { boardId, room, batches, storedRows, replica, edits, cell } = setup();
    const writer = fakeConnection(boardId);
    const reader = fakeConnection(boardId);
    room.addConnection(writer.conn);
    room.addConnection(reader.conn);
    batches.length = 0;
    for (let i = 0; i < 10; i++) addCard(replica, { ...cell, kind: 'note', text: `Note ${i}` });
    for (const frame of edits) room.handleFrame(writer.conn, frame);

    // Applied, but neither stored nor sent yet.
    expect(cardsMap(room.doc).size).toBe(cardsMap(replica).size);
    expect(storedRows()).toBe(0);
    expect(reader.frames.filter(isUpdateFrame)).toHaveLength(0);

    await nextTurn();
    expect(batches).toEqual([10]);
    expect(storedRows()).toBe(10);
    expect(reader.frames.filter(isUpdateFrame)).toHaveLength(10);
    // The writer has its own edits.
    expect(writer.frames.filter(isUpdateFrame)).toHaveLength(0);
  });

  it('a join in the same turn as an edit gets it only once it is stored', () => {
    const { boardId, room, storedRows, replica, edits, cell } = setup();
    const writer = fakeConnection(boardId);
    room.addConnection(writer.conn);
    const id = addCard(replica, { ...cell, kind: 'note', text: 'just now' });
    for (const frame of edits) room.handleFrame(writer.conn, frame);
    expect(storedRows()).toBe(0);

    const joiner = fakeConnection(boardId);
    room.addConnection(joiner.conn);
    room.handleFrame(joiner.conn, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    expect(storedRows()).toBe(1);
    const answer = joiner.frames.find(isStep2Frame)!;
    const joined = new Y.Doc();
    Y.applyUpdate(joined, answer.slice(2 + varUintLength(answer, 2)));
    expect(cardsMap(joined).has(id)).toBe(true);
  });

  it('joins are a copy of one cached encoding until the document changes', async () => {
    const { boardId, room, replica, edits, cell } = setup();
    const join = () => {
      const joiner = fakeConnection(boardId, 'viewer');
      room.addConnection(joiner.conn);
      room.handleFrame(joiner.conn, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
      return joiner.frames.find(isStep2Frame)!;
    };
    const first = join();
    expect(join()).toBe(first);
    expect(first).toEqual(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc)));

    const writer = fakeConnection(boardId);
    room.addConnection(writer.conn);
    addCard(replica, { ...cell, kind: 'note', text: 'changes the cache' });
    for (const frame of edits) room.handleFrame(writer.conn, frame);
    await nextTurn();
    const after = join();
    expect(after).not.toBe(first);
    expect(after).toEqual(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc)));
  });

  it('a write that fails closes that board with 4500 and sends none of what waited', async () => {
    const { boardId, room, rooms, replica, edits, cell, failWrites } = setup();
    const writer = fakeConnection(boardId);
    const reader = fakeConnection(boardId);
    room.addConnection(writer.conn);
    room.addConnection(reader.conn);
    failWrites();
    addCard(replica, { ...cell, kind: 'note', text: 'never stored' });
    for (const frame of edits) room.handleFrame(writer.conn, frame);
    await nextTurn();
    expect(reader.frames.filter(isUpdateFrame)).toHaveLength(0);
    expect(reader.closedWith()?.code).toBe(4500);
    expect(writer.closedWith()?.code).toBe(4500);
    expect(rooms.stats().rooms).toBe(0);
  });
});

/** Bytes of the varuint at `offset` (the length prefix of a sync message's payload). */
function varUintLength(bytes: Uint8Array, offset: number): number {
  let n = 0;
  while ((bytes[offset + n] as number) & 0x80) n += 1;
  return n + 1;
}

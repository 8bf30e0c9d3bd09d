import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addCard, cardsMap, metaMap, readLanes, readStages } from '@rejse/shared';
import { TEMPLATES } from '@rejse/templates';
import { createBoardFromTemplate } from '../boards/create.ts';
import { silentLogger } from '../log.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import { fakeConnection } from './test-connection.ts';
import { MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, encodeSyncStep1, encodeSyncUpdate } from './messages.ts';
import { OpeningRoom } from './opening.ts';
import { Room } from './room.ts';
import { RoomManager } from './rooms.ts';

const asksForEverything = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
const subtype = (frame: Uint8Array | undefined) => (frame?.[0] === MESSAGE_SYNC ? frame[1] : undefined);
// The write callback, the two turns the decode waits (opening.ts), and the room's own.
const nextTurns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A board made from a template in a memory store, and a manager over it. */
function setup() {
  const store = createMemoryStore();
  const { meta } = createBoardFromTemplate(store, TEMPLATES[0]!, { now: 1 });
  const rooms = new RoomManager(store.documents, { compactAfterUpdates: 100_000, touchIntervalMs: 1000, log: silentLogger });
  /** Loads the board with one connection and lets it go: the manager now knows its stored snapshot. */
  const visit = () => {
    const target = rooms.join(meta.id);
    const { conn } = fakeConnection(meta.id, 'facilitator');
    target!.addConnection(conn);
    const room = rooms.acquire(meta.id)!;
    rooms.disconnect(target!, conn);
    return room;
  };
  return { boardId: meta.id, documents: store.documents, rooms, visit };
}

describe('opening a cold board (early join)', () => {
  it('a board this manager never loaded loads the plain way; once it was loaded and left, it opens early', () => {
    const { boardId, rooms } = setup();
    expect(rooms.join(boardId)).toBeInstanceOf(Room);
    rooms.unloadIfIdle(rooms.get(boardId)!);
    expect(rooms.join(boardId)).toBeInstanceOf(OpeningRoom);
  });

  it('a stored state that changed behind the manager’s back (rows appended, another snapshot) loads the plain way', () => {
    const { boardId, documents, rooms, visit } = setup();
    const room = visit();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room.doc));
    const updates: Uint8Array[] = [];
    other.on('update', (update: Uint8Array) => updates.push(update));
    addCard(other, {
      stageId: readStages(other)[0]!.id,
      laneId: readLanes(other)[0]!.id,
      kind: 'note',
      text: 'Stored by another instance',
    });
    documents.append(boardId, updates[0]!);
    expect(rooms.join(boardId)).toBeInstanceOf(Room);
    rooms.unloadIfIdle(rooms.get(boardId)!);

    expect(rooms.join(boardId)).toBeInstanceOf(OpeningRoom);
    rooms.acquire(boardId);
    rooms.unloadIfIdle(rooms.get(boardId)!);
    metaMap(other).set('title', 'Compacted elsewhere');
    documents.compact(boardId, Y.encodeStateAsUpdate(other), documents.load(boardId)!.lastSeq);
    const plain = rooms.join(boardId);
    expect(plain).toBeInstanceOf(Room);
    expect(metaMap((plain as Room).doc).get('title')).toBe('Compacted elsewhere');
  });

  it('a fresh joiner gets the stored bytes as it joins, and its own request for everything, when it comes, is not answered twice', async () => {
    const { boardId, rooms, visit } = setup();
    const before = visit();
    const opening = rooms.join(boardId) as OpeningRoom;
    const fresh = fakeConnection(boardId, 'viewer');
    opening.addConnection(fresh.conn);
    opening.answerFresh(fresh.conn);
    expect(fresh.frames.map(subtype)).toEqual([SYNC_STEP2]);
    const answered = new Y.Doc();
    Y.applyUpdate(answered, fresh.frames[0]!.subarray(4));
    expect(cardsMap(answered).size).toBe(cardsMap(before.doc).size);

    await nextTurns();
    expect(opening.room).toBe(rooms.get(boardId));
    // The page's own request arrives after the room loaded: dropped, not a second whole board.
    opening.handleFrame(fresh.conn, asksForEverything);
    await nextTurns();
    expect(fresh.frames.map(subtype)).toEqual([SYNC_STEP2, SYNC_STEP1]);
    // A second request for everything is a request like any other.
    opening.handleFrame(fresh.conn, asksForEverything);
    expect(fresh.frames.map(subtype)).toEqual([SYNC_STEP2, SYNC_STEP1, SYNC_STEP2]);
    expect(fresh.closedWith()).toBeNull();
  });

  it('answers a request for everything with the stored bytes, keeps what follows in order and hands it to the room', async () => {
    const { boardId, rooms, visit } = setup();
    const before = visit();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(before.doc));
    const edits: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => edits.push(encodeSyncUpdate(update)));
    const card = addCard(replica, { stageId: readStages(replica)[0]!.id, laneId: readLanes(replica)[0]!.id, kind: 'idea', text: 'Early' });

    const opening = rooms.join(boardId) as OpeningRoom;
    const first = fakeConnection(boardId, 'facilitator');
    const second = fakeConnection(boardId, 'facilitator');
    opening.addConnection(first.conn);
    opening.addConnection(second.conn);
    opening.handleFrame(first.conn, asksForEverything);
    opening.handleFrame(first.conn, edits[0]!);
    opening.handleFrame(second.conn, asksForEverything);
    // Both answered from the stored bytes; nothing decoded, nothing applied yet.
    expect(first.frames.map(subtype)).toEqual([SYNC_STEP2]);
    expect(second.frames.map(subtype)).toEqual([SYNC_STEP2]);
    const answered = new Y.Doc();
    Y.applyUpdate(answered, first.frames[0]!.subarray(4));
    expect(cardsMap(answered).size).toBe(cardsMap(before.doc).size);
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 2 });

    await nextTurns();
    const room = rooms.get(boardId)!;
    expect(opening.room).toBe(room);
    expect(room.connectionCount).toBe(2);
    expect(cardsMap(room.doc).has(card)).toBe(true);
    // Greeted by the room like any joiner, then sent the first one's edit once stored.
    expect(second.frames.map(subtype)).toEqual([SYNC_STEP2, SYNC_STEP1, 2]);
    expect(first.closedWith()).toBeNull();
  });

  it('a first frame that asks for less than everything loads the room at once; a HTTP route (acquire) does too', () => {
    const { boardId, rooms, visit } = setup();
    const before = visit();
    const opening = rooms.join(boardId) as OpeningRoom;
    const client = fakeConnection(boardId, 'facilitator');
    opening.addConnection(client.conn);
    opening.handleFrame(client.conn, encodeSyncStep1(Y.encodeStateVector(before.doc)));
    expect(rooms.get(boardId)).toBeInstanceOf(Room);
    expect(subtype(client.frames[0])).toBe(SYNC_STEP1);
    rooms.disconnect(opening, client.conn);
    expect(rooms.get(boardId)).toBeUndefined();

    const again = rooms.join(boardId) as OpeningRoom;
    again.addConnection(fakeConnection(boardId, 'facilitator').conn);
    expect(rooms.acquire(boardId)).toBe(again.room);
  });

  it('everyone leaving before the board loaded drops the opening without loading; shutdown closes who waits', () => {
    const { boardId, rooms, visit } = setup();
    visit();
    const opening = rooms.join(boardId) as OpeningRoom;
    const client = fakeConnection(boardId, 'facilitator');
    opening.addConnection(client.conn);
    rooms.disconnect(opening, client.conn);
    expect(opening.isFinished).toBe(true);
    expect(opening.room).toBeNull();
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });

    const next = rooms.join(boardId) as OpeningRoom;
    expect(next).not.toBe(opening);
    const waiting = fakeConnection(boardId, 'facilitator');
    next.addConnection(waiting.conn);
    const shutdown = { code: 1001, reason: 'server shutting down' };
    rooms.closeAll(shutdown);
    expect(waiting.closedWith()).toEqual(shutdown);
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });
  });

  it('a load that fails closes the waiting connections with 4500, and the next join loads the plain way', () => {
    const { boardId, rooms, visit } = setup();
    visit();
    const opening = rooms.join(boardId) as OpeningRoom;
    const client = fakeConnection(boardId, 'facilitator');
    opening.addConnection(client.conn);
    // Bytes that are no board: what storage failing under the opening would look like.
    opening.state.snapshot = new Uint8Array([1, 2, 3]);
    expect(() => rooms.acquire(boardId)).toThrow(/could not be loaded/);
    expect(client.closedWith()).toEqual(CLOSE.SERVER_ERROR);
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });
    expect(rooms.join(boardId)).toBeInstanceOf(Room);
  });
});

/**
 * Every limit of the server, crossed once: the connection that crosses it gets its close
 * code (or the request its HTTP status), nothing it sent past the limit is stored, and the
 * server keeps serving everyone else. Values: SERVER_LIMITS in server/src/config.ts, and the
 * "Limits" table in the README.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addCard, cardsMap, docToBoard, readLanes, readStages, type CardId } from '@rejse/shared';
import { SERVER_LIMITS, readBoardStorageStats } from '@rejse/server';
import { startServer, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { firstCell } from '../server/util.ts';
import { awarenessFrame, dependencyLessUpdate, syncFrame, SYNC_STEP1, SYNC_UPDATE } from './frames.ts';
import {
  authHeaders,
  connect,
  fetchBoard,
  isHealthy,
  openBoard,
  rawHttp,
  rawSocket,
  sendFrame,
  socketPath,
  type FaultBoard,
  type RawSocket,
} from './util.ts';

const clients: ConnectedClient[] = [];
const sockets: RawSocket[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.ws.terminate();
});

function client(server: RunningServer, board: FaultBoard, reconnect = true): ConnectedClient {
  const c = connect(server, board, reconnect ? {} : { shouldReconnect: () => false });
  clients.push(c);
  return c;
}

function raw(server: RunningServer, path: string, localAddress?: string): RawSocket {
  const socket = rawSocket(server, path, localAddress ? { localAddress } : {});
  sockets.push(socket);
  return socket;
}

/** The code of the next close the server sends this client. */
function nextClose(c: ConnectedClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    c.provider.once('connection-close', (event: { code: number; reason: string } | null) => {
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
    });
  });
}

/** A raw socket that has received the server's greeting (its sync step 1): it is in the room. */
async function joined(socket: RawSocket): Promise<RawSocket> {
  await socket.opened;
  await vi.waitFor(() => expect(socket.receivedCount()).toBeGreaterThan(0));
  return socket;
}

/** A pair of stock clients on their own board, to show the server still serves others. */
async function bystanders(server: RunningServer) {
  const board = await openBoard(server, 'Bystanders');
  const one = client(server, board);
  const two = client(server, board);
  await Promise.all([one.synced, two.synced]);
  return {
    async stillSync(label: string) {
      const id = addCard(one.doc, { ...firstCell(one.doc), kind: 'idea', text: `still syncing after ${label}` });
      await vi.waitFor(() => expect(cardsMap(two.doc).has(id)).toBe(true));
      expect(await isHealthy(server)).toBe(true);
    },
  };
}

describe('frame and connection limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a frame over the 8 MiB limit is closed with 1009', async () => {
    const others = await bystanders(server);
    const board = await openBoard(server);
    const socket = await joined(raw(server, socketPath(board)));
    await sendFrame(socket, new Uint8Array(SERVER_LIMITS.wsMaxPayloadBytes + 1));
    expect((await socket.closed).code).toBe(CLOSE.MESSAGE_TOO_BIG.code);
    await others.stillSync('an oversized frame');
  });

  it('connections past 200 on one board are refused with 4429, and the board still serves the ones it has', async () => {
    const others = await bystanders(server);
    const board = await openBoard(server, 'Crowded');
    const first = client(server, board);
    await first.synced;
    // From another loopback address, so the per-address limit is not what stops them.
    const crowd = Array.from({ length: SERVER_LIMITS.connectionsPerBoard - 1 }, () => raw(server, socketPath(board), '127.0.0.2'));
    await Promise.all(crowd.map(joined));
    const extra = raw(server, socketPath(board), '127.0.0.3');
    expect(await extra.closed).toEqual({
      code: CLOSE.TOO_MANY_CONNECTIONS.code,
      reason: CLOSE.TOO_MANY_CONNECTIONS.reason,
    });
    expect(crowd.every((socket) => socket.isOpen())).toBe(true);
    // The first client still edits, and one of the crowd receives it.
    const before = crowd[0]!.receivedCount();
    addCard(first.doc, { ...firstCell(first.doc), kind: 'note', text: 'heard by the crowd' });
    await vi.waitFor(() => expect(crowd[0]!.receivedCount()).toBeGreaterThan(before));
    await others.stillSync('a full board');
  });

  it('connections past 500 from one address are refused with 4429; other addresses are unaffected', async () => {
    const others = await bystanders(server);
    const boards = await Promise.all(Array.from({ length: 5 }, () => openBoard(server, 'Per address')));
    const perBoard = SERVER_LIMITS.connectionsPerIp / boards.length;
    const flood = boards.flatMap((board) => Array.from({ length: perBoard }, () => raw(server, socketPath(board), '127.0.0.4')));
    await Promise.all(flood.map(joined));
    const extra = raw(server, socketPath(boards[0]!), '127.0.0.4');
    expect((await extra.closed).code).toBe(CLOSE.TOO_MANY_CONNECTIONS.code);
    const otherAddress = await joined(raw(server, socketPath(boards[0]!), '127.0.0.5'));
    expect(otherAddress.isOpen()).toBe(true);
    await others.stillSync('500 connections from one address');
  });
});

describe('presence limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a burst of presence updates passes; a sustained flood is closed with 4430 and the others keep their presence', async () => {
    const board = await openBoard(server, 'Presence flood');
    const honest = client(server, board);
    const watcher = client(server, board);
    await Promise.all([honest.synced, watcher.synced]);
    honest.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await vi.waitFor(() =>
      expect(watcher.provider.awareness.getStates().get(honest.doc.clientID)).toMatchObject({ user: { name: 'Ana' } }),
    );

    const clientId = 424_242;
    const burst = await joined(raw(server, socketPath(board)));
    for (let clock = 1; clock <= SERVER_LIMITS.awarenessRate.burst / 2; clock++) {
      await sendFrame(burst, awarenessFrame([{ clientId, clock, state: { cursor: { x: clock, y: 0 } } }]));
    }
    await vi.waitFor(() =>
      expect(watcher.provider.awareness.getStates().get(clientId)).toEqual({
        cursor: { x: SERVER_LIMITS.awarenessRate.burst / 2, y: 0 },
      }),
    );
    expect(burst.isOpen()).toBe(true);

    const flood = await joined(raw(server, socketPath(board)));
    for (let clock = 1; clock <= 1_000 && flood.isOpen(); clock++) {
      await sendFrame(flood, awarenessFrame([{ clientId: 515_151, clock, state: { cursor: { x: clock, y: clock } } }]));
    }
    expect(await flood.closed).toEqual({ code: CLOSE.RATE_LIMITED.code, reason: CLOSE.RATE_LIMITED.reason });
    // Its presence is removed with it; the honest client's stays.
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().has(515_151)).toBe(false));
    expect(watcher.provider.awareness.getStates().get(honest.doc.clientID)).toMatchObject({ user: { name: 'Ana' } });
  });

  it('presence for another connection’s client id is dropped: nobody can overwrite or remove someone else’s presence', async () => {
    const board = await openBoard(server, 'Presence spoofing');
    const victim = client(server, board);
    const watcher = client(server, board);
    await Promise.all([victim.synced, watcher.synced]);
    victim.provider.awareness.setLocalStateField('user', { name: 'Victim' });
    const victimId = victim.doc.clientID;
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({ user: { name: 'Victim' } }));

    const mallory = await joined(raw(server, socketPath(board)));
    const spoofs = [
      [{ clientId: victimId, clock: 1_000_000, state: { user: { name: 'Mallory' } } }],
      [{ clientId: victimId, clock: 1_000_001, state: null }],
      // Past its quota of ids, a connection's further ids are dropped too.
      Array.from({ length: 10 }, (_, i) => ({ clientId: 9_000 + i, clock: 1, state: { user: { name: `Sock ${i}` } } })),
    ];
    for (const entries of spoofs) await sendFrame(mallory, awarenessFrame(entries));
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().has(9_000)).toBe(true));
    const socks = [...watcher.provider.awareness.getStates().keys()].filter((id) => id >= 9_000 && id < 9_010);
    expect(socks).toHaveLength(SERVER_LIMITS.awarenessIdsPerConnection);
    expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({ user: { name: 'Victim' } });
    // The spoofing connection is not closed for it: stock clients echo others' presence back.
    expect(mallory.isOpen()).toBe(true);
    // The victim still renews and changes its own presence.
    victim.provider.awareness.setLocalStateField('user', { name: 'Victim, still' });
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({ user: { name: 'Victim, still' } }));
  });

  it('a presence state over 32 KiB is closed with 1009', async () => {
    const board = await openBoard(server, 'Presence size');
    const socket = await joined(raw(server, socketPath(board)));
    const state = { selection: 'x'.repeat(SERVER_LIMITS.awarenessStateBytes) };
    await sendFrame(socket, awarenessFrame([{ clientId: 777, clock: 1, state }]));
    expect((await socket.closed).code).toBe(CLOSE.MESSAGE_TOO_BIG.code);
  });

  it('full-state requests past the rate limit are closed with 4430', async () => {
    const board = await openBoard(server, 'State requests');
    const socket = await joined(raw(server, socketPath(board)));
    const request = syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 100 && socket.isOpen(); i++) await sendFrame(socket, request);
    expect((await socket.closed).code).toBe(CLOSE.RATE_LIMITED.code);
    // It was answered up to the burst.
    expect(socket.receivedCount()).toBeGreaterThanOrEqual(SERVER_LIMITS.stateRequestRate.burst);
  });

  it('an update that releases someone else’s held-back update reaches its own sender too', async () => {
    const board = await openBoard(server, 'Held back, then released');
    const sender = client(server, board);
    const watcher = client(server, board);
    await Promise.all([sender.synced, watcher.synced]);
    // Two consecutive edits of one author: the second depends on the first.
    const author = new Y.Doc();
    Y.applyUpdate(author, Y.encodeStateAsUpdate(sender.doc));
    const start = Y.encodeStateVector(author);
    const first = addCard(author, { ...firstCell(author), kind: 'note', text: 'first' });
    const firstUpdate = Y.encodeStateAsUpdate(author, start);
    const middle = Y.encodeStateVector(author);
    const second = addCard(author, { ...firstCell(author), kind: 'note', text: 'second, sent first' });
    const secondUpdate = Y.encodeStateAsUpdate(author, middle);

    // The second arrives first (another tab, another socket) and is held back...
    const early = await joined(raw(server, socketPath(board)));
    await sendFrame(early, syncFrame(SYNC_UPDATE, secondUpdate));
    expect(await early.probe()).toBe('alive');
    // ...until the sender's copy of the first releases it, inside the sender's own transaction.
    Y.applyUpdate(sender.doc, firstUpdate);
    await vi.waitFor(() => expect(cardsMap(watcher.doc).has(second)).toBe(true));
    await vi.waitFor(() => expect(cardsMap(sender.doc).has(second)).toBe(true));
    expect(cardsMap(sender.doc).has(first)).toBe(true);
  });

  it('updates whose dependencies never arrive are closed with 4400 and held back no further', async () => {
    const others = await bystanders(server);
    const board = await openBoard(server, 'Held back');
    const socket = await joined(raw(server, socketPath(board)));
    for (let i = 0; i < 1_000 && socket.isOpen(); i++) await sendFrame(socket, syncFrame(SYNC_UPDATE, dependencyLessUpdate(50_000 + i)));
    expect((await socket.closed).code).toBe(CLOSE.MALFORMED_FRAME.code);
    await others.stillSync('held-back updates');
  });
});

describe('board size limits', () => {
  it('an update that would take a board past its byte limit is refused with 4413 and nothing of it is stored', async () => {
    const maxBytes = 120_000;
    const server = await startServer({ env: { BOARD_MAX_BYTES: String(maxBytes) } });
    try {
      const others = await bystanders(server);
      const board = await openBoard(server, 'Byte limit');
      const writer = client(server, board, false);
      const reader = client(server, board);
      await Promise.all([writer.synced, reader.synced]);
      const closed = nextClose(writer);
      const cell = firstCell(writer.doc);
      const written: CardId[] = [];
      // 2,000-character cards, one update each, until the server refuses one.
      let refused: { code: number; reason: string } | undefined;
      void closed.then((event) => (refused = event));
      for (let i = 0; i < 200 && !refused; i++) {
        written.push(addCard(writer.doc, { ...cell, kind: 'note', text: `${i} `.padEnd(2_000, 'x') }));
        await vi.waitFor(() => expect(cardsMap(reader.doc).has(written.at(-1)!) || refused !== undefined).toBe(true));
      }
      expect(refused).toEqual({ code: CLOSE.BOARD_TOO_LARGE.code, reason: CLOSE.BOARD_TOO_LARGE.reason });

      const stored = await fetchBoard(server, board);
      const refusedCard = written.at(-1)!;
      expect(stored.cards.map((card) => card.id)).not.toContain(refusedCard);
      expect(stored.cards.length).toBe(written.length - 1);
      expect(cardsMap(reader.doc).has(refusedCard)).toBe(false);
      const stats = readBoardStorageStats(server.dataDir, board.id)!;
      expect(stats.snapshotBytes + stats.updateBytes).toBeLessThanOrEqual(maxBytes);

      // One update far over the limit on a fresh board: refused whole.
      const big = await openBoard(server, 'One big update');
      const bulk = client(server, big, false);
      await bulk.synced;
      const bulkClosed = nextClose(bulk);
      bulk.doc.transact(() => {
        for (let i = 0; i < 100; i++) addCard(bulk.doc, { ...firstCell(bulk.doc), kind: 'note', text: 'y'.repeat(2_000) });
      });
      expect((await bulkClosed).code).toBe(CLOSE.BOARD_TOO_LARGE.code);
      expect((await fetchBoard(server, big)).cards).toEqual([]);

      // The full board still serves its readers, and the rest of the server everyone.
      const late = client(server, board);
      await late.synced;
      expect(docToBoard(late.doc, board.id)).toEqual(docToBoard(reader.doc, board.id));
      await others.stillSync('a full board');
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await server.stop();
    }
  });

  it('cards past the card limit are refused with 4413', async () => {
    const maxCards = 30;
    const server = await startServer({ env: { BOARD_MAX_CARDS: String(maxCards) } });
    try {
      const board = await openBoard(server, 'Card limit');
      const writer = client(server, board, false);
      const reader = client(server, board);
      await Promise.all([writer.synced, reader.synced]);
      const stage = readStages(writer.doc)[0]!.id;
      const lane = readLanes(writer.doc)[0]!.id;
      writer.doc.transact(() => {
        for (let i = 0; i < maxCards; i++) addCard(writer.doc, { stageId: stage, laneId: lane, kind: 'note', text: `${i}` });
      });
      await vi.waitFor(() => expect(cardsMap(reader.doc).size).toBe(maxCards));
      const closed = nextClose(writer);
      const extra = addCard(writer.doc, { stageId: stage, laneId: lane, kind: 'note', text: 'one too many' });
      expect((await closed).code).toBe(CLOSE.BOARD_TOO_LARGE.code);
      const stored = await fetchBoard(server, board);
      expect(stored.cards).toHaveLength(maxCards);
      expect(stored.cards.map((card) => card.id)).not.toContain(extra);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await server.stop();
    }
  });
});

describe('HTTP limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a body over 1 MiB is refused with 413, declared or streamed, and the API keeps answering', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(SERVER_LIMITS.httpBodyBytes) });
    const declared = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    // Streamed without a length: counted as it arrives, refused once past the limit.
    const streamed = await rawHttp(
      server,
      'POST /api/boards HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      { streamBytes: 20 * 1024 * 1024 },
    );
    expect(streamed.status).toBe(413);
    // A lying length is refused before any of the body is read.
    const lying = await rawHttp(
      server,
      'POST /api/boards HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n',
    );
    expect(lying.status).toBe(413);
    const board = await openBoard(server, 'After big bodies');
    const res = await fetch(`${server.url}/api/boards/${board.id}`, { headers: authHeaders(board) });
    expect(res.status).toBe(200);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from '@rejse/shared';
import { issueBoardTokens } from '../auth/tokens.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import type { BoardStore } from '../storage/store.ts';
import { startRejseServer, type RejseServer } from '../server.ts';
import type { SyncLimits } from './websocket.ts';
import { connectTestClient, type TestClient } from '../../testing/test-client.ts';

/**
 * The sync server in-process on a free port, with an in-memory store and small limits,
 * for what the integration tests cannot reach quickly: slow consumers, storage failures,
 * unreadable boards and connection limits.
 */
const servers: RejseServer[] = [];
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const server of servers.splice(0)) await server.close();
});

async function start(store: BoardStore, limits: Partial<SyncLimits> = {}, compactAfterUpdates = 500) {
  const config = { ...loadConfig({ PORT: '0', HOST: '127.0.0.1' }), compactAfterUpdates };
  const server = await startRejseServer(config, { store, log: silentLogger, limits });
  servers.push(server);
  return server;
}

/** The facilitator token of each board the tests made (connections need one). */
const tokens = new Map<string, string>();

async function createBoardOn(server: RejseServer): Promise<string> {
  const res = await server.app.request('/api/boards', { method: 'POST' });
  const { id, token } = (await res.json()) as { id: string; token: string };
  tokens.set(id, token);
  return id;
}

function client(server: RejseServer, boardId: string): TestClient {
  const c = connectTestClient(server.url, boardId, tokens.get(boardId));
  clients.push(c);
  return c;
}

describe('sync server limits and failures', () => {
  it('a client that stops reading is closed with 4408 once its send buffer passes the limit, and the others keep syncing', async () => {
    // Updates overwrite one key, so the documents and the (compacted) log stay small.
    const server = await start(createMemoryStore(), { sendBufferBytes: 256 * 1024 }, 5);
    const boardId = await createBoardOn(server);
    const writer = client(server, boardId);
    const reader = client(server, boardId);
    await Promise.all([writer.synced, reader.synced]);

    const slow = new WebSocket(`${server.url.replace('http', 'ws')}/ws/${boardId}?token=${tokens.get(boardId)}`);
    sockets.push(slow);
    slow.on('error', () => {});
    const slowClosed = new Promise<number>((resolve) => slow.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => slow.once('message', () => resolve()));
    slow.pause();

    const room = server.rooms.get(boardId)!;
    const slowIsClosed = () => [...room.connections].some((c) => c.closed);
    const big = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 200 && !slowIsClosed(); i++) {
      writer.doc.getMap('scratch').set('payload', `${i}${big}`);
      await vi.waitFor(() => expect(String(reader.doc.getMap('scratch').get('payload')).startsWith(`${i}x`)).toBe(true));
    }
    expect(slowIsClosed()).toBe(true);
    slow.resume();
    expect(await slowClosed).toBe(CLOSE.SLOW_CONSUMER.code);

    writer.doc.getMap('scratch').set('after', 'still syncing');
    await vi.waitFor(() => expect(reader.doc.getMap('scratch').get('after')).toBe('still syncing'));
  });

  it('when the whole process has too much queued, the largest queues are closed with 4408 though each is under its own limit', async () => {
    const processLimit = 3 * 1024 * 1024;
    // Each connection may queue 64 MiB: only the process-wide budget can stop these.
    const server = await start(createMemoryStore(), { sendBufferBytes: 64 * 1024 * 1024, processQueuedBytes: processLimit }, 5);
    const boardId = await createBoardOn(server);
    const writer = client(server, boardId);
    const reader = client(server, boardId);
    await Promise.all([writer.synced, reader.synced]);

    const paused = Array.from({ length: 4 }, () => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws/${boardId}?token=${tokens.get(boardId)}`);
      sockets.push(socket);
      socket.on('error', () => {});
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      return { socket, closed };
    });
    await Promise.all(paused.map(({ socket }) => new Promise<void>((resolve) => socket.once('message', () => resolve()))));
    for (const { socket } of paused) socket.pause();

    const health = async () => (await (await server.app.request('/api/health')).json()) as { queuedBytes: number; connections: number };
    const room = server.rooms.get(boardId)!;
    const closedCount = () => [...room.connections].filter((c) => c.closed).length;
    const big = 'x'.repeat(512 * 1024);
    let mostQueued = 0;
    for (let i = 0; i < 400 && closedCount() === 0; i++) {
      writer.doc.getMap('scratch').set('payload', `${i}${big}`);
      await vi.waitFor(() => expect(String(reader.doc.getMap('scratch').get('payload')).startsWith(`${i}x`)).toBe(true));
      mostQueued = Math.max(mostQueued, (await health()).queuedBytes);
    }
    expect(closedCount()).toBeGreaterThan(0);
    // Never more than the limit plus the one frame that crossed it.
    expect(mostQueued).toBeLessThanOrEqual(processLimit + big.length + 1024);
    expect((await health()).queuedBytes).toBeLessThanOrEqual(processLimit);
    // The readers that keep up were never touched.
    expect(writer.ws.readyState).toBe(WebSocket.OPEN);
    expect(reader.ws.readyState).toBe(WebSocket.OPEN);
    for (const { socket } of paused) socket.resume();
    const codes = await Promise.all(
      paused.map(({ socket, closed }) =>
        Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(socket.readyState), 1_000))]),
      ),
    );
    expect(codes).toContain(CLOSE.SLOW_CONSUMER.code);

    writer.doc.getMap('scratch').set('after', 'still syncing');
    await vi.waitFor(() => expect(reader.doc.getMap('scratch').get('after')).toBe('still syncing'));
  });

  it('a storage failure closes the board’s connections with 4500, broadcasts nothing unstored, and the next connection loads what was stored', async () => {
    const memory = createMemoryStore();
    let failAppends = false;
    const store: BoardStore = {
      ...memory,
      documents: {
        ...memory.documents,
        append(id, update) {
          if (failAppends) throw new Error('disk full');
          return memory.documents.append(id, update);
        },
        appendMany(entries) {
          if (failAppends) throw new Error('disk full');
          return memory.documents.appendMany(entries);
        },
      },
    };
    const server = await start(store);
    const boardId = await createBoardOn(server);
    const writer = client(server, boardId);
    const reader = client(server, boardId);
    await Promise.all([writer.synced, reader.synced]);

    writer.doc.getMap('scratch').set('stored', 'yes');
    await vi.waitFor(() => expect(reader.doc.getMap('scratch').get('stored')).toBe('yes'));

    failAppends = true;
    writer.doc.getMap('scratch').set('lost', 'never stored');
    expect((await writer.closed).code).toBe(CLOSE.SERVER_ERROR.code);
    expect((await reader.closed).code).toBe(CLOSE.SERVER_ERROR.code);
    expect(reader.doc.getMap('scratch').has('lost')).toBe(false);

    failAppends = false;
    const next = client(server, boardId);
    await next.synced;
    expect(next.doc.getMap('scratch').toJSON()).toEqual({ stored: 'yes' });
  });

  it('a board whose stored state cannot be read is refused with 4500 and nothing is written over it', async () => {
    const store = createMemoryStore();
    const server = await start(store);
    // An empty Yjs update: a readable encoding that holds no board.
    store.documents.create({ id: 'emptystate', title: 'Broken', createdAt: 1, updatedAt: 1 }, new Uint8Array([0, 0]));
    store.documents.create({ id: 'garbage', title: 'Broken', createdAt: 1, updatedAt: 1 }, new Uint8Array([1, 1, 5, 0, 0xff]));
    for (const boardId of ['emptystate', 'garbage']) {
      tokens.set(boardId, issueBoardTokens(store, boardId, 1).facilitator);
      const c = client(server, boardId);
      expect(await c.closed).toEqual({ code: CLOSE.SERVER_ERROR.code, reason: CLOSE.SERVER_ERROR.reason });
      expect(store.documents.stats(boardId)).toMatchObject({ updateRows: 0 });
      expect(server.rooms.stats().rooms).toBe(0);
      const res = await server.app.request(`/api/boards/${boardId}`, {
        headers: { authorization: `Bearer ${tokens.get(boardId)}` },
      });
      expect(res.status).toBe(500);
    }
    expect([...store.documents.load('garbage')!.snapshot]).toEqual([1, 1, 5, 0, 0xff]);
  });

  it('connections past the per-board limit are refused with 4429', async () => {
    const server = await start(createMemoryStore(), { connectionsPerBoard: 2 });
    const boardId = await createBoardOn(server);
    const a = client(server, boardId);
    const b = client(server, boardId);
    await Promise.all([a.synced, b.synced]);
    const c = client(server, boardId);
    expect(await c.closed).toEqual({
      code: CLOSE.TOO_MANY_CONNECTIONS.code,
      reason: CLOSE.TOO_MANY_CONNECTIONS.reason,
    });
    expect(server.rooms.stats()).toEqual({ rooms: 1, connections: 2 });
  });

  it('connections past the per-address limit are refused with 4429', async () => {
    const server = await start(createMemoryStore(), { connectionsPerIp: 1 });
    const first = await createBoardOn(server);
    const second = await createBoardOn(server);
    const a = client(server, first);
    await a.synced;
    const b = client(server, second);
    expect((await b.closed).code).toBe(CLOSE.TOO_MANY_CONNECTIONS.code);
  });
});

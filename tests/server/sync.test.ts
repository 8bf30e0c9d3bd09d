import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCard, cardsMap, docToBoard, readTitle, setBoardTitle, updateCard, type CardId } from '@rejse/shared';
import {
  bearer,
  boardFetch,
  connectClient,
  createBoard,
  startServer,
  type ConnectedClient,
  type RunningServer,
} from '../helpers/server.ts';
import { firstCell } from './util.ts';

const clients: ConnectedClient[] = [];
function connect(server: RunningServer, boardId: string): ConnectedClient {
  const client = connectClient(server, boardId);
  clients.push(client);
  return client;
}
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

describe('live sync between stock y-websocket clients', () => {
  let server: RunningServer;
  // The global board list is only for the operator's admin token.
  const admin = 'admin-token-for-the-sync-tests-0123456';
  beforeAll(async () => {
    server = await startServer({ env: { REJSE_ADMIN_TOKEN: admin } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('two clients on one board converge on the stored board and see each other’s edits', async () => {
    const board = await createBoard(server, { title: 'Collection letters' });
    const a = connect(server, board.id);
    const b = connect(server, board.id);
    await Promise.all([a.synced, b.synced]);
    expect(readTitle(a.doc)).toBe('Collection letters');
    expect(docToBoard(b.doc, board.id)).toEqual(docToBoard(a.doc, board.id));

    const cell = firstCell(a.doc);
    const cardId = addCard(a.doc, {
      ...cell,
      kind: 'pain',
      text: 'The letter does not say which product the claim is about',
    });
    await vi.waitFor(() => expect(cardsMap(b.doc).has(cardId)).toBe(true));

    updateCard(b.doc, cardId, { text: 'Recipients call to say it must be a mistake', emotion: -2 });
    await vi.waitFor(() => expect(docToBoard(a.doc, board.id).cards[0]).toMatchObject({ emotion: -2 }));
    expect(docToBoard(a.doc, board.id)).toEqual(docToBoard(b.doc, board.id));
  });

  it('a client that joins later receives every earlier edit', async () => {
    const board = await createBoard(server);
    const a = connect(server, board.id);
    await a.synced;
    const cell = firstCell(a.doc);
    const ids: CardId[] = [];
    for (let i = 0; i < 10; i++) ids.push(addCard(a.doc, { ...cell, kind: 'touchpoint', text: `Touchpoint ${i}` }));
    setBoardTitle(a.doc, 'Pre-reminder window');
    // The HTTP view reads the live room, so it shows the edits once the server has them.
    await vi.waitFor(async () => {
      const res = await boardFetch(server, `/api/boards/${board.id}`);
      expect(((await res.json()) as { cards: unknown[] }).cards).toHaveLength(10);
    });
    const late = connect(server, board.id);
    await late.synced;
    expect(docToBoard(late.doc, board.id)).toEqual(docToBoard(a.doc, board.id));
    expect(readTitle(late.doc)).toBe('Pre-reminder window');
  });

  it('presence reaches the other clients and disappears when its client disconnects', async () => {
    const board = await createBoard(server);
    const a = connect(server, board.id);
    const b = connect(server, board.id);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const aId = a.doc.clientID;
    await vi.waitFor(() => expect(b.provider.awareness.getStates().get(aId)).toMatchObject({ user: { name: 'Ana' } }));
    a.provider.disconnect();
    await vi.waitFor(() => expect(b.provider.awareness.getStates().has(aId)).toBe(false));
  });

  it('the board list shows a title edited live', async () => {
    const board = await createBoard(server, { title: 'Before' });
    const a = connect(server, board.id);
    await a.synced;
    setBoardTitle(a.doc, 'After');
    await vi.waitFor(async () => {
      const list = (await (await fetch(`${server.url}/api/boards`, { headers: bearer(admin) })).json()) as {
        id: string;
        title: string;
      }[];
      expect(list.find((b) => b.id === board.id)?.title).toBe('After');
    });
  });
});

describe('durability across a crash', () => {
  it('after SIGKILL and a restart on the same data a fresh client sees everything a client wrote', async () => {
    const first = await startServer();
    let second: RunningServer | undefined;
    try {
      const board = await createBoard(first, { title: 'Survives a crash' });
      const a = connect(first, board.id);
      const b = connect(first, board.id);
      await Promise.all([a.synced, b.synced]);
      const cell = firstCell(a.doc);
      const ids: CardId[] = [];
      for (let i = 0; i < 25; i++) ids.push(addCard(a.doc, { ...cell, kind: 'idea', text: `Idea ${i}` }));
      updateCard(a.doc, ids[0]!, { text: 'Self-service payment plan on My pages' });
      // B received them, so the server stored them (it appends before it broadcasts).
      await vi.waitFor(() =>
        expect(docToBoard(b.doc, board.id).cards.map((c) => c.text)).toContain('Self-service payment plan on My pages'),
      );
      await vi.waitFor(() => expect(cardsMap(b.doc).size).toBe(25));
      const expected = docToBoard(a.doc, board.id);

      await first.kill('SIGKILL');
      for (const client of clients.splice(0)) client.destroy();

      second = await startServer({ dataDir: first.dataDir });
      const fresh = connect(second, board.id);
      await fresh.synced;
      expect(docToBoard(fresh.doc, board.id)).toEqual(expected);
    } finally {
      for (const client of clients.splice(0)) client.destroy();
      await second?.stop();
      await first.stop();
    }
  });

  it('a fast burst killed mid-flight keeps every update the other client had received', async () => {
    const first = await startServer();
    let second: RunningServer | undefined;
    try {
      const board = await createBoard(first);
      const a = connect(first, board.id);
      const b = connect(first, board.id);
      await Promise.all([a.synced, b.synced]);
      const cell = firstCell(a.doc);
      // 400 separate updates, sent without waiting for anything.
      for (let i = 0; i < 400; i++) addCard(a.doc, { ...cell, kind: 'note', text: `Burst ${i}` });
      await vi.waitFor(() => expect(cardsMap(b.doc).size).toBeGreaterThanOrEqual(40), { interval: 1 });
      await first.kill('SIGKILL');
      // Whatever B holds now reached it through the server, after being stored.
      const seenByB = [...cardsMap(b.doc).keys()];
      for (const client of clients.splice(0)) client.destroy();

      second = await startServer({ dataDir: first.dataDir });
      const fresh = connect(second, board.id);
      await fresh.synced;
      const restored = new Set(cardsMap(fresh.doc).keys());
      expect(seenByB.filter((id) => !restored.has(id))).toEqual([]);
      expect(restored.size).toBeGreaterThanOrEqual(seenByB.length);
    } finally {
      for (const client of clients.splice(0)) client.destroy();
      await second?.stop();
      await first.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CLOSE, PROTOCOL_VERSION, addCard, cardsMap, type CardId } from '@rejse/shared';
import { connectClient, createBoard, facilitatorToken, type ConnectedClient } from '../helpers/server.ts';
import { firstCell, health, openRawSocket, seededBytes, upgradeStatus } from './util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const server = serverForFile();

function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('connecting', () => {
  it('a connection to an unknown board is accepted, then closed with 4404 and a reason', async () => {
    for (const id of ['noboardwiththisid', 'bad%20id!', 'x'.repeat(80)]) {
      const raw = openRawSocket(server, `/ws/${id}`);
      await raw.opened;
      expect(await raw.closed).toEqual({ code: CLOSE.UNKNOWN_BOARD.code, reason: CLOSE.UNKNOWN_BOARD.reason });
    }
  });

  it('a stock client is told the board is unknown and stops reconnecting', async () => {
    const client = connectClient(server, 'noboardwiththisid');
    try {
      const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
        client.provider.on('closed', (event) => resolve(event)),
      );
      expect(closed).toEqual({ code: 4404, reason: 'unknown board' });
      expect(client.provider.shouldConnect).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it('paths other than /ws/<board id> are refused with HTTP 404 on the upgrade', async () => {
    const board = await createBoard(server);
    expect(await upgradeStatus(server, `/ws/${board.id}`)).toBe(101);
    for (const path of ['/ws', '/ws/', `/ws/${board.id}/extra`, `/socket/${board.id}`, '/api/health']) {
      expect(await upgradeStatus(server, path), path).toBe(404);
    }
  });

  it('a different protocol version is closed with 4426; the current one and none at all are accepted', async () => {
    const board = await createBoard(server);
    const old = openRawSocket(server, `/ws/${board.id}?v=999`);
    expect(await old.closed).toMatchObject({
      code: CLOSE.PROTOCOL_MISMATCH.code,
      reason: CLOSE.PROTOCOL_MISMATCH.reason,
    });

    const current = connectClient(server, board.id, { params: { v: String(PROTOCOL_VERSION) } });
    const stock = connectClient(server, board.id);
    try {
      await Promise.all([current.synced, stock.synced]);
    } finally {
      current.destroy();
      stock.destroy();
    }
  });
});

describe('malformed frames', () => {
  let boardA: string;
  let boardB: string;
  let a1: ConnectedClient;
  let a2: ConnectedClient;
  let b1: ConnectedClient;
  let b2: ConnectedClient;

  beforeAll(async () => {
    boardA = (await createBoard(server, { title: 'Board A' })).id;
    boardB = (await createBoard(server, { title: 'Board B' })).id;
    a1 = connectClient(server, boardA);
    a2 = connectClient(server, boardA);
    b1 = connectClient(server, boardB);
    b2 = connectClient(server, boardB);
    await Promise.all([a1.synced, a2.synced, b1.synced, b2.synced]);
  });
  afterAll(() => {
    for (const client of [a1, a2, b1, b2]) client?.destroy();
  });

  /** Both boards still sync between their clients, and the HTTP API still answers. */
  async function everythingStillWorks(label: string): Promise<void> {
    const onA: CardId = addCard(a1.doc, { ...firstCell(a1.doc), kind: 'pain', text: `after ${label} (A)` });
    const onB: CardId = addCard(b2.doc, { ...firstCell(b2.doc), kind: 'idea', text: `after ${label} (B)` });
    await vi.waitFor(() => {
      expect(cardsMap(a2.doc).has(onA)).toBe(true);
      expect(cardsMap(b1.doc).has(onB)).toBe(true);
    });
    expect((await health(server)).ok).toBe(true);
    for (const client of [a1, a2, b1, b2]) expect(client.provider.wsconnected).toBe(true);
  }

  const randomBytes = seededBytes(20_260_101, 64);
  const cases: { name: string; frame: () => Uint8Array | string }[] = [
    { name: 'random bytes', frame: () => randomBytes },
    { name: 'an empty frame', frame: () => new Uint8Array(0) },
    { name: 'a truncated varint', frame: () => new Uint8Array([0x80]) },
    { name: 'a sync message shorter than its declared length', frame: () => new Uint8Array([0, 2, 20, 1, 2, 3]) },
    { name: 'a sync message with trailing bytes', frame: () => new Uint8Array([0, 2, 2, 0, 0, 9]) },
    { name: 'an unknown sync subtype', frame: () => syncFrame(7, new Uint8Array([0, 0])) },
    { name: 'an unknown message type', frame: () => new Uint8Array([9, 0]) },
    { name: 'a text frame', frame: () => 'hello server' },
    { name: 'an invalid Yjs update in a sync update', frame: () => syncFrame(2, new Uint8Array([1, 1, 5, 0, 0xff])) },
    { name: 'an invalid Yjs update in sync step 2', frame: () => syncFrame(1, new Uint8Array([5, 5, 5, 5, 5])) },
    { name: 'an invalid awareness update', frame: () => new Uint8Array([1, 4, 1, 7, 1, 0x7b]) },
  ];

  it('the seeded random frame is not a known message type', () => {
    expect(randomBytes[0]).toBeGreaterThan(3);
  });

  it.each(cases)('$name closes only the connection that sent it (4400)', async ({ name, frame }) => {
    const raw = openRawSocket(server, `/ws/${boardA}?token=${facilitatorToken(boardA)}`);
    await raw.opened;
    // The server greets with its sync step 1: the room is loaded and the connection is live.
    await vi.waitFor(() => expect(raw.received.length).toBeGreaterThan(0));
    raw.ws.send(frame());
    expect(await raw.closed).toEqual({ code: CLOSE.MALFORMED_FRAME.code, reason: CLOSE.MALFORMED_FRAME.reason });
    await everythingStillWorks(name);
  });

  it('a frame over the 8 MiB limit closes that connection with 1009 and the server stays up', async () => {
    const raw = openRawSocket(server, `/ws/${boardA}?token=${facilitatorToken(boardA)}`);
    await raw.opened;
    raw.ws.send(new Uint8Array(8 * 1024 * 1024 + 1));
    expect((await raw.closed).code).toBe(CLOSE.MESSAGE_TOO_BIG.code);
    await everythingStillWorks('an oversized frame');
  });

  it('an awareness query is answered with the current presence', async () => {
    a1.provider.awareness.setLocalStateField('user', { name: 'Bo' });
    await vi.waitFor(() => expect(a2.provider.awareness.getStates().get(a1.doc.clientID)).toBeDefined());
    const raw = openRawSocket(server, `/ws/${boardA}?token=${facilitatorToken(boardA)}`);
    await raw.opened;
    await vi.waitFor(() => expect(raw.received.length).toBeGreaterThan(0));
    const before = raw.received.length;
    raw.ws.send(new Uint8Array([3]));
    await vi.waitFor(() => expect(raw.received.slice(before).some((f) => f[0] === 1)).toBe(true));
    raw.ws.close();
    await raw.closed;
  });
});

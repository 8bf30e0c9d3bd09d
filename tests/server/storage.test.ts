import { describe, expect, it, vi } from 'vitest';
import { addCard, cardsMap, docToBoard, updateCard } from '@rejse/shared';
import { readBoardStorageStats } from '@rejse/server';
import { createBoard } from '../helpers/server.ts';
import { firstCell, health } from './util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { clients, start, connect } = stoppedAfterEach();

describe('compaction', () => {
  it('past the threshold the update log is folded into a snapshot, and the board is intact after a crash', async () => {
    const threshold = 50;
    const server = await start({ env: { COMPACT_THRESHOLD: String(threshold) } });
    const board = await createBoard(server);
    const a = connect(server, board.id);
    const b = connect(server, board.id);
    await Promise.all([a.synced, b.synced]);
    const cell = firstCell(a.doc);
    const ids = [];
    for (let i = 0; i < 120; i++) ids.push(addCard(a.doc, { ...cell, kind: 'touchpoint', text: `Reminder ${i}` }));
    for (const id of ids.slice(0, 60)) updateCard(a.doc, id, { channel: 'sms' });
    await vi.waitFor(() => expect(docToBoard(b.doc, board.id).cards.filter((c) => c.channel === 'sms')).toHaveLength(60));

    // 180 updates were appended; compaction keeps the log below the threshold.
    await vi.waitFor(() => expect(readBoardStorageStats(server.dataDir, board.id)?.updateRows).toBeLessThan(threshold));
    const expected = docToBoard(a.doc, board.id);

    // No shutdown compaction after SIGKILL: the restart reads the compacted snapshot plus the tail.
    await server.kill('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();
    const restarted = await start({ dataDir: server.dataDir });
    const fresh = connect(restarted, board.id);
    await fresh.synced;
    expect(docToBoard(fresh.doc, board.id)).toEqual(expected);
  });

  it('a board left by its last client is compacted, and a graceful stop keeps everything', async () => {
    const server = await start();
    const board = await createBoard(server);
    const a = connect(server, board.id);
    await a.synced;
    const cell = firstCell(a.doc);
    for (let i = 0; i < 30; i++) addCard(a.doc, { ...cell, kind: 'note', text: `Note ${i}` });
    await vi.waitFor(() => expect(readBoardStorageStats(server.dataDir, board.id)?.updateRows).toBe(30));
    const expected = docToBoard(a.doc, board.id);
    a.destroy();
    await vi.waitFor(() => expect(readBoardStorageStats(server.dataDir, board.id)?.updateRows).toBe(0));

    await server.kill('SIGTERM');
    const restarted = await start({ dataDir: server.dataDir });
    const fresh = connect(restarted, board.id);
    await fresh.synced;
    expect(docToBoard(fresh.doc, board.id)).toEqual(expected);
  });

  it('SIGTERM with clients still connected compacts every loaded board before the process exits', async () => {
    const server = await start();
    const board = await createBoard(server);
    const a = connect(server, board.id);
    await a.synced;
    for (let i = 0; i < 20; i++) addCard(a.doc, { ...firstCell(a.doc), kind: 'pain', text: `Pain ${i}` });
    await vi.waitFor(() => expect(readBoardStorageStats(server.dataDir, board.id)?.updateRows).toBe(20));
    const expected = docToBoard(a.doc, board.id);
    await server.kill('SIGTERM');
    expect(readBoardStorageStats(server.dataDir, board.id)?.updateRows).toBe(0);
    for (const client of clients.splice(0)) client.destroy();
    const restarted = await start({ dataDir: server.dataDir });
    const fresh = connect(restarted, board.id);
    await fresh.synced;
    expect(docToBoard(fresh.doc, board.id)).toEqual(expected);
  });
});

describe('rooms', () => {
  it('a board is loaded while clients are connected and unloaded when the last one leaves', async () => {
    const server = await start();
    const board = await createBoard(server);
    expect(await health(server)).toMatchObject({ ok: true, rooms: 0, connections: 0 });

    const a = connect(server, board.id);
    const b = connect(server, board.id);
    await Promise.all([a.synced, b.synced]);
    expect(await health(server)).toMatchObject({ rooms: 1, connections: 2 });

    a.destroy();
    await vi.waitFor(async () => expect(await health(server)).toMatchObject({ rooms: 1, connections: 1 }));
    b.destroy();
    await vi.waitFor(async () => expect(await health(server)).toMatchObject({ rooms: 0, connections: 0 }));
  });

  it('a client reconnecting right after the room unloaded gets the whole board back', async () => {
    const server = await start();
    const board = await createBoard(server);
    for (let round = 0; round < 5; round++) {
      const writer = connect(server, board.id);
      await writer.synced;
      addCard(writer.doc, { ...firstCell(writer.doc), kind: 'idea', text: `Round ${round}` });
      // Leave as soon as the server has stored the card, and come straight back.
      await vi.waitFor(() => expect(readBoardStorageStats(server.dataDir, board.id)?.updateRows ?? 0).toBeGreaterThan(0));
      writer.destroy();
      const reader = connect(server, board.id);
      await reader.synced;
      expect(cardsMap(reader.doc).size).toBe(round + 1);
      reader.destroy();
    }
  });
});

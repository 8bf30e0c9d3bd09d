/**
 * What the process as a whole must hold to, against real server processes: one process per
 * data directory, memory bounds that span every connection, and storage failing under a
 * running server without taking the process (or any other board) with it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE, addCard, cardsMap, createParticipantIdentity, type CardId } from '@rejse/shared';
import { SERVER_LIMITS } from '@rejse/server';
import { startServer, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { firstCell } from '../server/util.ts';
import { dependencyLessUpdate, syncFrame, SYNC_STEP1, SYNC_UPDATE } from './frames.ts';
import { connect, fetchBoard, isHealthy, openBoard, rawSocket, sendFrame, type FaultBoard, type RawSocket } from './util.ts';

const clients: ConnectedClient[] = [];
const sockets: RawSocket[] = [];
const servers: RunningServer[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.ws.terminate();
  for (const server of servers.splice(0).reverse()) await server.stop();
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function start(dataDir?: string): Promise<RunningServer> {
  const server = await startServer(dataDir ? { dataDir } : {});
  servers.push(server);
  return server;
}

function client(server: RunningServer, board: FaultBoard): ConnectedClient {
  const c = connect(server, board);
  clients.push(c);
  return c;
}

function nextClose(c: ConnectedClient): Promise<number> {
  return new Promise((resolve) => {
    c.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0));
  });
}

/** Adds cards of `textLength` characters in one transaction (one update) and returns their ids. */
function addCards(c: ConnectedClient, count: number, label: string, textLength = 2_000): CardId[] {
  const ids: CardId[] = [];
  c.doc.transact(() => {
    for (let i = 0; i < count; i++) {
      ids.push(addCard(c.doc, { ...firstCell(c.doc), kind: 'note', text: `${label} ${i} `.padEnd(textLength, 'x') }));
    }
  });
  return ids;
}

describe('one process per data directory', () => {
  it('a second server on the same DATA_DIR refuses to start, says why and exits 1; the first keeps storing every edit', async () => {
    const first = await start();
    const board = await openBoard(first, 'One owner');
    const writer = client(first, board);
    const observer = client(first, board);
    await Promise.all([writer.synced, observer.synced]);

    const refused = await startServer({ dataDir: first.dataDir }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/exited before listening \(code 1, signal null\)/);
    expect(refused).toMatch(/in use by another process/);
    expect(refused).not.toMatch(/Rejse listening/);

    // Everything made through the first server after the refusal is there after a restart.
    const written = Array.from({ length: 50 }, (_, i) => addCards(writer, 1, `after the refusal ${i}`, 40)[0]!);
    await vi.waitFor(() => expect(written.every((id) => cardsMap(observer.doc).has(id))).toBe(true));
    await first.kill('SIGTERM');
    const again = await startServer({ dataDir: first.dataDir });
    try {
      const stored = new Set((await fetchBoard(again, board)).cards.map((card) => card.id));
      expect(written.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await again.kill('SIGTERM');
    }
  });

  it('a server killed with SIGKILL leaves no lock behind: the next one starts at once on the same data', async () => {
    const first = await start();
    const board = await openBoard(first, 'Killed owner');
    await first.kill('SIGKILL');
    const again = await startServer({ dataDir: first.dataDir });
    try {
      expect((await fetchBoard(again, board)).title).toBe('Killed owner');
    } finally {
      await again.kill('SIGTERM');
    }
  });
});

describe('memory bounds across connections', () => {
  it('sockets that never read a large board are closed with 4408 once the process has too much queued; readers that keep up are untouched', async () => {
    // The budget lowered to 16 MiB (QUEUED_MAX_BYTES) so that a few syncs of a 5 MB board cross it;
    // each connection alone stays under its own 16 MiB limit. (The kernel's socket buffers take the
    // first few MB of each; only what is left queues in the process.)
    const queuedMax = 16 * 1024 * 1024;
    const server = await startServer({ env: { QUEUED_MAX_BYTES: String(queuedMax) } });
    servers.push(server);
    const board = await openBoard(server, 'Large board');
    const writer = client(server, board);
    const reader = client(server, board);
    await Promise.all([writer.synced, reader.synced]);
    // About 5 MB of cards, in 1 MB updates.
    for (let round = 0; round < 5; round++) {
      const last = addCards(writer, 500, `bulk ${round}`);
      await vi.waitFor(() => expect(cardsMap(reader.doc).has(last.at(-1)!)).toBe(true), { timeout: 20_000 });
    }

    // Each asks for the whole board and never reads it: together several times what the process may queue.
    const stalledCount = 16;
    const stalled = Array.from({ length: stalledCount }, () => {
      const socket = rawSocket(server, `/ws/${board.id}?token=${board.token}`, {
        localAddress: '127.0.0.6',
        keepFrames: false,
      });
      sockets.push(socket);
      return socket;
    });
    await Promise.all(stalled.map((socket) => socket.opened));
    for (const socket of stalled) {
      socket.ws.pause();
      await sendFrame(socket, syncFrame(SYNC_STEP1, new Uint8Array([0])));
    }

    let mostQueued = 0;
    const health = async () => (await (await fetch(`${server.url}/api/health`)).json()) as { queuedBytes: number; connections: number };
    await vi.waitFor(
      async () => {
        const now = await health();
        mostQueued = Math.max(mostQueued, now.queuedBytes);
        // The closed ones are cut off after the grace period; the rest fit the budget.
        expect(now.connections).toBeLessThan(stalledCount + 2);
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(mostQueued).toBeLessThanOrEqual(queuedMax + SERVER_LIMITS.wsMaxPayloadBytes);
    expect((await health()).queuedBytes).toBeLessThanOrEqual(queuedMax);
    expect(server.output()).toMatch(/closing a slow consumer: the process has too many bytes queued/);

    // The readers that kept up are still there and still in sync.
    const id = addCards(writer, 1, 'after the stall', 40)[0]!;
    await vi.waitFor(() => expect(cardsMap(reader.doc).has(id)).toBe(true));
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);
    expect(await isHealthy(server)).toBe(true);
  });

  it('a drafts socket that piles up held-back updates is closed with 4400, like a board socket', async () => {
    const server = await start();
    const board = await openBoard(server, 'Drafts held back');
    const { id: participantId } = createParticipantIdentity();
    const drafts = rawSocket(server, `/ws/${board.id}/drafts/${participantId}?token=${board.token}`);
    sockets.push(drafts);
    await drafts.opened;
    // Each holds back ~4 KB; past SERVER_LIMITS.pendingUpdateBytes (128 KiB) the socket must go.
    const frames = Math.ceil((4 * SERVER_LIMITS.pendingUpdateBytes) / 4_000);
    for (let i = 0; i < frames && drafts.isOpen(); i++) {
      await sendFrame(drafts, syncFrame(SYNC_UPDATE, dependencyLessUpdate(60_000 + i, 4_000)));
    }
    expect((await drafts.closed).code).toBe(CLOSE.MALFORMED_FRAME.code);

    // The board and a fresh drafts socket still work.
    const writer = client(server, board);
    await writer.synced;
    const again = rawSocket(server, `/ws/${board.id}/drafts/${participantId}?token=${board.token}`);
    sockets.push(again);
    await again.opened;
    expect(await again.probe()).toBe('alive');
  });
});

/** Whether this process may mount a tmpfs (root in a container with CAP_SYS_ADMIN, as in CI here). */
const canMount = ((): boolean => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rejse-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** Whether this process may also mount an ext4 image through a loop device, and call the shutdown ioctl. */
const canMountExt4 =
  canMount &&
  ['mkfs.ext4', 'losetup', 'python3'].every((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });

describe('storage failing under a running server', () => {
  it('keeps no memory-mapped file beside the database, so storage errors are exceptions, never SIGBUS', async () => {
    // A truncated or read-only `-shm` file used to kill the process with SIGBUS and no log line.
    const server = await start();
    const board = await openBoard(server, 'No mapped files');
    const writer = client(server, board);
    await writer.synced;
    addCards(writer, 5, 'mapped', 40);
    await vi.waitFor(() => expect(existsSync(path.join(server.dataDir, 'rejse.sqlite-wal'))).toBe(true));
    expect(readdirSync(server.dataDir).filter((name) => name.endsWith('-shm'))).toEqual([]);
  });

  it.skipIf(!canMountExt4)(
    'when the disk fails under the server (every write an I/O error), writing boards are closed with 4500 and logged; the process stays up and serves what it holds',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'rejse-ext4-'));
      const image = path.join(dir, 'disk.img');
      const mountPoint = path.join(dir, 'mnt');
      execFileSync('truncate', ['-s', '64M', image]);
      execFileSync('mkfs.ext4', ['-q', '-F', image]);
      execFileSync('mkdir', ['-p', mountPoint]);
      execFileSync('mount', ['-o', 'loop', image, mountPoint]);
      cleanups.push(() => {
        execFileSync('umount', ['-l', mountPoint]);
        rmSync(dir, { recursive: true, force: true });
      });
      const server = await start(path.join(mountPoint, 'data'));
      const failing = await openBoard(server, 'Writes when the disk fails');
      const held = await openBoard(server, 'Only read');
      const writer = client(server, failing);
      const reader = client(server, held);
      await Promise.all([writer.synced, reader.synced]);
      addCards(writer, 3, 'before the failure', 40);
      await vi.waitFor(async () => expect((await fetchBoard(server, failing)).cards).toHaveLength(3));

      // The kernel's "this file system is gone" switch (EXT4_IOC_SHUTDOWN, no log flush): every write fails.
      execFileSync('python3', [
        '-c',
        'import fcntl, os, struct, sys; fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.ioctl(fd, 0x8004587D, struct.pack("I", 2))',
        mountPoint,
      ]);
      const closed = nextClose(writer);
      addCards(writer, 3, 'after the failure', 40);
      expect(await closed).toBe(CLOSE.SERVER_ERROR.code);
      await vi.waitFor(() => {
        const line = server
          .output()
          .split('\n')
          .find((l) => l.includes('storage failed') && l.includes(failing.id));
        expect(line).toMatch(/"cause":"SQLITE_IOERR/);
      });
      // Still up: health answers, and the board that only reads is still served from memory.
      expect(await isHealthy(server)).toBe(true);
      expect((await fetchBoard(server, held)).title).toBe('Only read');
      expect(reader.provider.wsconnected).toBe(true);
      await server.kill('SIGTERM');
      servers.splice(servers.indexOf(server), 1);
    },
  );

  it.skipIf(!canMount)(
    'on a full disk the board whose write fails is closed with 4500 and logged in one line; the process and another board go on, and nothing is lost once there is space',
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'rejse-full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dataDir]);
      cleanups.push(() => {
        execFileSync('umount', ['-l', dataDir]);
        rmSync(dataDir, { recursive: true, force: true });
      });
      const server = await start(path.join(dataDir, 'data'));
      const full = await openBoard(server, 'Hits the full disk');
      const other = await openBoard(server, 'Keeps working');
      const writer = client(server, full);
      const otherWriter = client(server, other);
      const otherReader = client(server, other);
      await Promise.all([writer.synced, otherWriter.synced, otherReader.synced]);

      // Fill the file system, leaving room for small writes only.
      const filler = path.join(dataDir, 'filler');
      const { bavail, bsize } = statfsSync(dataDir);
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 160 * 1024)));

      const closed = nextClose(writer);
      const cards = addCards(writer, 300, 'too much for the disk');
      expect(await closed).toBe(CLOSE.SERVER_ERROR.code);
      await vi.waitFor(() => {
        const line = server
          .output()
          .split('\n')
          .find((l) => l.includes('storage failed') && l.includes(full.id));
        expect(line).toMatch(/SQLITE_FULL/);
      });
      expect(await isHealthy(server)).toBe(true);

      // Another board on the same disk still edits and stores its small changes.
      const kept = addCards(otherWriter, 1, 'still working', 40)[0]!;
      await vi.waitFor(() => expect(cardsMap(otherReader.doc).has(kept)).toBe(true));

      // Space again: the writer's client reconnects, resends, and its cards are stored.
      unlinkSync(filler);
      await vi.waitFor(async () => expect((await fetchBoard(server, full)).cards.length).toBe(cards.length), {
        timeout: 30_000,
        interval: 500,
      });
      servers.splice(servers.indexOf(server), 1);
      for (const c of clients.splice(0)) c.destroy();
      await server.kill('SIGTERM');
      const again = await start(path.join(dataDir, 'data'));
      expect((await fetchBoard(again, full)).cards.map((card) => card.id).sort()).toEqual([...cards].sort());
      expect((await fetchBoard(again, other)).cards.map((card) => card.id)).toContain(kept);
    },
  );
});

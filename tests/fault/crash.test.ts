/**
 * Crash durability: the server is killed with SIGKILL at seeded random moments while a
 * client writes, and restarted on the same data directory. Whatever another client had
 * received from the server before the kill was stored first (append before broadcast), so
 * it must all be there after the restart — also when the kill lands inside a compaction,
 * after which the SQLite file must pass `PRAGMA integrity_check`.
 *
 * CI: a handful of kills with a fixed seed; `REJSE_LONG=1`: many more, seed from the clock;
 * `REJSE_FUZZ_SEED=<n>` replays one (network timing still varies from run to run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardsMap, docToBoard, readLanes, readStages, updateCard, type CardId } from '@rejse/shared';
import { applyRandomOp, createRng, type Rng } from '@rejse/shared/testing';
import { checkDatabaseIntegrity } from '@rejse/server';
import { startServer, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { LONG, TEST_TIMEOUT_MS, connect, fetchBoard, fuzzSeed, missingFrom, openBoard, type FaultBoard } from './util.ts';

const clients: ConnectedClient[] = [];
const servers: RunningServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rejse-crash-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServer({ dataDir, env });
  servers.push(server);
  return server;
}

function attach(server: RunningServer, board: FaultBoard, doc: Y.Doc): ConnectedClient {
  const client = connect(server, board, { doc });
  clients.push(client);
  return client;
}

function detachAll(): void {
  for (const client of clients.splice(0)) client.destroy();
}

/** How far (in Yjs clock ticks) the observer may fall behind the writer before the writer waits. */
const MAX_LAG = 2_000;

/**
 * Applies `op` to the writer's document over and over, one per event-loop turn, until
 * stopped. When the observer falls more than MAX_LAG behind, the writer waits for it (on
 * the observer's own updates, no timers): a writer on the same two cores could otherwise
 * outrun the observer until the server closes it as a slow consumer.
 */
function keepWriting(doc: Y.Doc, observer: Y.Doc, op: () => void): { stop(): Promise<number> } {
  let stopped = false;
  let count = 0;
  let wake: (() => void) | null = null;
  const lag = () => Y.getState(doc.store, doc.clientID) - Y.getState(observer.store, doc.clientID);
  const onObserverUpdate = () => {
    if (wake && lag() <= MAX_LAG / 2) wake();
  };
  observer.on('update', onObserverUpdate);
  const done = (async () => {
    while (!stopped && !doc.isDestroyed) {
      op();
      count++;
      if (lag() > MAX_LAG) await new Promise<void>((resolve) => (wake = resolve));
      else await new Promise<void>((resolve) => setImmediate(resolve));
      wake = null;
    }
    observer.off('update', onObserverUpdate);
    return count;
  })();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      return done;
    },
  };
}

/** Counts the updates an observer's document received (it never writes, so all came from the server). */
function countReceived(doc: Y.Doc): { value: number } {
  const counter = { value: 0 };
  doc.on('update', () => {
    counter.value++;
  });
  return counter;
}

/** Kills the server once the observer has received `more` further updates from it. */
async function killAfter(server: RunningServer, received: { value: number }, more: number): Promise<void> {
  const target = received.value + more;
  await vi.waitFor(() => expect(received.value).toBeGreaterThanOrEqual(target), { timeout: 30_000, interval: 1 });
  await server.kill('SIGKILL');
}

/** Every update the observer holds is on the restarted server (checked with a fresh client). */
async function expectAcknowledgedPresent(server: RunningServer, board: FaultBoard, acknowledged: Y.Doc, label: string) {
  const fresh = connect(server, board);
  clients.push(fresh);
  await fresh.synced;
  expect(missingFrom(fresh.doc, acknowledged, board.id), label).toEqual([]);
  fresh.destroy();
  clients.splice(clients.indexOf(fresh), 1);
}

/** The server's last compaction line says "started" and none says "finished" after it (LOG_LEVEL=debug). */
function inCompaction(output: string): string | null {
  const lines = output.split('\n');
  const started = lines.findLastIndex((line) => line.includes('compaction started'));
  const finished = lines.findLastIndex((line) => line.includes('compaction finished'));
  return started > finished ? (lines[started] ?? null) : null;
}

/** Kills the server while it compacts: after letting `skip` compactions start, at the next one's start line. */
async function killInCompaction(server: RunningServer, skip: number): Promise<void> {
  const seen = new Set<string>();
  await vi.waitFor(
    () => {
      const started = inCompaction(server.output());
      if (started) seen.add(started);
      expect(started !== null && seen.size > skip).toBe(true);
    },
    { timeout: 30_000, interval: 1 },
  );
  await server.kill('SIGKILL');
}

describe('crash durability', () => {
  it(
    'every update another client received survives SIGKILL at random moments, and the replicas converge afterwards',
    async () => {
      const rng = createRng(fuzzSeed('crash', 7_301));
      const rounds = LONG ? 40 : 6;
      const dataDir = tempDataDir();
      let server = await start(dataDir);
      const board = await openBoard(server, 'Crash durability');
      const writerDoc = new Y.Doc();
      const observerDoc = new Y.Doc();
      const received = countReceived(observerDoc);
      let writesBeforeKills = 0;

      for (let round = 0; round < rounds; round++) {
        const writer = attach(server, board, writerDoc);
        const observer = attach(server, board, observerDoc);
        await Promise.all([writer.synced, observer.synced]);
        const writing = keepWriting(writerDoc, observerDoc, () => applyRandomOp(writerDoc, rng, board.id));
        await killAfter(server, received, 1 + rng.int(LONG ? 200 : 80));
        writesBeforeKills += await writing.stop();
        detachAll();

        expect(checkDatabaseIntegrity(dataDir), `round ${round}`).toEqual(['ok']);
        server = await start(dataDir);
        await expectAcknowledgedPresent(server, board, observerDoc, `round ${round}`);
      }

      // The writer's edits that never reached the server before a kill are sent on reconnect.
      const writer = attach(server, board, writerDoc);
      const observer = attach(server, board, observerDoc);
      const expected = () => docToBoard(writerDoc, board.id);
      await vi.waitFor(
        async () => {
          expect(docToBoard(observerDoc, board.id)).toEqual(expected());
          expect(await fetchBoard(server, board)).toEqual(expected());
        },
        { timeout: 30_000, interval: 50 },
      );
      expect(writer.provider.wsconnected && observer.provider.wsconnected).toBe(true);
      detachAll();
      await server.kill('SIGKILL');
      server = await start(dataDir);
      expect(await fetchBoard(server, board)).toEqual(expected());
      console.info(
        `[crash] ${rounds} kills, ${writesBeforeKills} writes, ${received.value} updates received by the observer, ` +
          `${cardsMap(writerDoc).size} cards at the end`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a kill during compaction leaves a sound SQLite file and every acknowledged update',
    async () => {
      const rng = createRng(fuzzSeed('power-cut', 4_242));
      const rounds = LONG ? 30 : 6;
      const dataDir = tempDataDir();
      // Compaction after every 3 appended updates, of a board large enough that it takes a while.
      const env = { COMPACT_THRESHOLD: '3', LOG_LEVEL: 'debug' };
      let server = await start(dataDir, env);
      const board = await openBoard(server, 'Power cut');
      const writerDoc = new Y.Doc();
      const observerDoc = new Y.Doc();
      const received = countReceived(observerDoc);

      const seeding = attach(server, board, writerDoc);
      await seeding.synced;
      const stage = readStages(writerDoc)[0]!.id;
      const lanes = readLanes(writerDoc);
      const filler = 'The reminder letter names the fee, the due date and the creditor. '.repeat(3);
      writerDoc.transact(() => {
        for (let i = 0; i < 1_000; i++)
          addCard(writerDoc, {
            stageId: stage,
            laneId: lanes[i % lanes.length]!.id,
            kind: 'note',
            text: `${i} ${filler}`,
          });
      });
      await vi.waitFor(async () => expect((await fetchBoard(server, board)).cards).toHaveLength(1_000), {
        timeout: 30_000,
      });
      detachAll();

      const ids = [...cardsMap(writerDoc).keys()] as CardId[];
      const edit = (r: Rng) => () => {
        updateCard(writerDoc, r.pick(ids), {
          text: `edited ${r.int(1_000_000)} ${filler}`,
          emotion: (r.int(5) - 2) as -2 | -1 | 0 | 1 | 2,
        });
      };
      // Whether an aimed kill lands before the compaction finishes depends on the machine's timing,
      // so the rounds go on (up to a bound) until enough kills have landed inside one.
      const wantedMidCompaction = rounds / 2;
      const maxRounds = rounds * 4;
      let midCompaction = 0;
      let round = 0;
      for (; round < rounds || (midCompaction < wantedMidCompaction && round < maxRounds); round++) {
        const writer = attach(server, board, writerDoc);
        const observer = attach(server, board, observerDoc);
        await Promise.all([writer.synced, observer.synced]);
        const writing = keepWriting(writerDoc, observerDoc, edit(rng));
        // Every other kill is aimed at a compaction's start; the others land wherever they land.
        if (round % 2 === 1) await killInCompaction(server, rng.int(3));
        else await killAfter(server, received, 3 + rng.int(40));
        await writing.stop();
        detachAll();
        const killed = server;

        expect(checkDatabaseIntegrity(dataDir), `round ${round}`).toEqual(['ok']);
        server = await start(dataDir, env);
        // By now the killed process's output has been read to its end.
        if (inCompaction(killed.output())) midCompaction++;
        await expectAcknowledgedPresent(server, board, observerDoc, `round ${round}`);
      }
      console.info(`[power-cut] ${round} kills, ${midCompaction} of them between "compaction started" and "finished"`);
      expect(midCompaction).toBeGreaterThanOrEqual(wantedMidCompaction);
    },
    TEST_TIMEOUT_MS,
  );
});

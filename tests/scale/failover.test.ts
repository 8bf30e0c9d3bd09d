/**
 * Two Rejse instances (real processes) on one board, against a real PostgreSQL and Redis
 * started by this test on loopback, behind a tiny TCP load balancer. Stock y-websocket
 * clients on both make seeded random edits through the shared operations; one instance is
 * SIGKILLed mid-stream; its clients reconnect (same address, the balancer sends them to
 * the survivor) — except one, which dies with it. At the end every replica, the survivor's
 * live board and the board stored in PostgreSQL are the same board, and every update that
 * was acknowledged (stored: another replica had received it, and an instance broadcasts
 * only what it stored) is in storage — the dead client's included.
 *
 * Skipped, saying why, only when PostgreSQL or Redis cannot be started on this machine.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docToBoard } from '@rejse/shared';
import { applyRandomOp, createRng } from '@rejse/shared/testing';
import { createPostgresStore, docFromStoredState } from '@rejse/server';
import { startTestPostgres, startTestRedis, type TestPostgres, type TestRedis } from '@rejse/server/testing';
import { connectClient, createBoard, startServer, tokenOf, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { fetchBoard, fuzzSeed, LONG, sameStateVectors } from '../fault/util.ts';
import { startBalancer, type Balancer } from './balancer.ts';

const postgres = startTestPostgres();
const redis = await startTestRedis();
const unavailable = !postgres.ok ? postgres.reason : !redis.ok ? redis.reason : undefined;
if (unavailable) console.warn(`[scale failover] skipped: ${unavailable}`);
const pg: TestPostgres | undefined = postgres.ok ? postgres.engine : undefined;
const rd: TestRedis | undefined = redis.ok ? redis.engine : undefined;

afterAll(async () => {
  await rd?.stop();
  pg?.stop();
});

const clients: ConnectedClient[] = [];
const servers: RunningServer[] = [];
let balancer: Balancer | undefined;
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await balancer?.close();
  for (const server of servers.splice(0)) await server.stop();
});

async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A client's own update: the clocks it adds for its client id (none for a delete-only update). */
interface SentUpdate {
  replica: number;
  update: Uint8Array;
  client: number;
  endClock: number;
}

/** Whether `doc` already holds everything in `updates` (applying them changes nothing). */
function holdsAll(doc: Y.Doc, updates: readonly Uint8Array[]): boolean {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.snapshot(copy);
  copy.transact(() => {
    for (const update of updates) Y.applyUpdate(copy, update);
  });
  const same = Y.equalSnapshots(before, Y.snapshot(copy));
  copy.destroy();
  return same;
}

describe.skipIf(unavailable !== undefined)('two instances with PostgreSQL and Redis', () => {
  it('an edit and a presence on one instance reach a client of the other; an instance that loads the board later has it all', async () => {
    const env = { DATABASE_URL: pg!.freshSchemaUrl(), REDIS_URL: rd!.url };
    const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    servers.push(a!, b!);
    const created = await createBoard(a!, { title: 'Fan-out' });
    const token = tokenOf(created.links.facilitator);
    const onA = connectClient(a!, created.id, { token });
    const onB = connectClient(b!, created.id, { token });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);

    onA.doc.getMap('meta').set('title', 'Written on A');
    await vi.waitFor(() => expect(onB.doc.getMap('meta').get('title')).toBe('Written on A'), { timeout: 10_000 });
    onB.provider.awareness.setLocalStateField('user', { name: 'Bea on B' });
    await vi.waitFor(
      () =>
        expect(
          [...onA.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name),
        ).toContain('Bea on B'),
      { timeout: 10_000 },
    );

    // A third instance loads the board only now: storage, then the channel.
    const c = await startServer({ env });
    servers.push(c);
    const onC = connectClient(c, created.id, { token });
    clients.push(onC);
    await onC.synced;
    expect(onC.doc.getMap('meta').get('title')).toBe('Written on A');
    onC.doc.getMap('meta').set('title', 'Written on C');
    await vi.waitFor(
      () => {
        expect(onA.doc.getMap('meta').get('title')).toBe('Written on C');
        expect(onB.doc.getMap('meta').get('title')).toBe('Written on C');
      },
      { timeout: 10_000 },
    );
  }, 60_000);

  it('an instance killed mid-stream loses nothing acknowledged: its clients move to the other, every replica and the stored board converge', async () => {
    const seed = fuzzSeed('scale failover', 20_261_207);
    const rng = createRng(seed);
    const env = { DATABASE_URL: pg!.freshSchemaUrl(), REDIS_URL: rd!.url, COMPACT_THRESHOLD: '40' };
    const [first, second] = await Promise.all([startServer({ env }), startServer({ env })]);
    servers.push(first!, second!);
    const [doomed, survivor] = [first!, second!];
    balancer = await startBalancer([doomed.port, survivor.port]);
    const created = await createBoard(balancer, { title: 'Failover' });
    const token = tokenOf(created.links.facilitator);
    const httpOnDoomed = balancer.connectionsTo.get(doomed.port) ?? 0;

    const replicas = LONG ? 10 : 6;
    const operations = LONG ? 3_000 : 400;
    const sent: SentUpdate[] = [];
    const closes: string[] = [];
    const editors = Array.from({ length: replicas }, (_, index) => {
      const client = connectClient(balancer!, created.id, { token });
      client.provider.on('connection-close', (event: { code: number } | null) => {
        if ((event?.code ?? 0) >= 4000) closes.push(`replica ${index}: ${event?.code}`);
      });
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === client.provider) return;
        const meta = Y.parseUpdateMeta(update);
        sent.push({
          replica: index,
          update,
          client: client.doc.clientID,
          endClock: meta.to.get(client.doc.clientID) ?? 0,
        });
      });
      clients.push(client);
      return client;
    });
    await Promise.all(editors.map((client) => client.synced));
    const onDoomed = (balancer.connectionsTo.get(doomed.port) ?? 0) - httpOnDoomed;
    expect(onDoomed, 'the balancer spreads the clients over both instances').toBeGreaterThan(0);
    expect(onDoomed).toBeLessThan(replicas);

    // The replica that dies with the instance (it never reconnects): the last one the balancer gave it.
    const alive = editors.map(() => true);
    let deadReplica = -1;
    let acknowledgedAtKill = 0;
    const killAt = Math.floor(operations / 2);
    for (let step = 0; step < operations; step++) {
      if (step === killAt) {
        // Which replicas are on the doomed instance: the ones whose socket goes down with it.
        const dropped = new Promise<void>((resolve) => {
          editors.forEach((client, index) => {
            client.provider.on('status', ({ status }: { status: string }) => {
              if (status === 'disconnected' && deadReplica < 0) {
                deadReplica = index;
                client.provider.shouldConnect = false;
                alive[index] = false;
                resolve();
              }
            });
          });
        });
        await doomed.kill('SIGKILL');
        await dropped;
        acknowledgedAtKill = sent.filter((s) => isAcknowledged(s)).length;
      }
      const index = rng.int(replicas);
      if (!alive[index]) continue;
      applyRandomOp(editors[index]!.doc, rng, created.id);
      if (rng.chance(0.3)) await turns(1 + rng.int(4));
      expect(closes).toEqual([]);
    }

    /** Acknowledged: some other live replica holds its clocks (an instance broadcasts only what it stored). */
    function isAcknowledged(s: SentUpdate): boolean {
      if (s.endClock === 0) return false;
      return editors.some(
        (other, index) => index !== s.replica && (Y.decodeStateVector(Y.encodeStateVector(other.doc)).get(s.client) ?? 0) >= s.endClock,
      );
    }

    const survivors = editors.filter((_, index) => alive[index]);
    const docs = survivors.map((client) => client.doc);
    // Done when the survivors, the surviving instance's live board and the board stored in
    // PostgreSQL (read directly) are one board. Storage may briefly hold more than the
    // survivors: an update the killed instance stored but never published reaches them when
    // the surviving room catches up from storage (a seq gap, or its periodic read).
    const store = createPostgresStore(env.DATABASE_URL);
    let expected: ReturnType<typeof docToBoard> | undefined;
    let latestStored: Y.Doc | undefined;
    try {
      await vi.waitFor(
        async () => {
          expect(survivors.every((client) => client.provider.synced)).toBe(true);
          expect(sameStateVectors(docs)).toBe(true);
          const board = docToBoard(docs[0]!, created.id);
          for (const doc of docs.slice(1)) expect(docToBoard(doc, created.id)).toEqual(board);
          expect(await fetchBoard(survivor, { id: created.id, token })).toEqual(board);
          latestStored?.destroy();
          latestStored = docFromStoredState(created.id, store.documents.load(created.id)!);
          expect(docToBoard(latestStored, created.id)).toEqual(board);
          expected = board;
        },
        { timeout: 30_000, interval: 200 },
      );
    } finally {
      store.close();
    }
    if (!expected || !latestStored) throw new Error('unreachable: the wait above either converged or threw');
    const storedDoc = latestStored;

    const deadUpdates = sent.filter((s) => s.replica === deadReplica);
    const deadAcknowledged = deadUpdates.filter((s) =>
      docs.some((doc) => (Y.decodeStateVector(Y.encodeStateVector(doc)).get(s.client) ?? 0) >= s.endClock && s.endClock > 0),
    );
    const survivorUpdates = sent.filter((s) => alive[s.replica]);
    // Every survivor's update and every acknowledged update of the dead client is stored.
    expect(
      holdsAll(
        storedDoc,
        survivorUpdates.map((s) => s.update),
      ),
    ).toBe(true);
    expect(
      holdsAll(
        storedDoc,
        deadAcknowledged.map((s) => s.update),
      ),
    ).toBe(true);
    const stored = sent.filter((s) => holdsAll(storedDoc, [s.update])).length;
    storedDoc.destroy();

    console.info(
      `[scale failover] ${replicas} clients on 2 instances (${onDoomed} on the killed one), ${operations} steps; ` +
        `updates sent ${sent.length}, acknowledged when the instance was killed ${acknowledgedAtKill}, stored ${stored}; ` +
        `the client that died with it: ${deadUpdates.length} sent, ${deadAcknowledged.length} acknowledged, all of those stored; ` +
        `connections through the balancer (killed, surviving instance): ${balancer.connectionsTo.get(doomed.port)}, ${balancer.connectionsTo.get(survivor.port)}; ` +
        `${expected.cards.length} cards at the end (seed ${seed})`,
    );
  }, 120_000);
});

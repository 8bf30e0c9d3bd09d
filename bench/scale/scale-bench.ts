/**
 * Scale benchmark (`pnpm bench -- --scale`, not part of the CI short run): many rooms × 5
 * clients editing, on
 *   1. one instance with SQLite (the default),
 *   2. one instance with PostgreSQL,
 *   3. two instances with PostgreSQL and Redis, each room's clients split over both (so every
 *      edit crosses Redis),
 * against a throwaway PostgreSQL (fsync and synchronous commit on, as in production) and Redis
 * started here on loopback. Then the cost of one append — the time it blocks the event loop —
 * in SQLite and in PostgreSQL. Figures, never verdicts; on a shared 2-core machine the harness,
 * the instances, PostgreSQL and Redis all compete for the same cores.
 *
 *   node --expose-gc --import tsx scale/scale-bench.ts [--rooms 400] [--seconds 20] [--rate 0.2]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { cardsMap, type CardId } from '@rejse/shared';
import { createPostgresStore, createSqliteStore, type BoardStore } from '@rejse/server';
import { startTestPostgres, startTestRedis } from '@rejse/server/testing';
import { addOwnCards, cardText, createRooms, observeStamps, writeStamp } from '../lib/board.ts';
import { connectClient, destroyOpenClients, sourceAddress, type BenchClient } from '../lib/clients.ts';
import { killAllServers, startServer, type RunningServer } from '../lib/servers.ts';
import { percentile, sleep } from '../lib/stats.ts';

const { values: args } = parseArgs({
  options: {
    rooms: { type: 'string', default: '400' },
    clients: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '0.2' },
    appends: { type: 'string', default: '2000' },
  },
  allowPositionals: true,
  strict: false,
});
const ROOMS = Number(args.rooms);
const PER_ROOM = Number(args.clients);
const DURATION_MS = Number(args.seconds) * 1000;
const EDITS_PER_SECOND = Number(args.rate);
const APPENDS = Number(args.appends);
const TURN_BOARDS = 40;
const TURN_UPDATES = 100;
const TURNS = 50;
const log = (line: string) => console.log(line);

/** Starts a Rejse server with extra environment (bench/lib/servers.ts passes the harness's own on). */
async function startRejse(env: Record<string, string>): Promise<RunningServer> {
  const saved = { ...process.env };
  Object.assign(process.env, env, { REJSE_RATE_LIMIT_CREATE: '1000000', LOG_LEVEL: 'warn' });
  try {
    return await startServer('rejse', 60_000);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

interface LoadFigures {
  setup: string;
  sentPerSecond: number;
  deliveredPerSecond: number;
  p50: number;
  p99: number;
  received: number;
  expected: number;
  cpuPct: number[];
  loopP99: number[];
  converged: boolean;
}

/** Rooms × clients editing their own card; client i of a room joins instance i mod n. */
async function runLoad(setup: string, instances: RunningServer[]): Promise<LoadFigures> {
  const rooms = await createRooms(instances[0]!, ROOMS, 'scale');
  const byRoom: BenchClient[][] = rooms.map(() => []);
  let index = 0;
  for (let r = 0; r < rooms.length; r += 10) {
    const wave: BenchClient[] = [];
    for (let rr = r; rr < Math.min(rooms.length, r + 10); rr++) {
      for (let c = 0; c < PER_ROOM; c++) {
        const client = connectClient(instances[c % instances.length]!, rooms[rr]!, {
          localAddress: sourceAddress(index++),
          timeoutMs: 60_000,
        });
        byRoom[rr]!.push(client);
        wave.push(client);
      }
    }
    await Promise.all(wave.map((client) => client.synced));
  }
  const ownCards: CardId[][] = [];
  for (let r = 0; r < byRoom.length; r += 20) {
    await Promise.all(byRoom.slice(r, r + 20).map(async (clients, i) => (ownCards[r + i] = await addOwnCards(clients, 60_000))));
  }
  const latencies: number[] = [];
  let received = 0;
  let receivedInWindow = 0;
  let sending = true;
  for (const client of byRoom.flat()) {
    observeStamps(client.doc, (_card, _seq, sentAt) => {
      latencies.push(performance.now() - sentAt);
      received++;
      if (sending) receivedInWindow++;
    });
  }
  for (const instance of instances) await instance.loopDelay();
  const cpuStart = instances.map((instance) => instance.cpuSeconds() ?? Number.NaN);
  const periodMs = 1000 / EDITS_PER_SECOND;
  const timers: NodeJS.Timeout[] = [];
  let sent = 0;
  const start = performance.now();
  byRoom.forEach((clients, r) => {
    clients.forEach((client, i) => {
      let seq = 0;
      const edit = () => {
        writeStamp(client.doc, ownCards[r]![i]!, ++seq);
        sent++;
      };
      timers.push(
        setTimeout(() => {
          edit();
          timers.push(setInterval(edit, periodMs));
        }, Math.random() * periodMs),
      );
    });
  });
  await sleep(DURATION_MS);
  for (const timer of timers) clearTimeout(timer);
  const stopAt = performance.now();
  sending = false;
  const expected = sent * (PER_ROOM - 1);
  while (received < expected && performance.now() < stopAt + 15_000) await sleep(50);
  const end = performance.now();
  const cpuPct = instances.map((instance, i) => (100 * ((instance.cpuSeconds() ?? Number.NaN) - cpuStart[i]!)) / ((end - start) / 1000));
  const loopP99 = await Promise.all(instances.map(async (instance) => (await instance.loopDelay())?.p99 ?? Number.NaN));
  const converged = byRoom.every((clients, r) =>
    clients.every((client) => ownCards[r]!.every((card, i) => cardText(client.doc, card) === cardText(clients[i]!.doc, card))),
  );
  const sorted = Float64Array.from(latencies).sort();
  const windowS = (stopAt - start) / 1000;
  destroyOpenClients();
  return {
    setup,
    sentPerSecond: sent / windowS,
    deliveredPerSecond: receivedInWindow / windowS,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    received,
    expected,
    cpuPct,
    loopP99,
    converged,
  };
}

/** The time one append blocks the event loop: a small update, one transaction each. */
function appendCost(store: BoardStore, label: string): { label: string; meanUs: number; p99Us: number } {
  const doc = new Y.Doc();
  const boardId = `append-${label.replace(/\W/g, '')}`;
  store.documents.create({ id: boardId, title: 'append cost', createdAt: 1, updatedAt: 1 }, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < APPENDS; i++) doc.getMap('cards').set(`c${i % 50}`, `text ${i} ${'x'.repeat(60)}`);
  const times: number[] = [];
  for (const update of updates) {
    const t = performance.now();
    store.documents.append(boardId, update);
    times.push((performance.now() - t) * 1000);
  }
  const sorted = Float64Array.from(times).sort();
  return { label, meanUs: times.reduce((a, b) => a + b, 0) / times.length, p99Us: percentile(sorted, 99) };
}

/**
 * One group-commit turn: `perTurn` small updates spread over `boards` boards, stored in one
 * transaction — as one append after another (before) and as one `appendMany` (after). The
 * figure is the time one turn blocks the event loop, per turn and per update.
 */
function turnCost(store: BoardStore, label: string, boards: number, perTurn: number, turns: number) {
  const ids = Array.from({ length: boards }, (_, i) => `turn-${label.replace(/\W/g, '')}-${i}`);
  const docs = ids.map((id) => {
    const doc = new Y.Doc();
    store.documents.create({ id, title: 'turn cost', createdAt: 1, updatedAt: 1 }, Y.encodeStateAsUpdate(doc));
    return doc;
  });
  const turn = (t: number) =>
    Array.from({ length: perTurn }, (_, i) => {
      const doc = docs[i % boards]!;
      let update: Uint8Array = new Uint8Array();
      doc.once('update', (u: Uint8Array) => {
        update = u;
      });
      doc.getMap('cards').set(`c${i}`, `text ${t} ${'x'.repeat(60)}`);
      return { boardId: ids[i % boards]!, update };
    });
  const measure = (store: (entries: { boardId: string; update: Uint8Array }[]) => void) => {
    const times: number[] = [];
    for (let t = 0; t < turns; t++) {
      const entries = turn(t);
      const started = performance.now();
      store(entries);
      times.push(performance.now() - started);
    }
    return times.reduce((a, b) => a + b, 0) / times.length;
  };
  const each = measure((entries) => store.documents.batch(() => entries.map((e) => store.documents.append(e.boardId, e.update))));
  const many = measure((entries) => store.documents.batch(() => store.documents.appendMany(entries)));
  return { label, eachMs: each, manyMs: many, perTurn };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function main(): Promise<void> {
  const pg = startTestPostgres({ durable: true });
  const redis = await startTestRedis();
  if (!pg.ok || !redis.ok) {
    log(`scale benchmark skipped: ${!pg.ok ? pg.reason : !redis.ok ? redis.reason : ''}`);
    if (pg.ok) pg.engine.stop();
    if (redis.ok) await redis.engine.stop();
    return;
  }
  const results: LoadFigures[] = [];
  try {
    log(`scale: ${ROOMS} rooms × ${PER_ROOM} clients, each editing ${EDITS_PER_SECOND}/s for ${DURATION_MS / 1000} s`);
    const setups: [string, () => Promise<RunningServer[]>][] = [
      ['1 instance, SQLite', async () => [await startRejse({})]],
      ['1 instance, PostgreSQL', async () => [await startRejse({ DATABASE_URL: pg.engine.freshSchemaUrl() })]],
      [
        '2 instances, PostgreSQL + Redis',
        async () => {
          const env = { DATABASE_URL: pg.engine.freshSchemaUrl(), REDIS_URL: redis.engine.url };
          return [await startRejse(env), await startRejse(env)];
        },
      ],
    ];
    for (const [setup, start] of setups) {
      log(`- ${setup}`);
      const instances = await start();
      try {
        const figures = await runLoad(setup, instances);
        results.push(figures);
        log(`  sent ${fmt(figures.sentPerSecond)}/s, delivered ${fmt(figures.deliveredPerSecond)}/s, p99 ${fmt(figures.p99, 1)} ms`);
      } finally {
        for (const instance of instances) await instance.stop();
      }
    }

    log(
      '\n| setup | edits/s | deliveries/s | p50 ms | p99 ms | CPU per instance (% of a core) | event-loop p99 per instance, ms | all delivered, converged |',
    );
    log('|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      log(
        `| ${r.setup} | ${fmt(r.sentPerSecond)} | ${fmt(r.deliveredPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ` +
          `${r.cpuPct.map((c) => fmt(c)).join(' + ')} | ${r.loopP99.map((l) => fmt(l, 1)).join(', ')} | ` +
          `${r.received}/${r.expected}, ${r.converged ? 'yes' : 'NO'} |`,
      );
    }

    const dir = mkdtempSync(path.join(tmpdir(), 'rejse-append-'));
    const sqlite = createSqliteStore(path.join(dir, 'rejse.sqlite'));
    const postgres = createPostgresStore(pg.engine.freshSchemaUrl());
    // freshSchemaUrl's options set the schema; one more -c turns waiting for the WAL flush on.
    const durable = createPostgresStore(
      pg.engine.freshSchemaUrl().replace('options=', `options=${encodeURIComponent('-c synchronous_commit=on ')}`),
    );
    const costs = [
      appendCost(sqlite, 'SQLite (WAL, synchronous=NORMAL; the default)'),
      appendCost(postgres, 'PostgreSQL on loopback, as Rejse sets it (synchronous_commit=off)'),
      appendCost(durable, 'PostgreSQL on loopback, synchronous_commit=on (set in DATABASE_URL)'),
    ];
    const turns = [
      turnCost(sqlite, 'SQLite', TURN_BOARDS, TURN_UPDATES, TURNS),
      turnCost(postgres, 'PostgreSQL (synchronous_commit=off)', TURN_BOARDS, TURN_UPDATES, TURNS),
    ];
    sqlite.close();
    postgres.close();
    durable.close();
    rmSync(dir, { recursive: true, force: true });
    log(`\nOne append (${APPENDS} small updates, one transaction each), the time it blocks the event loop:`);
    log('| store | mean µs | p99 µs |');
    log('|---|---|---|');
    for (const cost of costs) log(`| ${cost.label} | ${fmt(cost.meanUs)} | ${fmt(cost.p99Us)} |`);
    log(
      `\nOne group-commit turn (${TURN_UPDATES} updates over ${TURN_BOARDS} boards, mean of ${TURNS} turns), the time it blocks the event loop:`,
    );
    log('| store | one append per update, ms | one appendMany, ms | ratio |');
    log('|---|---|---|---|');
    for (const t of turns) log(`| ${t.label} | ${fmt(t.eachMs, 2)} | ${fmt(t.manyMs, 2)} | ${fmt(t.manyMs / t.eachMs, 2)} |`);
  } finally {
    destroyOpenClients();
    killAllServers();
    pg.engine.stop();
    await redis.engine.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    killAllServers();
    process.exit(1);
  },
);

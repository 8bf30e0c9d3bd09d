import { cardsMap, stagesMap } from '@rejse/shared';
import * as Y from 'yjs';
import { addCards, createRooms, seedTemplateIfEmpty, waitForDoc } from './lib/board.ts';
import { connectClient } from './lib/clients.ts';
import type { BenchConfig } from './lib/config.ts';
import { destroyAll, runEditLoad, type EditLoadResult } from './lib/editLoad.ts';
import type { RssSampler, RunningServer } from './lib/servers.ts';
import { MiB, median, sleep } from './lib/stats.ts';

export type ScenarioId = 'one-room' | 'many-rooms' | 'cold-join';
export const SCENARIO_IDS: readonly ScenarioId[] = ['one-room', 'many-rooms', 'cold-join'];

export interface MetricDef {
  key: string;
  label: string;
  /** Which way is better; undefined for context figures that are not a contest. */
  better?: 'lower' | 'higher';
  format: 'ms' | 'int' | 'rate' | 'pct' | 'mib' | 'kib' | 'bool' | 'load';
}

interface ScenarioContext {
  server: RunningServer;
  config: BenchConfig;
  rss: RssSampler;
  /** Server RSS at rest before the scenario (bytes). */
  baseline: number;
  log: (line: string) => void;
}

interface ScenarioOutcome {
  values: Record<string, number>;
  notes: string[];
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  describe(config: BenchConfig): string;
  metrics: readonly MetricDef[];
  run(context: ScenarioContext): Promise<ScenarioOutcome>;
}

const latencyMetrics: MetricDef[] = [
  { key: 'p50', label: 'fan-out latency p50', better: 'lower', format: 'ms' },
  { key: 'p95', label: 'fan-out latency p95', better: 'lower', format: 'ms' },
  { key: 'p99', label: 'fan-out latency p99', better: 'lower', format: 'ms' },
  { key: 'max', label: 'fan-out latency max', better: 'lower', format: 'ms' },
  { key: 'deliveredPerSecond', label: 'updates delivered/s', better: 'higher', format: 'rate' },
  { key: 'deliveredPct', label: 'delivered of expected', better: 'higher', format: 'pct' },
  { key: 'converged', label: 'all replicas converged', format: 'bool' },
  { key: 'sentPerSecond', label: 'edits sent/s', format: 'rate' },
  { key: 'connectMs', label: 'connect + sync all clients', better: 'lower', format: 'ms' },
  { key: 'serverCpuPct', label: 'server CPU under load (% of one core)', better: 'lower', format: 'pct' },
  { key: 'serverCpuPerK', label: 'server CPU per 1,000 edits (incl. their fan-out)', better: 'lower', format: 'ms' },
  { key: 'serverCpuPerKDeliveries', label: 'server CPU per 1,000 deliveries', better: 'lower', format: 'ms' },
  { key: 'serverLoopP99', label: 'server event-loop delay p99', better: 'lower', format: 'ms' },
  { key: 'serverLoopMax', label: 'server event-loop delay max', better: 'lower', format: 'ms' },
];

function loadValues(result: EditLoadResult): Record<string, number> {
  return {
    p50: result.p50,
    p95: result.p95,
    p99: result.p99,
    max: result.max,
    deliveredPerSecond: result.deliveredPerSecond,
    deliveredPct: result.expected ? (100 * result.received) / result.expected : Number.NaN,
    converged: result.converged ? 1 : 0,
    sentPerSecond: result.sentPerSecond,
    connectMs: result.connectMs,
    serverCpuPct: result.serverCpuPct,
    serverCpuPerK: result.serverCpuPerK,
    serverCpuPerKDeliveries: result.serverCpuPerKDeliveries,
    serverLoopP99: result.serverLoopP99,
    serverLoopMax: result.serverLoopMax,
    harnessLoopP99: result.harnessLoopP99,
  };
}

const harnessMetric: MetricDef = { key: 'harnessLoopP99', label: 'harness event-loop delay p99', format: 'ms' };
/** Other work on the (shared) machine when the run started: high values mean noisy figures. */
const loadMetric: MetricDef = { key: 'loadAverage', label: 'machine load average (1 min) at start', format: 'load' };

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const oneRoom: Scenario = {
  id: 'one-room',
  title: 'One room, many clients editing',
  describe: ({ oneRoom: o }) =>
    `1 room × ${o.clients} clients, each editing its own card ${o.editsPerSecond}/s for ${o.durationMs / 1000} s`,
  metrics: [
    ...latencyMetrics,
    { key: 'rssBaseline', label: 'server RSS at rest', better: 'lower', format: 'mib' },
    { key: 'rssPeak', label: 'server RSS peak under load', better: 'lower', format: 'mib' },
    harnessMetric,
    loadMetric,
  ],
  async run({ server, config, rss, baseline, log }) {
    const o = config.oneRoom;
    const result = await runEditLoad(
      server,
      {
        rooms: 1,
        clientsPerRoom: o.clients,
        editsPerSecond: o.editsPerSecond,
        durationMs: o.durationMs,
        drainMs: o.drainMs,
        prefix: 'one-room',
      },
      log,
    );
    const rssPeak = rss.peakBetween(result.loadStart, result.loadEnd);
    destroyAll(result.clients);
    collectGarbage();
    return {
      values: { ...loadValues(result), rssBaseline: baseline, rssPeak },
      notes: result.received < result.expected ? [`${result.expected - result.received} deliveries missing`] : [],
    };
  },
};

const manyRooms: Scenario = {
  id: 'many-rooms',
  title: 'Many rooms, light edits',
  describe: ({ manyRooms: m }) =>
    `${m.rooms} rooms × ${m.clientsPerRoom} clients, each editing ${m.editsPerSecond}/s for ${m.durationMs / 1000} s; ` +
    `everyone disconnects, RSS is sampled ${m.afterMs.map((t) => `${t / 1000}`).join(', ')} s later; ` +
    `then ${m.rooms} fresh rooms take the same load for ${m.secondRoundMs / 1000} s`,
  metrics: [
    ...latencyMetrics,
    { key: 'rssBaseline', label: 'server RSS at rest', better: 'lower', format: 'mib' },
    { key: 'rssPeak', label: 'server RSS peak under load', better: 'lower', format: 'mib' },
    { key: 'rssPerRoom', label: 'server RSS per room (peak − rest) / rooms', better: 'lower', format: 'kib' },
    { key: 'roomsAfter', label: 'rooms still in memory after all left', better: 'lower', format: 'int' },
    { key: 'rssAfter', label: 'server RSS after all left (last sample)', better: 'lower', format: 'mib' },
    { key: 'rssRetainedPct', label: 'RSS growth still held after all left', better: 'lower', format: 'pct' },
    { key: 'rssPeakRound2', label: 'server RSS peak, second round (fresh rooms)', better: 'lower', format: 'mib' },
    { key: 'round2Growth', label: 'second peak − first peak', format: 'mib' },
    harnessMetric,
    loadMetric,
  ],
  async run({ server, config, rss, baseline, log }) {
    const m = config.manyRooms;
    const load = {
      rooms: m.rooms,
      clientsPerRoom: m.clientsPerRoom,
      editsPerSecond: m.editsPerSecond,
      drainMs: m.drainMs,
    };
    const result = await runEditLoad(server, { ...load, durationMs: m.durationMs, prefix: 'many-rooms' }, log);
    const rssPeak = rss.peakBetween(result.loadStart, result.loadEnd);
    const roomsDuring = await server.roomsLoaded();
    destroyAll(result.clients);
    collectGarbage();
    const leftAt = performance.now();
    const after: number[] = [];
    for (const at of m.afterMs) {
      await sleep(Math.max(0, leftAt + at - performance.now()));
      after.push(rss.sample() ?? Number.NaN);
    }
    const roomsAfter = await server.roomsLoaded();
    const rssAfter = after[after.length - 1] ?? Number.NaN;
    const growth = rssPeak - baseline;
    log(
      `  rooms in memory: ${roomsDuring ?? '?'} under load, ${roomsAfter ?? '?'} after all left; RSS after: ` +
        after.map((v, i) => `${(m.afterMs[i] ?? 0) / 1000} s ${(v / MiB).toFixed(1)} MiB`).join(', '),
    );

    const second = await runEditLoad(server, { ...load, durationMs: m.secondRoundMs, prefix: 'many-rooms-2' }, log);
    const rssPeakRound2 = rss.peakBetween(second.loadStart, second.loadEnd);
    destroyAll(second.clients);
    collectGarbage();
    const notes: string[] = [];
    if (result.received < result.expected) notes.push(`${result.expected - result.received} deliveries missing`);
    if (second.received < second.expected) notes.push(`second round: ${second.expected - second.received} deliveries missing`);
    return {
      values: {
        ...loadValues(result),
        rssBaseline: baseline,
        rssPeak,
        rssPerRoom: growth / m.rooms,
        roomsDuring: roomsDuring ?? Number.NaN,
        roomsAfter: roomsAfter ?? Number.NaN,
        rssAfter,
        rssRetainedPct: growth > 0 ? (100 * (rssAfter - baseline)) / growth : Number.NaN,
        ...Object.fromEntries(after.map((v, i) => [`rssAfter${m.afterMs[i]}ms`, v])),
        rssPeakRound2,
        round2Growth: rssPeakRound2 - rssPeak,
      },
      notes,
    };
  },
};

const coldJoin: Scenario = {
  id: 'cold-join',
  title: 'Cold join to a large board',
  describe: ({ coldJoin: c }) =>
    `a ${c.cards}-card board built through a client (${c.cardsPerTransaction} cards per transaction), everyone leaves, ` +
    `then a fresh client joins ${c.joins}× (${c.pauseMs / 1000} s apart): connect → synced, card count checked`,
  metrics: [
    { key: 'joinMedian', label: 'cold join → synced, median', better: 'lower', format: 'ms' },
    { key: 'joinMin', label: 'cold join → synced, fastest', better: 'lower', format: 'ms' },
    { key: 'joinMax', label: 'cold join → synced, slowest', better: 'lower', format: 'ms' },
    { key: 'firstJoin', label: 'first join after everyone left', better: 'lower', format: 'ms' },
    { key: 'joinCpu', label: 'server CPU per join, median (10 ms ticks)', better: 'lower', format: 'ms' },
    { key: 'cards', label: 'cards seen by every joiner', format: 'int' },
    { key: 'docBytes', label: 'document size (state as update)', format: 'kib' },
    { key: 'applyFloor', label: 'client applying that state locally (floor)', format: 'ms' },
    { key: 'roomsBeforeJoin', label: 'rooms in memory before each join', format: 'int' },
    { key: 'seedMs', label: 'build board → all cards on server', format: 'ms' },
    { key: 'rssBaseline', label: 'server RSS at rest', better: 'lower', format: 'mib' },
    { key: 'rssPeak', label: 'server RSS peak', better: 'lower', format: 'mib' },
    loadMetric,
  ],
  async run({ server, config, rss, baseline, log }) {
    const c = config.coldJoin;
    const [room] = await createRooms(server, 1, 'cold-join');
    if (!room) throw new Error('no room');
    const start = performance.now();
    const seeder = connectClient(server, room);
    await seeder.synced;
    seedTemplateIfEmpty(server, seeder.doc, 'cold join');
    await waitForDoc(seeder.doc, () => stagesMap(seeder.doc).size > 0, 30_000, 'the board template');
    addCards(seeder.doc, c.cards, c.cardsPerTransaction, 42);
    // A second client proves the server holds every card before everyone leaves.
    const checker = connectClient(server, room, { timeoutMs: 120_000 });
    await checker.synced;
    await waitForDoc(checker.doc, () => cardsMap(checker.doc).size >= c.cards, 120_000, `${c.cards} cards at a second client`);
    const seedMs = performance.now() - start;
    const state = Y.encodeStateAsUpdate(checker.doc);
    const docBytes = state.byteLength;
    // What a join costs the client alone: decoding and applying the same state, no network.
    const applyTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const local = new Y.Doc();
      const t0 = performance.now();
      Y.applyUpdate(local, state);
      applyTimes.push(performance.now() - t0);
      local.destroy();
    }
    log(`  board of ${c.cards} cards (${(docBytes / 1024).toFixed(0)} KiB) on the server after ${seedMs.toFixed(0)} ms`);
    seeder.destroy();
    checker.destroy();
    collectGarbage();

    const joins: number[] = [];
    const joinCpu: number[] = [];
    const roomsBefore: number[] = [];
    let cardsSeen = Number.POSITIVE_INFINITY;
    for (let i = 0; i < c.joins; i++) {
      await sleep(c.pauseMs);
      roomsBefore.push((await server.roomsLoaded()) ?? Number.NaN);
      const cpu0 = server.cpuSeconds() ?? Number.NaN;
      const t0 = performance.now();
      const joiner = connectClient(server, room, { timeoutMs: 60_000 });
      await joiner.synced;
      const elapsed = performance.now() - t0;
      joinCpu.push(1000 * ((server.cpuSeconds() ?? Number.NaN) - cpu0));
      const count = cardsMap(joiner.doc).size;
      joiner.destroy();
      if (count !== c.cards) throw new Error(`joiner ${i + 1} synced with ${count} cards, expected ${c.cards}`);
      cardsSeen = Math.min(cardsSeen, count);
      joins.push(elapsed);
      log(`  join ${i + 1}: ${elapsed.toFixed(1)} ms, ${count} cards`);
      collectGarbage();
    }
    const end = performance.now();
    return {
      values: {
        joinMedian: median(joins),
        joinMin: Math.min(...joins),
        joinMax: Math.max(...joins),
        firstJoin: joins[0] ?? Number.NaN,
        joinCpu: median(joinCpu),
        cards: cardsSeen,
        docBytes,
        applyFloor: median(applyTimes),
        roomsBeforeJoin: Math.max(...roomsBefore),
        seedMs,
        rssBaseline: baseline,
        rssPeak: rss.peakBetween(start, end),
      },
      notes: [],
    };
  },
};

export const SCENARIOS: readonly Scenario[] = [oneRoom, manyRooms, coldJoin];

import { cardsMap, stagesMap, type CardId } from '@rejse/shared';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { addOwnCards, cardText, createRooms, observeStamps, seedTemplateIfEmpty, waitForDoc, writeStamp } from './board.ts';
import { connectMany, type BenchClient } from './clients.ts';
import type { RunningServer } from './servers.ts';
import { percentile, sleep } from './stats.ts';

export interface EditLoadOptions {
  rooms: number;
  clientsPerRoom: number;
  editsPerSecond: number;
  durationMs: number;
  drainMs: number;
  prefix: string;
}

export interface EditLoadResult {
  /** Time to connect and sync every client (ms). */
  connectMs: number;
  sent: number;
  expected: number;
  received: number;
  /** Fan-out latency percentiles, writer's send → each other client's receive (ms). */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  sentPerSecond: number;
  deliveredPerSecond: number;
  /** Every client ends with every card's final text. */
  converged: boolean;
  /** p99 event-loop delay of the harness during the load: how much of the latency is ours. */
  harnessLoopP99: number;
  /** The server's own event-loop delay during the load (probe.mjs), ms. */
  serverLoopP99: number;
  serverLoopMax: number;
  /** Server CPU time during the load as a share of one core, %. */
  serverCpuPct: number;
  /** Server CPU time per 1,000 edits received, ms. */
  serverCpuPerK: number;
  /** Server CPU time per 1,000 deliveries (one edit reaching one other client), ms. */
  serverCpuPerKDeliveries: number;
  loadStart: number;
  loadEnd: number;
  clients: BenchClient[];
}

/**
 * N rooms × M clients, each client editing its own card at a steady rate for a fixed time.
 * Latency is measured in this one process with one clock (performance.now()): the writer puts
 * its send time into the edit, every other client of the room notes when the edit arrives.
 */
export async function runEditLoad(server: RunningServer, options: EditLoadOptions, log: (line: string) => void): Promise<EditLoadResult> {
  const rooms = await createRooms(server, options.rooms, options.prefix);
  const connectStart = performance.now();
  const byRoom = await connectMany(server, rooms, options.clientsPerRoom);
  const connectMs = performance.now() - connectStart;
  const clients = byRoom.flat();
  log(`  ${clients.length} clients synced in ${connectMs.toFixed(0)} ms`);

  const setupTimeout = 30_000;
  const ownCards: CardId[][] = [];
  await Promise.all(
    byRoom.map(async (roomClients, r) => {
      const first = roomClients[0];
      if (!first) throw new Error('room without clients');
      seedTemplateIfEmpty(server, first.doc, `${options.prefix} ${r}`);
      await Promise.all(roomClients.map((c) => waitForDoc(c.doc, () => stagesMap(c.doc).size > 0, setupTimeout, 'the board template')));
      ownCards[r] = await addOwnCards(roomClients, setupTimeout);
    }),
  );

  const latencies: number[] = [];
  let received = 0;
  let receivedInWindow = 0;
  let sending = true;
  for (const client of clients) {
    observeStamps(client.doc, (_card, _seq, sentAt) => {
      latencies.push(performance.now() - sentAt);
      received++;
      if (sending) receivedInWindow++;
    });
  }

  const loopResolutionMs = 2;
  const loop = monitorEventLoopDelay({ resolution: loopResolutionMs });
  const periodMs = 1000 / options.editsPerSecond;
  let sent = 0;
  const seqs = new Map<BenchClient, number>();
  const timers: NodeJS.Timeout[] = [];
  await server.loopDelay();
  const cpuStart = server.cpuSeconds() ?? Number.NaN;
  const loadStart = performance.now();
  loop.enable();
  byRoom.forEach((roomClients, r) => {
    roomClients.forEach((client, i) => {
      const cardId = ownCards[r]?.[i];
      if (!cardId) throw new Error('client without a card');
      const edit = () => {
        const seq = (seqs.get(client) ?? 0) + 1;
        seqs.set(client, seq);
        writeStamp(client.doc, cardId, seq);
        sent++;
      };
      // Spread the writers over the period so edits arrive steadily, not in bursts.
      const phase = Math.random() * periodMs;
      timers.push(
        setTimeout(() => {
          edit();
          timers.push(setInterval(edit, periodMs));
        }, phase),
      );
    });
  });
  await sleep(options.durationMs);
  for (const timer of timers) clearTimeout(timer);
  const stopAt = performance.now();
  sending = false;
  const expected = sent * (options.clientsPerRoom - 1);
  const drainDeadline = stopAt + options.drainMs;
  while (received < expected && performance.now() < drainDeadline) await sleep(20);
  const loadEnd = performance.now();
  loop.disable();
  const cpuUsed = (server.cpuSeconds() ?? Number.NaN) - cpuStart;
  const serverLoop = await server.loopDelay();

  const converged = byRoom.every((roomClients, r) =>
    roomClients.every((client) =>
      (ownCards[r] ?? []).every((cardId, i) => {
        const writer = roomClients[i];
        if (!writer) return false;
        return cardText(client.doc, cardId) === cardText(writer.doc, cardId);
      }),
    ),
  );

  const sorted = Float64Array.from(latencies).sort();
  const windowS = (stopAt - loadStart) / 1000;
  return {
    connectMs,
    sent,
    expected,
    received,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    sentPerSecond: sent / windowS,
    // Deliveries inside the sending window only, so the drain does not count.
    deliveredPerSecond: receivedInWindow / windowS,
    converged,
    // The histogram records whole timer intervals; what exceeds the interval is the delay.
    harnessLoopP99: Math.max(0, loop.percentile(99) / 1e6 - loopResolutionMs),
    serverLoopP99: serverLoop?.p99 ?? Number.NaN,
    serverLoopMax: serverLoop?.max ?? Number.NaN,
    serverCpuPct: (100 * cpuUsed) / ((loadEnd - loadStart) / 1000),
    serverCpuPerK: sent ? (1000 * cpuUsed * 1000) / sent : Number.NaN,
    serverCpuPerKDeliveries: received ? (1000 * cpuUsed * 1000) / received : Number.NaN,
    loadStart,
    loadEnd,
    clients,
  };
}

export function destroyAll(clients: readonly BenchClient[]): void {
  for (const client of clients) client.destroy();
}

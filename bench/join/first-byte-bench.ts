/**
 * Issue 14: how soon a cold board's first joiner hears from the server. A board of N
 * generated cards (bench/canvas/generate.ts) is written through a real y-websocket client
 * into a real server process; everyone leaves, so the room unloads (compacted); then, again
 * and again, a fresh client connects to the unloaded board and the time from creating its
 * provider to the socket opening, to the first message and to `synced` is taken, with the
 * card count checked. A second client joining while the first is still there (the room
 * loaded) is the floor. The server's own split of each load (`board loaded` at debug level:
 * storage read, decode, migrate, encode) is read from its log.
 *
 *   npx -y pnpm@10 --filter @rejse/bench first-byte              5,000 cards, 7 cold joins
 *   npx -y pnpm@10 --filter @rejse/bench first-byte --short      1,000 cards, 3 cold joins (CI size)
 *   (or `cd bench && node --import tsx join/first-byte-bench.ts …`)
 *   --cards N  --joins N  --compiled (run server/dist/main.js; build it first)  --json
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cardsMap, docToBoard } from '@rejse/shared';
import { connectClient, createBoard, facilitatorToken, startServer, type RunningServer } from '../../tests/helpers/server.ts';
import { generateBoard } from '../canvas/generate.ts';
import { median, round } from '../canvas/stats.ts';
import { readFlags } from '../lib/args.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = 120_000;

interface Options {
  cards: number;
  joins: number;
  compiled: boolean;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const flags = readFlags(argv);
  return {
    cards: flags.number('--cards', flags.short ? 1000 : 5000, 1),
    joins: flags.number('--joins', flags.short ? 3 : 7, 1),
    compiled: flags.has('--compiled'),
    json: flags.has('--json'),
  };
}

interface JoinTimes {
  /** Provider created → socket open. */
  openMs: number;
  /** Provider created → the server's first message. */
  firstMessageMs: number;
  /** Provider created → synced (the whole board applied). */
  syncedMs: number;
  cards: number;
}

/** The server's account of one room load (its `board loaded` debug line). */
interface LoadSplit {
  bytes: number;
  updateRows: number;
  readMs: number;
  decodeMs: number;
  migrateMs: number;
  encodeMs: number;
  /** Whether the joiner was answered from the stored bytes before the decode (server/src/sync/opening.ts). */
  early?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const until = Date.now() + TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function roomsLoaded(server: RunningServer): Promise<number> {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as { rooms: number };
  return health.rooms;
}

/**
 * `ws` as the provider's WebSocket, noting when the socket opened and its first message
 * arrived — before the provider's own handler applies it (listeners run in the order added).
 */
function timedSocket(began: number, times: { openMs: number; firstMessageMs: number }) {
  return class TimedSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.addEventListener('open', () => {
        times.openMs = performance.now() - began;
      });
      this.addEventListener('message', () => {
        if (Number.isNaN(times.firstMessageMs)) times.firstMessageMs = performance.now() - began;
      });
    }
  };
}

/** One fresh client joining: times from creating its provider, and the cards it ends up with. */
async function join(server: RunningServer, boardId: string): Promise<{ times: JoinTimes; leave: () => void }> {
  const doc = new Y.Doc();
  const noted = { openMs: Number.NaN, firstMessageMs: Number.NaN };
  const began = performance.now();
  const provider = new WebsocketProvider(server.wsUrl, boardId, doc, {
    WebSocketPolyfill: timedSocket(began, noted) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: facilitatorToken(boardId) ?? '' },
  });
  const synced = new Promise<void>((resolve) => {
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the joiner never synced')), TIMEOUT_MS);
  });
  await Promise.race([synced, timedOut]).finally(() => clearTimeout(timer));
  const syncedMs = performance.now() - began;
  const times = { ...noted, syncedMs, cards: cardsMap(doc).size };
  return {
    times,
    leave: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The last `board loaded` line the server logged for `boardId`. */
function lastLoad(server: RunningServer, boardId: string): LoadSplit | undefined {
  const lines = server.output().split('\n').reverse();
  for (const line of lines) {
    if (!line.includes('"board loaded"') || !line.includes(boardId)) continue;
    return JSON.parse(line) as LoadSplit;
  }
  return undefined;
}

async function makeBoard(server: RunningServer, cards: number): Promise<string> {
  const board = await createBoard(server, { title: `Join benchmark (${cards} cards)`, template: 'blank' });
  const writer = connectClient(server, board.id);
  try {
    await writer.synced;
    const generated = generateBoard(writer.doc, board.id, cards, 20);
    const reader = connectClient(server, board.id);
    try {
      await reader.synced;
      await waitFor('the server to hold every card', () => docToBoard(reader.doc, board.id).cards.length >= generated.cards);
    } finally {
      reader.destroy();
    }
  } finally {
    writer.destroy();
  }
  return board.id;
}

const summary = (values: readonly number[]) => ({
  median: round(median(values)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.compiled && !existsSync(path.join(repoRoot, 'server', 'dist', 'main.js'))) {
    throw new Error('No server build. Run: node scripts/build.mjs server');
  }
  console.log(
    `first-byte benchmark: a ${options.cards}-card board, ${options.joins} cold joins (${options.compiled ? 'compiled' : 'sources'})`,
  );
  const server = await startServer({ compiled: options.compiled, env: { LOG_LEVEL: 'debug' } });
  try {
    const boardId = await makeBoard(server, options.cards);
    const cold: JoinTimes[] = [];
    const warm: JoinTimes[] = [];
    const loads: LoadSplit[] = [];
    for (let i = 0; i < options.joins; i += 1) {
      await waitFor('the room to unload', async () => (await roomsLoaded(server)) === 0);
      // Let the unload's compaction and any garbage collection settle before timing.
      await sleep(300);
      const first = await join(server, boardId);
      const second = await join(server, boardId);
      first.leave();
      second.leave();
      for (const joined of [first.times, second.times]) {
        if (joined.cards !== options.cards) throw new Error(`a joiner saw ${joined.cards} cards, not ${options.cards}`);
      }
      cold.push(first.times);
      warm.push(second.times);
      await waitFor('the load to be logged', () => lastLoad(server, boardId) !== undefined);
      const split = lastLoad(server, boardId);
      if (split) loads.push(split);
      console.log(
        `  join ${i + 1}: cold open ${round(first.times.openMs)} ms, first message ${round(first.times.firstMessageMs)} ms, ` +
          `synced ${round(first.times.syncedMs)} ms; warm first message ${round(second.times.firstMessageMs)} ms, synced ${round(second.times.syncedMs)} ms` +
          (split
            ? `; server${split.early ? ' (answered early)' : ''} read ${split.readMs}, decode ${split.decodeMs}, migrate ${split.migrateMs}, encode ${split.encodeMs} ms`
            : ''),
      );
    }
    const result = {
      cards: options.cards,
      joins: options.joins,
      storedBytes: loads[0]?.bytes ?? 0,
      answeredEarly: loads.filter((l) => l.early).length,
      cold: {
        openMs: summary(cold.map((t) => t.openMs)),
        firstMessageMs: summary(cold.map((t) => t.firstMessageMs)),
        syncedMs: summary(cold.map((t) => t.syncedMs)),
      },
      warm: {
        firstMessageMs: summary(warm.map((t) => t.firstMessageMs)),
        syncedMs: summary(warm.map((t) => t.syncedMs)),
      },
      server: {
        readMs: summary(loads.map((l) => l.readMs)),
        decodeMs: summary(loads.map((l) => l.decodeMs)),
        migrateMs: summary(loads.map((l) => l.migrateMs)),
        encodeMs: summary(loads.map((l) => l.encodeMs)),
      },
    };
    const line = (label: string, s: { median: number; min: number; max: number }) =>
      console.log(`  ${label.padEnd(38)} ${String(s.median).padStart(8)} ms  (${s.min}–${s.max})`);
    console.log(
      `\n  stored state ${round(result.storedBytes / 1024)} KiB; ${result.answeredEarly} of ${options.joins} cold joiners answered early; ` +
        `medians (fastest–slowest)`,
    );
    line('cold: provider → socket open', result.cold.openMs);
    line('cold: provider → first message', result.cold.firstMessageMs);
    line('cold: provider → synced', result.cold.syncedMs);
    line('warm: provider → first message', result.warm.firstMessageMs);
    line('warm: provider → synced', result.warm.syncedMs);
    line('server load: storage read', result.server.readMs);
    line('server load: decode (applyUpdate)', result.server.decodeMs);
    line('server load: migrate', result.server.migrateMs);
    line('server load: encode state vector', result.server.encodeMs);
    if (options.json) console.log(JSON.stringify(result));
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

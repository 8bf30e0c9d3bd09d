/**
 * Hostile input against the real server: a seeded fuzzer sends random bytes, truncated,
 * oversized and trailing-byte frames, valid framing around invalid or mutated Yjs updates,
 * held-back updates, invalid and foreign presence, awareness floods and connection floods,
 * and the HTTP API gets malformed JSON, huge bodies, path tricks and wrong methods.
 *
 * Throughout, a bystander pair on another board keeps exchanging edits (their latency is
 * measured), the server's RSS is sampled from /proc, and at the end the attacked board's
 * honest clients agree with the server, the database passes `PRAGMA integrity_check`, and
 * after a SIGKILL and a restart both boards are exactly what their clients hold.
 *
 * CI: a few thousand frames with a fixed seed; `REJSE_LONG=1`: 100,000+, seed from the clock.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addCard, cardsMap, docToBoard, readTitle, setBoardTitle } from '@rejse/shared';
import { applyRandomOp, boardInvariantViolations, createRng, type Rng } from '@rejse/shared/testing';
import { SERVER_LIMITS, checkDatabaseIntegrity } from '@rejse/server';
import { startServer, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { firstCell } from '../server/util.ts';
import { awarenessFrame, hostileFrame, pickKind, type HostileKind, type HostileSources } from './frames.ts';
import {
  LONG,
  TEST_TIMEOUT_MS,
  authHeaders,
  connect,
  fetchBoard,
  fuzzSeed,
  isHealthy,
  mib,
  openBoard,
  rawHttp,
  rawSocket,
  rssKiB,
  sendFrame,
  socketPath,
  type FaultBoard,
  type RawSocket,
} from './util.ts';

// Frames aimed at refused paths (no token, unknown board) are not sent, hence the margin over 100,000.
const FRAMES = LONG ? 110_000 : 4_000;
const OVERSIZED = LONG ? 10 : 2;
const ATTACKERS = 4;
/** A bystander's edit must reach the other bystander within this, attack or not (generous for 2 shared cores). */
const BYSTANDER_LATENCY_LIMIT_MS = 5_000;
/** RSS growth allowed over the whole attack (generous: V8 keeps freed heap for a while). */
const RSS_GROWTH_LIMIT_KIB = 256 * 1024;

const seed = fuzzSeed('hostile', 1_234_567);
const report: string[] = [];
let server: RunningServer;
let attacked: FaultBoard;
let bystanderBoard: FaultBoard;
let honest: ConnectedClient[] = [];
let bystanders: ConnectedClient[] = [];
let mallory: ConnectedClient;
const latencies: number[] = [];
let rssBefore = 0;
let rssPeak = 0;

function samplePeak(): void {
  rssPeak = Math.max(rssPeak, rssKiB(server.pid));
}

/** One edit from one bystander to the other (alternating), timed; the server's RSS is sampled too. */
let beats = 0;
async function heartbeat(): Promise<void> {
  const [from, to] = beats++ % 2 === 0 ? [bystanders[0]!, bystanders[1]!] : [bystanders[1]!, bystanders[0]!];
  const started = performance.now();
  const id = addCard(from.doc, { ...firstCell(from.doc), kind: 'note', text: `heartbeat ${beats}` });
  await vi.waitFor(() => expect(cardsMap(to.doc).has(id)).toBe(true), {
    timeout: BYSTANDER_LATENCY_LIMIT_MS,
    interval: 2,
  });
  latencies.push(performance.now() - started);
  samplePeak();
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

beforeAll(async () => {
  server = await startServer();
  attacked = await openBoard(server, 'Attacked');
  bystanderBoard = await openBoard(server, 'Bystanders');
  honest = [connect(server, attacked), connect(server, attacked)];
  bystanders = [connect(server, bystanderBoard), connect(server, bystanderBoard)];
  mallory = connect(server, attacked);
  await Promise.all([...honest, ...bystanders, mallory].map((c) => c.synced));
  honest[0]!.provider.awareness.setLocalStateField('user', { name: 'Ana' });
  await vi.waitFor(() =>
    expect(honest[1]!.provider.awareness.getStates().get(honest[0]!.doc.clientID)).toMatchObject({
      user: { name: 'Ana' },
    }),
  );
  for (let i = 0; i < 10; i++) await heartbeat();
  rssBefore = rssKiB(server.pid);
  rssPeak = rssBefore;
});

afterAll(async () => {
  for (const client of [...honest, ...bystanders, mallory]) client?.destroy();
  await server?.stop();
  console.info(`[hostile] seed ${seed}\n  ${report.join('\n  ')}`);
});

describe('hostile input', () => {
  it(
    'random, truncated, oversized and mutated frames close only their own connection while other rooms keep syncing',
    async () => {
      const pool: Uint8Array[] = Array.from({ length: 24 }, () => new Uint8Array(0));
      const sourceRng = createRng(seed ^ 0x5eed);
      /** Real edits of the attacked board, made on throw-away copies of Mallory's replica, refreshed now and then. */
      const refreshPool = () => {
        for (let i = 0; i < pool.length; i++) {
          const copy = new Y.Doc();
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(mallory.doc));
          const before = Y.encodeStateVector(copy);
          applyRandomOp(copy, sourceRng, attacked.id);
          pool[i] = Y.encodeStateAsUpdate(copy, before);
          copy.destroy();
        }
      };
      refreshPool();
      const sources: HostileSources = {
        validUpdate: () => pool[sourceRng.int(pool.length)]!,
        victimIds: honest.map((c) => c.doc.clientID),
      };

      const kinds: Partial<Record<HostileKind | 'valid-edit' | 'oversized', number>> = {};
      const closes: Record<number, number> = {};
      let sent = 0;
      let survived = 0;
      let connections = 0;
      let next = 0;

      /** A fresh attacker socket: mostly the attacked board with its token, sometimes no token or an unknown board. */
      const open = async (rng: Rng): Promise<RawSocket> => {
        const roll = rng.next();
        const path =
          roll < 0.9
            ? socketPath(attacked)
            : roll < 0.95
              ? socketPath(attacked, { token: null })
              : `/ws/${rng.pick(['nosuchboardxxxxxxxxxxxxx', '..%2f..%2fetc', '%00', 'x'.repeat(300)])}`;
        const socket = rawSocket(server, path, { keepFrames: false });
        connections++;
        void socket.closed.then(({ code }) => {
          closes[code] = (closes[code] ?? 0) + 1;
        });
        await socket.opened.catch(() => {});
        return socket;
      };

      const worker = async () => {
        let socket: RawSocket | null = null;
        for (let index = next++; index < FRAMES; index = next++) {
          const rng = createRng(seed + index);
          const kind = pickKind(rng);
          if (kind === 'valid-update') {
            // Through Mallory's stock client, so it arrives in order and is stored.
            applyRandomOp(mallory.doc, rng, attacked.id);
          } else {
            if (!socket?.isOpen()) socket = await open(rng);
            if (!socket.isOpen()) continue;
            await sendFrame(socket, hostileFrame(kind, rng, sources));
            // Wait until the server has handled it (pong) or closed the connection for it.
            if ((await socket.probe()) === 'alive') survived++;
          }
          sent++;
          kinds[kind] = (kinds[kind] ?? 0) + 1;
          if (index % 250 === 0) {
            await heartbeat();
            refreshPool();
          }
        }
        socket?.ws.terminate();
      };
      await Promise.all(Array.from({ length: ATTACKERS }, worker));

      // A few frames just over the 8 MiB limit.
      for (let i = 0; i < OVERSIZED; i++) {
        const rng = createRng(seed - i - 1);
        const socket = await open(rng);
        await sendFrame(socket, hostileFrame('oversized', rng, sources));
        if (socket.ws.url.includes(attacked.token)) expect((await socket.closed).code).toBe(CLOSE.MESSAGE_TOO_BIG.code);
        sent++;
        kinds.oversized = (kinds.oversized ?? 0) + 1;
        await heartbeat();
      }

      expect(await isHealthy(server)).toBe(true);
      await heartbeat();
      report.push(
        `frames: ${sent} sent over ${connections} connections, ${survived} of them left their connection open; by kind ${JSON.stringify(kinds)}; closes by code ${JSON.stringify(closes)}`,
      );
      expect(sent).toBeGreaterThanOrEqual(FRAMES * 0.9);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'awareness floods are closed with 4430 and foreign presence never replaces anyone’s',
    async () => {
      const rng = createRng(seed + 0xa11);
      const victimId = honest[0]!.doc.clientID;
      const flooders = Array.from({ length: 20 }, () => rawSocket(server, socketPath(attacked), { keepFrames: false }));
      const spoofers = Array.from({ length: 5 }, () => rawSocket(server, socketPath(attacked), { keepFrames: false }));
      await Promise.all([...flooders, ...spoofers].map((s) => s.opened));
      let floodFrames = 0;
      let spoofFrames = 0;
      await Promise.all([
        ...flooders.map(async (socket, i) => {
          const clientId = 100_000 + i;
          for (let clock = 1; clock <= 2_000 && socket.isOpen(); clock++) {
            await sendFrame(socket, awarenessFrame([{ clientId, clock, state: { cursor: { x: rng.int(4000), y: clock } } }]));
            floodFrames++;
          }
        }),
        ...spoofers.map(async (socket) => {
          for (let clock = 1; clock <= 1_000 && socket.isOpen(); clock++) {
            await sendFrame(
              socket,
              awarenessFrame([
                {
                  clientId: victimId,
                  clock: 1_000_000 + clock,
                  state: clock % 2 ? null : { user: { name: 'Mallory' } },
                },
              ]),
            );
            spoofFrames++;
          }
        }),
      ]);
      const codes = await Promise.all(flooders.map((s) => s.closed.then((c) => c.code)));
      expect(new Set(codes)).toEqual(new Set([CLOSE.RATE_LIMITED.code]));
      // Spoofed entries are dropped without closing: the stock client echoes others' presence.
      expect(spoofers.every((s) => s.isOpen())).toBe(true);
      await heartbeat();
      expect(honest[1]!.provider.awareness.getStates().get(victimId)).toMatchObject({ user: { name: 'Ana' } });
      for (const s of spoofers) s.ws.terminate();
      report.push(
        `awareness: ${floodFrames} flood frames from 20 connections (all closed 4430), ${spoofFrames} spoofed frames for a victim's id (all dropped)`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'connection floods past the per-board limit get 4429, refused tokens 4401, unknown boards 4404, and half-open requests block nobody',
    async () => {
      // Only the honest pair, Mallory and the bystanders are connected now.
      const baseline = honest.length + bystanders.length + 1;
      await vi.waitFor(
        async () => {
          const health = (await (await fetch(`${server.url}/api/health`)).json()) as { connections: number };
          expect(health.connections).toBe(baseline);
        },
        { timeout: 20_000 },
      );
      const onAttackedBoard = honest.length + 1;
      const flood = Array.from({ length: SERVER_LIMITS.connectionsPerBoard + 100 }, () =>
        rawSocket(server, socketPath(attacked), { localAddress: '127.0.0.2', keepFrames: false }),
      );
      const wrongToken = Array.from({ length: 50 }, () =>
        rawSocket(server, socketPath(attacked, { token: 'x'.repeat(43) }), { localAddress: '127.0.0.3' }),
      );
      const unknown = Array.from({ length: 50 }, (_, i) =>
        rawSocket(server, `/ws/nosuchboard${String(i).padStart(12, '0')}`, { localAddress: '127.0.0.3' }),
      );
      // TCP connections that send half a request and then nothing.
      const halfOpen = await Promise.all(
        Array.from({ length: 50 }, () =>
          import('node:net').then(({ default: net }) => {
            const socket = net.connect(server.port, '127.0.0.1');
            socket.on('error', () => {});
            socket.write(`GET /ws/${attacked.id} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n`);
            return socket;
          }),
        ),
      );
      await heartbeat();
      // Everyone the board had before the flood stays; the flood fills the rest of the 200.
      await vi.waitFor(
        () => {
          const open = flood.filter((s) => s.isOpen()).length;
          const refused = flood.filter((s) => s.ws.readyState === s.ws.CLOSED).length;
          expect(open + refused).toBe(flood.length);
        },
        { timeout: 20_000 },
      );
      const refusedCodes = await Promise.all(flood.filter((s) => !s.isOpen()).map((s) => s.closed.then((c) => c.code)));
      expect(new Set(refusedCodes)).toEqual(new Set([CLOSE.TOO_MANY_CONNECTIONS.code]));
      expect(flood.filter((s) => s.isOpen()).length).toBe(SERVER_LIMITS.connectionsPerBoard - onAttackedBoard);
      expect(new Set(await Promise.all(wrongToken.map((s) => s.closed.then((c) => c.code))))).toEqual(new Set([CLOSE.UNAUTHORIZED.code]));
      expect(new Set(await Promise.all(unknown.map((s) => s.closed.then((c) => c.code))))).toEqual(new Set([CLOSE.UNKNOWN_BOARD.code]));
      // The honest clients of the full board still sync with each other.
      // (A title edit: the fuzzer's edits may have left no live lane to add a card to.)
      setBoardTitle(honest[0]!.doc, 'Attacked, during the connection flood');
      await vi.waitFor(() => expect(readTitle(honest[1]!.doc)).toBe('Attacked, during the connection flood'));
      await heartbeat();
      samplePeak();
      for (const s of flood) s.ws.terminate();
      for (const socket of halfOpen) socket.destroy();
      await vi.waitFor(
        async () => {
          const health = (await (await fetch(`${server.url}/api/health`)).json()) as { connections: number };
          expect(health.connections).toBe(baseline);
        },
        { timeout: 20_000 },
      );
      report.push(
        `connections: ${flood.length} to one board (${SERVER_LIMITS.connectionsPerBoard - onAttackedBoard} accepted up to the limit, the rest 4429), ` +
          `${wrongToken.length} wrong tokens (4401), ${unknown.length} unknown boards (4404), ${halfOpen.length} half-open requests`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'malformed JSON, huge bodies, path tricks and wrong methods get 4xx answers and leak nothing',
    async () => {
      const post = (body: string, type = 'application/json') =>
        rawHttp(
          server,
          `POST /api/boards HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
          { body },
        );
      const malformed = [
        '{',
        '{"title":',
        '[1,2',
        '{"title": "\u0000"',
        '{"title": 1e999999}',
        'null',
        '"just a string"',
        '{"template": {"$ne": null}}',
        '['.repeat(500_000),
        '\u00ff\u00fe{}',
      ];
      for (const body of malformed) {
        const res = await post(body);
        expect(res.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
        expect(res.status, body.slice(0, 40)).toBeLessThan(500);
      }
      expect((await post('{}', 'text/plain')).status).toBe(415);
      // Several times: the answer comes while the client is still sending, and only a lingering
      // close makes sure the client reads it instead of a connection reset.
      for (let attempt = 0; attempt < 8; attempt++) {
        const huge = await rawHttp(
          server,
          'POST /api/boards HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
          { streamBytes: 50 * 1024 * 1024 },
        );
        expect(huge.status, `attempt ${attempt}`).toBe(413);
      }

      const secretParts = ['root:x:0:0', '"name": "@rejse/server"', 'BEGIN PRIVATE KEY', 'rejse.sqlite', attacked.token];
      const paths = [
        '/api/boards/..%2f..%2fetc%2fpasswd',
        '/api/boards/..%2F..%2F..%2Fetc%2Fpasswd',
        '/api/boards/%00',
        `/api/boards/${attacked.id}%00`,
        `/api/boards/${'a'.repeat(4_000)}`,
        '/b/../../etc/passwd',
        '/b/..%2f..%2f..%2fetc%2fpasswd',
        '/../../../../etc/passwd',
        '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/assets/%2e%2e/%2e%2e/%2e%2e/server/package.json',
        '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '//etc/passwd',
        '/index.html%00.js',
        '/.env',
        '/server/package.json',
        '/ws/../api/health',
        `/api/boards/${attacked.id}/../${bystanderBoard.id}`,
      ];
      const statuses: Record<string, number> = {};
      for (const path of paths) {
        const res = await rawHttp(server, `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
        statuses[path.slice(0, 40)] = res.status;
        expect(res.status, path).toBeGreaterThanOrEqual(200);
        expect(res.status, path).toBeLessThan(500);
        for (const part of secretParts) expect(res.body.includes(part), `${path} leaks ${part.slice(0, 20)}`).toBe(false);
        if (path.startsWith('/api/')) expect(res.status, path).toBeGreaterThanOrEqual(400);
      }
      // A board is never readable without its token, whatever the path looks like.
      const unauthenticated = await rawHttp(
        server,
        `GET /api/boards/${attacked.id} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      expect(unauthenticated.status).toBe(401);
      // A request line far past Node's header limit.
      const longUrl = await rawHttp(server, `GET /api/boards/${'b'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expect([400, 414, 431]).toContain(longUrl.status);
      const garbage = await rawHttp(server, 'HELLO \u0000\u0001 WORLD\r\n\r\n');
      expect(garbage.status).toBe(400);

      for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
        for (const path of ['/api/boards', `/api/boards/${attacked.id}`, '/api/health']) {
          const res = await fetch(`${server.url}${path}`, { method, headers: authHeaders(attacked) }).catch(() => null);
          // TRACE is refused by fetch itself; everything else gets a 4xx.
          if (!res) continue;
          expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${method} ${path}`).toBeLessThan(500);
        }
      }
      // The board is untouched by all of that.
      expect((await fetchBoard(server, attacked)).id).toBe(attacked.id);

      const parallel = await Promise.all(Array.from({ length: 300 }, () => fetch(`${server.url}/api/health`).then((r) => r.status)));
      expect(new Set(parallel)).toEqual(new Set([200]));
      await heartbeat();
      report.push(
        `http: ${malformed.length} malformed bodies, 50 MiB streamed body (413 early), ${paths.length} path tricks ${JSON.stringify(statuses)}`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'afterwards memory is bounded, the attacked board is consistent, and after a crash both boards are intact',
    async () => {
      // Mallory's last edits are flushed before comparing.
      await vi.waitFor(
        async () => {
          const live = await fetchBoard(server, attacked);
          for (const client of [...honest, mallory]) expect(docToBoard(client.doc, attacked.id)).toEqual(live);
        },
        { timeout: 30_000, interval: 100 },
      );
      const attackedBoard = docToBoard(honest[0]!.doc, attacked.id);
      expect(boardInvariantViolations(attackedBoard)).toEqual([]);
      const bystanderState = docToBoard(bystanders[0]!.doc, bystanderBoard.id);
      expect(docToBoard(bystanders[1]!.doc, bystanderBoard.id)).toEqual(bystanderState);

      samplePeak();
      const rssAfter = rssKiB(server.pid);
      report.push(
        `server RSS: ${mib(rssBefore)} before, ${mib(rssPeak)} peak, ${mib(rssAfter)} after (limit: +${mib(RSS_GROWTH_LIMIT_KIB)})`,
        `bystander latency over ${latencies.length} round trips: p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
          `p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
        `attacked board: ${attackedBoard.cards.length} cards, ${attackedBoard.links.length} links after the attack`,
      );
      expect(rssAfter - rssBefore).toBeLessThan(RSS_GROWTH_LIMIT_KIB);

      await server.kill('SIGKILL');
      expect(checkDatabaseIntegrity(server.dataDir)).toEqual(['ok']);
      const restarted = await startServer({ dataDir: server.dataDir });
      try {
        expect(await fetchBoard(restarted, bystanderBoard)).toEqual(bystanderState);
        expect(await fetchBoard(restarted, attacked)).toEqual(attackedBoard);
      } finally {
        await restarted.kill('SIGTERM');
      }
    },
    TEST_TIMEOUT_MS,
  );
});

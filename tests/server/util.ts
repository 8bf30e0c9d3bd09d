/** Small helpers for the server integration tests: raw sockets, board coordinates, seeded bytes. */
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { readLanes, readStages, type LaneId, type StageId } from '@rejse/shared';
import type { RunningServer } from '../helpers/server.ts';

export interface RawSocket {
  ws: WebSocket;
  /** Resolves when the socket is open. */
  opened: Promise<void>;
  /** Resolves with the close code and reason (or code 1006 when the connection just dropped). */
  closed: Promise<{ code: number; reason: string }>;
  /** Binary frames received so far. */
  received: Uint8Array[];
}

/** When a socket opens (rejected if it closes first; unhandled rejections are not raised) and when it closes. */
export function socketEnds(ws: WebSocket): { opened: Promise<void>; closed: Promise<{ code: number; reason: string }> } {
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`closed with ${code} before opening`)));
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  return { opened, closed };
}

/** A bare WebSocket to `path` (e.g. `/ws/<boardId>?v=1`), for sending what a real client never would. */
export function openRawSocket(server: Pick<RunningServer, 'port'>, path: string): RawSocket {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  // Errors (e.g. the server cutting the connection) show up as its close.
  ws.on('error', () => {});
  const { opened, closed } = socketEnds(ws);
  return { ws, opened, closed, received };
}

/** The status code of a refused WebSocket upgrade (or 101 if it was accepted). */
export function upgradeStatus(server: Pick<RunningServer, 'port'>, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => reject(error));
  });
}

/** The first live stage and lane of a synced board document. */
export function firstCell(doc: Y.Doc): { stageId: StageId; laneId: LaneId } {
  const stage = readStages(doc)[0];
  const lane = readLanes(doc)[0];
  if (!stage || !lane) throw new Error('the document has no stages or lanes (not synced?)');
  return { stageId: stage.id, laneId: lane.id };
}

/** Deterministic pseudo-random bytes (mulberry32), so a failing case can be replayed. */
export function seededBytes(seed: number, length: number): Uint8Array {
  let state = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

export async function health(server: Pick<RunningServer, 'url'>): Promise<{ ok: boolean; rooms: number; connections: number }> {
  const res = await fetch(`${server.url}/api/health`);
  return (await res.json()) as { ok: boolean; rooms: number; connections: number };
}

/** The samples of a Prometheus text exposition (`name{labels}` → value); throws on a line that is neither sample nor comment. */
export function parseExposition(text: string): Map<string, number> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/;
  const comment = /^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$/;
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('#')) {
      if (!comment.test(line)) throw new Error(`not a valid comment line: ${line}`);
      continue;
    }
    if (!sample.test(line)) throw new Error(`not a valid sample line: ${line}`);
    const space = line.lastIndexOf(' ');
    const value = line.slice(space + 1);
    samples.set(line.slice(0, space), value === '+Inf' ? Number.POSITIVE_INFINITY : Number(value));
  }
  return samples;
}

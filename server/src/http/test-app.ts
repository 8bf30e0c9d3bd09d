/**
 * The HTTP app wired as the server wires it — real rooms, live boards and drafts over a store —
 * for route tests that call it in-process (`app.request`). Only the route tests import this.
 */
import type { Board } from '@rejse/shared';
import { silentLogger } from '../log.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import type { BoardStore } from '../storage/store.ts';
import { DraftRooms } from '../sync/drafts.ts';
import { createBoardHistory, type HistoryOptions } from '../sync/history.ts';
import { createLiveBoards } from '../sync/live-boards.ts';
import { RoomManager } from '../sync/rooms.ts';
import { createApp, type AppDeps } from './app.ts';

export interface TestAppOptions extends Partial<Omit<AppDeps, 'store' | 'boards' | 'live' | 'history'>> {
  /** The store (default: a fresh in-memory one). */
  store?: BoardStore;
  /** Mount the version history with these options (default: no history routes). */
  history?: HistoryOptions;
}

export function createTestApp(options: TestAppOptions = {}) {
  const { store = createMemoryStore(), history: historyOptions, ...deps } = options;
  const rooms = new RoomManager(store.documents, {
    compactAfterUpdates: 500,
    touchIntervalMs: 1000,
    log: silentLogger,
  });
  const live = createLiveBoards({
    rooms,
    store,
    drafts: new DraftRooms(store, silentLogger),
    sync: () => null,
    log: silentLogger,
  });
  const history = historyOptions && createBoardHistory({ snapshots: store.snapshots, live, log: silentLogger }, historyOptions);
  const app = createApp({
    store,
    boards: rooms,
    live,
    ...(history ? { history } : {}),
    health: () => ({ ...rooms.stats() }),
    log: silentLogger,
    ...deps,
  });
  return { app, store, rooms, live, history };
}

/** A clock that starts at `iso` and moves one second on each reading (distinct, ordered timestamps). */
export function tickingClock(iso: string): () => number {
  let clock = Date.parse(iso);
  return () => (clock += 1000);
}

/** A JSON POST (a string body is sent as it is: malformed-body tests). */
export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

type RequestsApp = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** Creates a board through the API (failing unless 201): its id and facilitator token. */
export async function createBoardVia(app: RequestsApp, body: unknown): Promise<{ id: string; token: string }> {
  const res = await app.request('/api/boards', postJson(body));
  if (res.status !== 201) throw new Error(`creating a board answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; token: string };
}

/** Creates a board through the API and reads it back as its facilitator. */
export async function createdBoard(app: RequestsApp, body: unknown): Promise<Board> {
  const { id, token } = await createBoardVia(app, body);
  return (await (await app.request(`/api/boards/${id}`, bearer(token))).json()) as Board;
}

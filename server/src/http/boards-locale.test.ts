import { describe, expect, it } from 'vitest';
import { validateBoard, type Board } from '@rejse/shared';
import { findTemplate } from '@rejse/templates';
import { silentLogger } from '../log.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import { DraftRooms } from '../sync/drafts.ts';
import { createLiveBoards } from '../sync/live-boards.ts';
import { RoomManager } from '../sync/rooms.ts';
import { createApp } from './app.ts';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

function setup() {
  const store = createMemoryStore();
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
  let clock = Date.parse('2026-01-01T00:00:00Z');
  return createApp({
    store,
    boards: rooms,
    live,
    adminToken: 'admin-token-for-the-locale-tests-01',
    health: () => ({ ...rooms.stats() }),
    clientDist: null,
    log: silentLogger,
    now: () => (clock += 1000),
  });
}

async function created(app: ReturnType<typeof setup>, body: unknown): Promise<Board> {
  const res = await app.request('/api/boards', json(body));
  expect(res.status).toBe(201);
  const { id, token } = (await res.json()) as { id: string; token: string };
  return (await (await app.request(`/api/boards/${id}`, bearer(token))).json()) as Board;
}

describe('boards in a language', () => {
  it('a board created with a locale gets that language’s template texts, locale and currency', async () => {
    const app = setup();
    const danish = findTemplate('collection-letters', 'da');
    expect(danish?.board.locale).toBe('da');
    const board = await created(app, { template: 'collection-letters', locale: 'da', currency: 'DKK' });
    expect(board.locale).toBe('da');
    expect(board.currency).toBe('DKK');
    expect(board.title).toBe(danish?.board.title);
    expect(board.stages.map((s) => s.title)).toEqual(danish?.board.stages.map((s) => s.title));
    expect(validateBoard(board).ok).toBe(true);
  });

  it('a region tag picks the language’s template and is kept as the board’s locale', async () => {
    const board = await created(setup(), { template: 'blank', locale: 'sv-se', currency: 'EUR' });
    expect(board.locale).toBe('sv-SE');
    expect(board.currency).toBe('EUR');
    expect(board.lanes.map((l) => l.title)).toEqual(findTemplate('blank', 'sv')?.board.lanes.map((l) => l.title));
  });

  it('without a locale the board is the English template with the template’s currency', async () => {
    const board = await created(setup(), { template: 'blank' });
    expect(board.locale).toBe('en');
    expect(board.currency).toBe(findTemplate('blank')?.board.currency);
  });

  it('a malformed locale or an unknown currency is refused with 400', async () => {
    const app = setup();
    expect((await app.request('/api/boards', json({ locale: 'not a tag' }))).status).toBe(400);
    expect((await app.request('/api/boards', json({ locale: 42 }))).status).toBe(400);
    expect((await app.request('/api/boards', json({ locale: 'da', currency: 'GBP' }))).status).toBe(400);
  });

  it('the template list speaks the language asked for', async () => {
    const app = setup();
    const list = (await (await app.request('/api/templates?locale=sv')).json()) as { id: string; title: string }[];
    expect(list.find((t) => t.id === 'collection-letters')?.title).toBe(findTemplate('collection-letters', 'sv')?.title);
  });
});

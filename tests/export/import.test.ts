/**
 * `POST /api/boards/import` against the real server: a board file becomes a NEW board, and
 * a bad file is refused with its problems named and creates nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCadenceRule, addCard, CURRENT_SCHEMA_VERSION, docToBoard, linkCards, updateCard, type Board } from '@rejse/shared';
import { bearer, boardFetch, connectClient, createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server.ts';

const ADMIN_TOKEN = 'export-tests-admin-token-0123456789';
const POLL = { timeout: 15_000, interval: 50 };
const MiB = 1024 * 1024;

let server: RunningServer;
let source: CreatedBoard;
let exported: Board;

interface Imported {
  id: string;
  url: string;
  token: string;
  role: string;
  links: Record<'facilitator' | 'editor' | 'viewer', string>;
  importedFromVersion: number;
}

/** Every board on the server, from the operator's list. */
async function boardIds(): Promise<string[]> {
  const res = await fetch(`${server.url}/api/boards`, { headers: bearer(ADMIN_TOKEN) });
  expect(res.status).toBe(200);
  return ((await res.json()) as Array<{ id: string }>).map((b) => b.id).sort();
}

const importFile = (body: string | Uint8Array, contentType = 'application/json'): Promise<Response> =>
  fetch(`${server.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
  });

const withoutId = ({ id: _id, ...rest }: Board) => rest;

beforeAll(async () => {
  server = await startServer({ env: { REJSE_ADMIN_TOKEN: ADMIN_TOKEN } });
  source = await createBoard(server, { title: 'Påmindelse før inkasso', template: 'collection-letters' });
  // Give the board every kind of optional field an import has to keep.
  const client = connectClient(server, source.id);
  await client.synced;
  const board = docToBoard(client.doc, source.id);
  const ideas = board.lanes.find((l) => l.kind === 'ideas')!.id;
  const idea = addCard(client.doc, {
    stageId: board.stages[0]!.id,
    laneId: ideas,
    kind: 'idea',
    text: 'Ring kunden op — “æøå” & <ok>',
    impact: 4,
    effort: 2,
    confidence: 5,
    owner: 'Åse',
    dueDate: '2026-09-30',
    status: 'agreed',
    manualRank: 1.5,
  });
  linkCards(client.doc, idea, board.cards.find((c) => c.kind === 'pain')!.id);
  // And the dunning journey: a touchpoint's day, step, fee, scenarios and checkpoint, a rule.
  const vulnerable = board.scenarios.find((s) => s.vulnerable)!.id;
  updateCard(client.doc, board.cards.find((c) => c.kind === 'touchpoint')!.id, {
    dayOffset: -3,
    dunningStep: 'nudge',
    fee: 0,
    scenarioIds: [vulnerable],
    scenarioEmotions: { [vulnerable]: -2 },
    checkpoint: 'breathing-space',
  });
  addCadenceRule(client.doc, { kind: 'max-contacts', limit: 2, windowDays: 5, channel: 'sms' });
  await vi.waitFor(async () => {
    expect(((await (await boardFetch(server, `/api/boards/${source.id}`)).json()) as Board).cards.length).toBe(board.cards.length + 1);
  }, POLL);
  client.destroy();
  exported = (await (await boardFetch(server, `/api/boards/${source.id}/board.json`)).json()) as Board;
});

afterAll(async () => {
  await server?.stop();
});

describe('importing a board file', () => {
  it('turns an exported board into a new board, identical except its id, with its own facilitator link', async () => {
    const before = await boardIds();
    const res = await importFile(JSON.stringify(exported));
    expect(res.status).toBe(201);
    const created = (await res.json()) as Imported;
    expect(created.id).not.toBe(source.id);
    expect(created.url).toBe(`/b/${created.id}`);
    expect(created.role).toBe('facilitator');
    expect(created.links.facilitator).toBe(`/b/${created.id}?token=${encodeURIComponent(created.token)}`);
    expect(created.importedFromVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(await boardIds()).toEqual([...before, created.id].sort());
    // The dunning journey is in the file, and comes back whole (compared below).
    expect(exported.scenarios).toHaveLength(5);
    expect(exported.cadenceRules.at(-1)).toMatchObject({
      kind: 'max-contacts',
      limit: 2,
      windowDays: 5,
      channel: 'sms',
    });
    expect(exported.cards.find((c) => c.checkpoint === 'breathing-space')).toMatchObject({
      dayOffset: -3,
      fee: 0,
      scenarioEmotions: expect.any(Object),
    });

    const copy = (await (await boardFetch(server, `/api/boards/${created.id}/board.json`, { token: created.token })).json()) as Board;
    expect(copy.id).toBe(created.id);
    // Identical but for its title, which says it is a copy (in the board's language, English here).
    expect(copy.title).toBe(`${exported.title} (copy)`);
    expect(withoutId({ ...copy, title: exported.title })).toEqual(withoutId(exported));
    // The original is untouched, and the new board's links do not open it.
    const original = (await (await boardFetch(server, `/api/boards/${source.id}/board.json`)).json()) as Board;
    expect(original).toEqual(exported);
    expect((await boardFetch(server, `/api/boards/${source.id}/board.json`, { token: created.token })).status).toBe(401);
  });

  it('never imports over an existing board: the file’s id is ignored', async () => {
    const res = await importFile(JSON.stringify({ ...exported, title: 'Second copy' }));
    const created = (await res.json()) as Imported;
    expect(created.id).not.toBe(exported.id);
    const original = (await (await boardFetch(server, `/api/boards/${source.id}/board.json`)).json()) as Board;
    expect(original.title).toBe('Påmindelse før inkasso');
  });

  it('takes a version-1 file (the oldest schema) through the migrations, even without an id', async () => {
    const { id: _id, scenarios: _s, cadenceRules: _r, ...rest } = exported;
    const v1Card = ({
      dayOffset: _d,
      dunningStep: _st,
      fee: _f,
      scenarioIds: _ids,
      scenarioEmotions: _e,
      checkpoint: _c,
      ...card
    }: Board['cards'][number]) => card;
    const file = { ...rest, schemaVersion: 1, cards: rest.cards.map(v1Card) };
    const res = await importFile(JSON.stringify(file));
    expect(res.status).toBe(201);
    const created = (await res.json()) as Imported;
    expect(created.importedFromVersion).toBe(1);
    const copy = (await (await boardFetch(server, `/api/boards/${created.id}/board.json`, { token: created.token })).json()) as Board;
    expect(copy).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, scenarios: [], cadenceRules: [] });
    expect(copy.cards).toHaveLength(exported.cards.length);
  });

  it('takes a version-2 file (the dunning journey, words as plain strings) through the text migration whole', async () => {
    const res = await importFile(JSON.stringify({ ...exported, schemaVersion: 2 }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as Imported;
    expect(created.importedFromVersion).toBe(2);
    const copy = (await (await boardFetch(server, `/api/boards/${created.id}/board.json`, { token: created.token })).json()) as Board;
    expect(withoutId({ ...copy, title: exported.title })).toEqual(withoutId(exported));
  });
});

describe('refusing a bad file, creating nothing', () => {
  let before: string[];
  beforeAll(async () => {
    before = await boardIds();
  });

  it('refuses malformed JSON and says so', async () => {
    const res = await importFile('{"title": "half a board", "stages": [');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not valid JSON/);
    expect(await boardIds()).toEqual(before);
  });

  it('refuses a file that is not a board, naming the first problems', async () => {
    const broken = {
      ...exported,
      stages: [],
      cards: exported.cards.map((c, i) => (i === 0 ? { ...c, kind: 'sticker', impact: 9 } : c)),
    };
    const res = await importFile(JSON.stringify(broken));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; problems: string[] };
    expect(body.problems.length).toBeGreaterThan(0);
    expect(body.problems.length).toBeLessThanOrEqual(5);
    expect(body.problems).toContain('stages: a board needs at least one stage');
    expect(body.problems.some((p) => p.startsWith('cards[0].kind'))).toBe(true);
    expect(body.error).toContain('stages: a board needs at least one stage');
    // A board with problems: no reason of its own, its problems say it.
    expect(body).not.toHaveProperty('reason');
    expect(await boardIds()).toEqual(before);
  });

  it('refuses JSON that is not an object, and an empty file', async () => {
    for (const body of ['[1, 2, 3]', '"a board"', '']) {
      const res = await importFile(body);
      expect(res.status, body).toBe(400);
      // The empty file is refused before it is read as a board.
      if (body) expect(((await res.json()) as { reason?: string }).reason, body).toBe('not-a-board');
    }
    expect(await boardIds()).toEqual(before);
  });

  it('refuses a file from a newer Rejse, and one without a schema version, naming the version', async () => {
    const newer = await importFile(JSON.stringify({ ...exported, schemaVersion: 99 }));
    expect(newer.status).toBe(400);
    const newerBody = (await newer.json()) as { error: string; reason?: string };
    expect(newerBody.error).toMatch(/schemaVersion: the board is version 99, newer than this Rejse/);
    expect(newerBody.reason).toBe('newer-version');
    const { schemaVersion: _v, ...unversioned } = exported;
    const none = await importFile(JSON.stringify(unversioned));
    expect(none.status).toBe(400);
    const noneBody = (await none.json()) as { error: string; reason?: string };
    expect(noneBody.error).toMatch(/schemaVersion/);
    expect(noneBody.reason).toBe('no-version');
    expect(await boardIds()).toEqual(before);
  });

  it('refuses a file over 8 MiB with 413, whether or not it declares its length', async () => {
    const padding = 'x'.repeat(8 * MiB);
    const big = JSON.stringify({ ...exported, title: padding });
    const res = await importFile(big);
    expect(res.status).toBe(413);
    // Streamed without a Content-Length: counted as it arrives.
    const chunks = [new TextEncoder().encode(big)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await boardIds()).toEqual(before);
  });

  it('refuses a body that is not JSON by its content type', async () => {
    const res = await importFile(JSON.stringify(exported), 'text/plain');
    expect(res.status).toBe(415);
    expect(await boardIds()).toEqual(before);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, LIMITS, translate, UI_LOCALE_KEY, validateBoard, type Board } from '@rejse/shared';
import { TEMPLATES } from '@rejse/templates';
import type { BoardStore } from '../storage/store.ts';
import { bearer, createTestApp, postJson, tickingClock } from './test-app.ts';

const ADMIN = 'admin-token-for-the-app-tests-0123';
const setup = (options: { clientDist?: string } = {}) =>
  createTestApp({ adminToken: ADMIN, clientDist: options.clientDist ?? null, now: tickingClock('2026-01-01T00:00:00Z') });

describe('HTTP API', () => {
  let app: ReturnType<typeof setup>['app'];
  let store: BoardStore;
  beforeEach(() => {
    ({ app, store } = setup());
  });

  it('health answers ok with the number of loaded rooms and connections', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, rooms: 0, connections: 0 });
  });

  it('every response carries the basic security headers', async () => {
    const res = await app.request('/api/health', { headers: { host: 'rejse.example:8787' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' ws://rejse.example:8787 wss://rejse.example:8787");
  });

  it('creating a board with a title returns 201 with its id, url and creation time, and stores it', async () => {
    const res = await app.request('/api/boards', postJson({ title: '  Collection letters  ' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; title: string; url: string; createdAt: string };
    expect(body.title).toBe('Collection letters');
    expect(body.url).toBe(`/b/${body.id}`);
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    expect(store.documents.exists(body.id)).toBe(true);
  });

  it('creating a board with an empty body uses the blank template and its title', async () => {
    const res = await app.request('/api/boards', { method: 'POST' });
    expect(res.status).toBe(201);
    const { id, title, token } = (await res.json()) as { id: string; title: string; token: string };
    const blank = TEMPLATES.find((t) => t.id === 'blank')!;
    expect(title).toBe(blank.board.title);
    const board = (await (await app.request(`/api/boards/${id}`, bearer(token))).json()) as Board;
    expect(board.stages.map((s) => s.title)).toEqual(blank.board.stages.map((s) => s.title));
  });

  it('a board is created from the named template with fresh ids', async () => {
    const template = TEMPLATES.find((t) => t.board.cards.length > 0) ?? TEMPLATES[0]!;
    const res = await app.request('/api/boards', postJson({ template: template.id }));
    expect(res.status).toBe(201);
    const { id, token } = (await res.json()) as { id: string; token: string };
    const board = (await (await app.request(`/api/boards/${id}`, bearer(token))).json()) as Board;
    expect(board.cards).toHaveLength(template.board.cards.length);
    expect(board.stages).toHaveLength(template.board.stages.length);
    const templateIds = new Set(template.board.cards.map((c) => c.id));
    expect(board.cards.some((c) => templateIds.has(c.id))).toBe(false);
  });

  it('the board JSON is the schema-valid board with the requested id and title', async () => {
    const { id, token } = (await (await app.request('/api/boards', postJson({ title: 'Pre-reminder' }))).json()) as {
      id: string;
      token: string;
    };
    const res = await app.request(`/api/boards/${id}`, bearer(token));
    expect(res.status).toBe(200);
    const board = await res.json();
    const result = validateBoard(board);
    expect(result.ok).toBe(true);
    expect(board).toMatchObject({ id, title: 'Pre-reminder', schemaVersion: CURRENT_SCHEMA_VERSION });
  });

  it('boards are listed newest updated first (with the admin token)', async () => {
    const first = (await (await app.request('/api/boards', postJson({ title: 'First' }))).json()) as { id: string };
    const second = (await (await app.request('/api/boards', postJson({ title: 'Second' }))).json()) as { id: string };
    const list = (await (await app.request('/api/boards', bearer(ADMIN))).json()) as {
      id: string;
      title: string;
      updatedAt: string;
    }[];
    expect(list.map((b) => b.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ title: 'Second' });
    store.documents.touch(first.id, { updatedAt: Date.parse('2030-01-01T00:00:00Z') });
    const relisted = (await (await app.request('/api/boards', bearer(ADMIN))).json()) as {
      id: string;
      updatedAt: string;
    }[];
    expect(relisted.map((b) => b.id)).toEqual([first.id, second.id]);
    expect(relisted[0]?.updatedAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('an unknown or malformed board id is a 404 with a JSON error', async () => {
    for (const id of ['doesnotexist', 'bad%20id!', 'x'.repeat(65)]) {
      const res = await app.request(`/api/boards/${id}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/unknown board/);
    }
  });

  it('invalid JSON is a 400 that says so and where', async () => {
    const res = await app.request('/api/boards', postJson('{"title": "x",}'));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/not valid JSON/);
    expect(error).toMatch(/position \d+/);
  });

  it('a body that is not a JSON object, or fields of the wrong type, are a 400', async () => {
    for (const body of ['[1,2]', '"text"', '{"title": 5}', '{"template": false}']) {
      const res = await app.request('/api/boards', postJson(body));
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(0);
    }
  });

  it('a title over the limit is a 400 naming the limit', async () => {
    const res = await app.request('/api/boards', postJson({ title: 'x'.repeat(LIMITS.titleLength + 1) }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(String(LIMITS.titleLength));
  });

  it('an unknown template is a 400 naming it', async () => {
    const res = await app.request('/api/boards', postJson({ template: 'no-such-template' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('"no-such-template"');
    expect(store.documents.list()).toEqual([]);
  });

  it('a body that is not JSON by its content type is a 415', async () => {
    const res = await app.request('/api/boards', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'title=x',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/);
  });

  it('a body over 1 MiB is a 413, by its declared length', async () => {
    const res = await app.request('/api/boards', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: '{}',
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/1 MiB/);
  });

  it('a streamed body over 1 MiB without a length is a 413 too', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await app.request('/api/boards', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(8);
  });

  it('an unknown API route is a JSON 404', async () => {
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: 'no route for GET /api/nothing-here', code: 'route-not-found' });
  });

  it('an unexpected error is a 500 JSON without internals', async () => {
    store.documents.list = () => {
      throw new Error('secret database path /var/lib/x');
    };
    const res = await app.request('/api/boards', bearer(ADMIN));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal server error', code: 'internal-error' });
    expect(text).not.toContain('secret');
  });

  it('templates are listed with their stage and card counts', async () => {
    const res = await app.request('/api/templates');
    const list = (await res.json()) as {
      id: string;
      title: string;
      description: string;
      stages: number;
      cards: number;
    }[];
    expect(list.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    const blank = list.find((t) => t.id === 'blank');
    expect(blank).toMatchObject({ stages: 7, cards: 0 });
    expect(blank?.description.length).toBeGreaterThan(0);
  });

  it('templates carry a preview: card counts, the emotion curve and a text-free SVG thumbnail', async () => {
    const res = await app.request('/api/templates');
    const list = (await res.json()) as {
      id: string;
      preview: { counts: Record<string, number>; emotionCurve: (number | null)[]; svg: string; stages: string[] };
    }[];
    const letters = list.find((t) => t.id === 'collection-letters');
    expect(letters?.preview.counts.pains).toBeGreaterThan(0);
    expect(letters?.preview.emotionCurve).toHaveLength(letters?.preview.stages.length ?? -1);
    expect(letters?.preview.svg).toMatch(/^<svg [^>]*>.*<\/svg>$/);
    expect(letters?.preview.svg).not.toMatch(/<text|<script|<foreignObject/);
  });
});

describe('serving the built client', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'rejse-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Rejse</title><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("rejse")');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), 'body{}');
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('the app page is served for /, a board URL and other client routes, revalidated on each load', async () => {
    const { app } = setup({ clientDist: dist });
    for (const route of ['/', '/b/someboardid', '/boards/recent']) {
      const res = await app.request(route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('a board page shows the loading screen from its first paint, in the language chosen here or asked for', async () => {
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="en"><title>Rejse</title><div id="root"></div></html>');
    const { app } = setup({ clientDist: dist });
    const page = async (route: string, headers: Record<string, string> = {}) => (await app.request(route, { headers })).text();
    const danish = await page('/b/someboardid', { 'Accept-Language': 'da-DK,da;q=0.9,en;q=0.8' });
    expect(danish).toContain('<html lang="da">');
    expect(danish).toContain(`<div id="root"><main class="board-loading" aria-busy="true">`);
    expect(danish).toContain(`<p>${translate('da', 'board.loading')}</p>`);
    // The language menu's choice (its cookie) wins over the browser's languages.
    const swedish = await page('/b/someboardid/actions', { 'Accept-Language': 'da', Cookie: `${UI_LOCALE_KEY}=sv` });
    expect(swedish).toContain(`<p>${translate('sv', 'board.loading')}</p>`);
    expect(swedish).toContain('<html lang="sv">');
    // A cookie that names no language of ours is ignored; the home page has no loading screen.
    expect(await page('/b/x', { Cookie: `${UI_LOCALE_KEY}=<script>` })).toContain(`<p>${translate('en', 'board.loading')}</p>`);
    expect(await page('/')).toContain('<div id="root"></div>');
    expect((await app.request('/b/x')).headers.get('vary')).toMatch(/Accept-Language/);
  });

  it('hashed assets are served with their content type and cached for a year', async () => {
    const { app } = setup({ clientDist: dist });
    const js = await app.request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await app.request('/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('a browser that accepts Brotli or gzip gets the compressed copy the build wrote, as the same script', async () => {
    const script = 'console.log("rejse, compressed")';
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    const { app } = setup({ clientDist: dist });
    for (const [accepts, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': accepts } });
      expect(res.headers.get('content-encoding'), accepts).toBe(encoding);
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = Buffer.from(await res.arrayBuffer());
      expect((encoding === 'br' ? brotliDecompressSync(body) : gunzipSync(body)).toString()).toBe(script);
    }
    const plain = await app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("rejse")');
  });

  it('a missing file is a 404, not the app page, and API routes stay JSON', async () => {
    const { app } = setup({ clientDist: dist });
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    const api = await app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'no route for GET /api/unknown', code: 'route-not-found' });
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('path traversal out of the client directory is refused', async () => {
    const { app } = setup({ clientDist: dist });
    const res = await app.request('/assets/..%2F..%2F..%2Fetc%2Fpasswd');
    expect(await res.text()).not.toContain('root:');
  });

  it('without a built client, pages answer 503 with a hint and the API still works', async () => {
    const { app } = setup({ clientDist: path.join(dist, 'missing') });
    const res = await app.request('/b/x');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built/);
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

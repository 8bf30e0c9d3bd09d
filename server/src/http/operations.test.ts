import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import { createSqliteStore } from '../storage/sqlite-store.ts';
import type { BoardStore } from '../storage/store.ts';
import { createTestApp, type TestAppOptions } from './test-app.ts';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const setup = (store: BoardStore = createMemoryStore(), extra: TestAppOptions = {}) => createTestApp({ store, ...extra }).app;

describe('readiness', () => {
  it('answers 200 while the store answers its query, 503 not-ready once it cannot (the database closed)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rejse-ready-'));
    dirs.push(dir);
    const store = createSqliteStore(path.join(dir, 'rejse.sqlite'));
    const app = setup(store);
    const ok = await app.request('/api/ready');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
    store.close();
    const down = await app.request('/api/ready');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ code: 'not-ready', error: expect.stringContaining('store') });
    // Liveness does not depend on the store.
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('while shutting down every request is answered 503 shutting-down and its connection closed', async () => {
    let stopping = false;
    const app = setup(undefined, { shuttingDown: () => stopping });
    expect((await app.request('/api/templates')).status).toBe(200);
    stopping = true;
    const res = await app.request('/api/templates');
    expect(res.status).toBe(503);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toMatchObject({ code: 'shutting-down' });
  });
});

describe('request ids', () => {
  it('a sane incoming X-Request-Id is kept and echoed; anything else is replaced by a fresh one', async () => {
    const app = setup();
    const kept = await app.request('/api/health', { headers: { 'x-request-id': 'lb-7f3a_9=' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a_9=');
    for (const bad of ['has space', 'x'.repeat(129), '<script>', 'a\u00e9']) {
      const res = await app.request('/api/health', { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const a = (await app.request('/api/health')).headers.get('x-request-id');
    const b = (await app.request('/api/nope')).headers.get('x-request-id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it('every log line about a request carries its id, errors too', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    const store = createMemoryStore();
    // A document log that fails on lookups makes the board route throw an unexpected error (500).
    const documents = new Proxy(store.documents, {
      get: (target, key) =>
        key === 'exists'
          ? () => {
              throw new Error('disk on fire');
            }
          : Reflect.get(target, key),
    });
    const failing: BoardStore = { ...store, documents, close: () => store.close() };
    const app = setup(failing, { log });
    const res = await app.request('/api/boards/abcdefghijkl', { headers: { 'x-request-id': 'req-42' } });
    expect(res.status).toBe(500);
    const about = lines.filter((line) => line.requestId === 'req-42');
    expect(about.map((line) => line.msg)).toEqual(['unexpected error while answering a request', 'http request']);
    expect(about[1]).toMatchObject({ method: 'GET', path: '/api/boards/abcdefghijkl', status: 500 });
    expect(lines.every((line) => typeof line.requestId === 'string')).toBe(true);
  });
});

describe('/metrics access', () => {
  const metrics = (token: string | null) => ({ render: () => 'rejse_up 1\n', token, answered: () => undefined });

  it('without REJSE_METRICS_TOKEN only loopback callers get them (a request without a socket is not one)', async () => {
    const res = await setup(undefined, { metrics: metrics(null) }).request('/metrics');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'forbidden',
      error: expect.stringContaining('REJSE_METRICS_TOKEN'),
    });
  });

  it('with REJSE_METRICS_TOKEN the bearer token is required, from any address', async () => {
    const app = setup(undefined, { metrics: metrics(METRICS_TOKEN) });
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } })).status).toBe(401);
    const res = await app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await res.text()).toBe('rejse_up 1\n');
  });

  it('no /metrics route without metrics', async () => {
    expect((await setup().request('/metrics')).status).toBe(404);
  });
});

/**
 * Operations on the real server process: graceful shutdown on SIGTERM, the environment check,
 * readiness, /metrics and the JSON log lines with request ids.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { addCard, cardsMap, CLOSE, PROTOCOL_VERSION } from '@rejse/shared';
import { readBoardStorageStats } from '@rejse/server';
import { createBoard, tokenOf, type RunningServer } from '../helpers/server.ts';
import { firstCell, openRawSocket, parseExposition } from './util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'server');
const { clients, start, connect } = stoppedAfterEach();

/** The server's stderr lines parsed as JSON (the listening line on stdout is left out). */
const logLines = (server: RunningServer): Record<string, unknown>[] =>
  server
    .output()
    .split('\n')
    .filter((line) => !line.startsWith('Rejse listening on'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('graceful shutdown', () => {
  it('SIGTERM while a client writes: sockets close with 1001, the board is compacted, exit 0, and everything another client received survives', async () => {
    const server = await start({ env: { COMPACT_THRESHOLD: '100000' } });
    const board = await createBoard(server);
    const writer = connect(server, board.id);
    const observer = connect(server, board.id);
    await Promise.all([writer.synced, observer.synced]);
    const raw = openRawSocket(server, `/ws/${board.id}?v=${PROTOCOL_VERSION}&token=${board.token}`);
    await raw.opened;
    const cell = firstCell(writer.doc);
    // Keep writing until the server goes away; the observer only sees what the server broadcast.
    let written = 0;
    const timer = setInterval(() => {
      addCard(writer.doc, { ...cell, kind: 'note', text: `Note ${written++}` });
    }, 3);
    await vi.waitFor(() => expect(cardsMap(observer.doc).size).toBeGreaterThan(30), { timeout: 20_000 });
    await server.kill('SIGTERM');
    clearInterval(timer);

    expect(server.exitCode()).toBe(0);
    expect((await raw.closed).code).toBe(1001);
    const messages = logLines(server).map((line) => line.msg);
    expect(messages).toContain('shut down');
    // Compacted on the way out: the next start loads one snapshot.
    expect(readBoardStorageStats(server.dataDir, board.id)?.updateRows).toBe(0);

    const seen = [...cardsMap(observer.doc).keys()];
    for (const client of clients.splice(0)) client.destroy();
    const restarted = await start({ dataDir: server.dataDir });
    const fresh = connect(restarted, board.id);
    await fresh.synced;
    const stored = cardsMap(fresh.doc);
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);
  });
});

describe('environment check', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: path.join(serverDir, 'never-created'), ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('a bad variable stops the process with exit code 78 and a JSON line naming it; nothing listens', () => {
    const result = run({ PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(result.status).toBe(78);
    expect(result.stdout).toBe('');
    const lines = result.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.variable)).toEqual(['PORT', 'LOG_LEVEL']);
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: expect.stringContaining('PORT must be a whole number from 0 to 65535, got "eighty"'),
    });
  });

  it('a HOST that is not this machine is named too', () => {
    const result = run({ HOST: '203.0.113.7' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('HOST is not an address of this machine');
  });
});

describe('readiness', () => {
  it('/api/ready answers 503 not-ready once the database file is gone, while /api/health stays live', async () => {
    const server = await start();
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    rmSync(path.join(server.dataDir, 'rejse.sqlite'));
    const res = await fetch(`${server.url}/api/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'not-ready', error: expect.stringContaining('is gone') });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('metrics', () => {
  it('/metrics parses as the Prometheus text format and counts rooms, connections, updates, refusals, store and HTTP', async () => {
    const server = await start();
    const board = await createBoard(server);
    const client = connect(server, board.id);
    await client.synced;
    const cell = firstCell(client.doc);
    for (let i = 0; i < 5; i++) addCard(client.doc, { ...cell, kind: 'note', text: `Note ${i}` });
    const viewer = openRawSocket(server, `/ws/${board.id}?v=${PROTOCOL_VERSION}&token=not-a-token`);
    expect((await viewer.closed).code).toBe(CLOSE.UNAUTHORIZED.code);
    await fetch(`${server.url}/api/nowhere`);

    await vi.waitFor(
      async () => {
        const res = await fetch(`${server.url}/metrics`);
        expect(res.status).toBe(200);
        const samples = parseExposition(await res.text());
        expect(samples.get('rejse_rooms_loaded')).toBe(1);
        expect(samples.get('rejse_connections')).toBe(1);
        expect(samples.get('rejse_updates_received_total')).toBeGreaterThanOrEqual(5);
        expect(samples.get('rejse_updates_applied_total')).toBeGreaterThanOrEqual(5);
        // Group commit writes a turn's updates in one call: at least one write, never more than updates.
        expect(samples.get('rejse_store_append_seconds_count')).toBeGreaterThanOrEqual(1);
        expect(samples.get('rejse_store_append_seconds_count')).toBeLessThanOrEqual(samples.get('rejse_updates_applied_total')!);
        expect(samples.get('rejse_store_appended_bytes_total')).toBeGreaterThan(0);
        expect(samples.get('rejse_store_bytes')).toBeGreaterThan(0);
        expect(samples.get('rejse_connections_closed_by_server_total{code="4401",reason="unauthorized"}')).toBe(1);
        expect(samples.get('rejse_http_requests_total{class="2xx"}')).toBeGreaterThanOrEqual(1);
        expect(samples.get('rejse_http_requests_total{class="4xx"}')).toBe(1);
        expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
  });

  it('with REJSE_METRICS_TOKEN set, even a loopback caller needs the token', async () => {
    const token = 'metrics-token-for-the-tests-0123456';
    const server = await start({ env: { REJSE_METRICS_TOKEN: token } });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('logs', () => {
  it('every stderr line is JSON; a request id sent by the caller is echoed and on every line about that request', async () => {
    const server = await start();
    const board = await createBoard(server);
    const res = await fetch(`${server.url}/api/boards/${board.id}/access`, {
      headers: { 'x-request-id': 'ops-test-42', authorization: `Bearer ${tokenOf(board.links.viewer)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('ops-test-42');
    await vi.waitFor(() => expect(logLines(server).some((line) => line.requestId === 'ops-test-42')).toBe(true), {
      timeout: 10_000,
    });
    const lines = logLines(server);
    for (const line of lines)
      expect(line).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) }));
    expect(lines.find((line) => line.requestId === 'ops-test-42')).toMatchObject({
      msg: 'http request',
      method: 'GET',
      path: `/api/boards/${board.id}/access`,
      status: 200,
    });
    // Ids are per request: the board creation got its own.
    const created = lines.find((line) => line.path === '/api/boards' && line.method === 'POST');
    expect(created?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

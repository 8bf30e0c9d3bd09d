/**
 * The server as `pnpm start` and the container run it: esbuild's bundle under plain node (the
 * other suites run the TypeScript sources through tsx). Builds it first (skipped when unchanged).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCard, cardsMap } from '@rejse/shared';
import { connectClient, createBoard, startServer, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { firstCell, parseExposition } from './util.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const clients: ConnectedClient[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0).reverse()) await server.stop();
});

beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), 'server'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(built.status, built.stderr).toBe(0);
}, 150_000);

describe('the compiled server', () => {
  it('serves the API, syncs two clients, reports ready and metrics, and stops cleanly on SIGTERM', async () => {
    const server = await startServer({ compiled: true });
    servers.push(server);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    const templates = (await (await fetch(`${server.url}/api/templates`)).json()) as { id: string }[];
    expect(templates.map((t) => t.id)).toContain('blank');
    const board = await createBoard(server, { template: 'collection-letters', title: 'Påmindelse før rykker' });
    const exported = await fetch(`${server.url}/api/boards/${board.id}/actions.csv`, {
      headers: { authorization: `Bearer ${board.token}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('paamindelse-foer-rykker');

    const a = connectClient(server, board.id);
    const b = connectClient(server, board.id);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const before = cardsMap(b.doc).size;
    addCard(a.doc, { ...firstCell(a.doc), kind: 'note', text: 'from the bundle' });
    await vi.waitFor(() => expect(cardsMap(b.doc).size).toBe(before + 1));

    const samples = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    expect(samples.get('rejse_updates_applied_total')).toBeGreaterThanOrEqual(1);
    expect(samples.get('rejse_rooms_loaded')).toBe(1);

    await server.kill('SIGTERM');
    expect(server.exitCode()).toBe(0);
  });

  it('a bad variable stops the compiled server too, naming it', () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'server/dist/main.js')], {
      env: { PATH: process.env.PATH ?? '', BOARD_MAX_CARDS: 'lots' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('BOARD_MAX_CARDS must be a whole number');
  });
});

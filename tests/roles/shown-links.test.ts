/**
 * Share links a facilitator can see again on any device (sealed under their own token), and
 * how many people a new link would cut off — against a real server and real SQLite.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shownLinksSchema, type ShownLinksResponse } from '@rejse/shared';
import { boardFetch, createBoard, startServer, tokenOf } from '../helpers/server.ts';
import { connectAs, destroyClients } from './util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const ADMIN = 'admin-token-for-the-shown-links-0123456789';
const server = serverForFile({ env: { REJSE_ADMIN_TOKEN: ADMIN } });
afterEach(() => destroyClients());

async function shown(boardId: string, token?: string): Promise<ShownLinksResponse> {
  const res = await boardFetch(server, `/api/boards/${boardId}/links`, token ? { token } : {});
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('no-store');
  return shownLinksSchema.parse(await res.json());
}

describe('links shown again', () => {
  it('the facilitator link on another device (nothing in its browser) shows the editor and viewer links again', async () => {
    const board = await createBoard(server);
    const first = await shown(board.id);
    expect(first.links).toEqual(board.links);
    expect(first.connections).toEqual({ facilitator: 0, editor: 0, viewer: 0 });

    // Only the facilitator may ask; the editor's and viewer's links get 403.
    for (const role of ['editor', 'viewer'] as const) {
      expect((await boardFetch(server, `/api/boards/${board.id}/links`, { token: tokenOf(board.links[role]) })).status).toBe(403);
    }
    expect((await boardFetch(server, `/api/boards/${board.id}/links`, { token: null })).status).toBe(401);
  });

  it('the seals are in SQLite: after a restart the links are shown again', async () => {
    // A server of its own: one process per data directory.
    const own = await startServer();
    try {
      const board = await createBoard(own);
      await own.kill();
      const restarted = await startServer({ dataDir: own.dataDir });
      try {
        const res = await fetch(`${restarted.url}/api/boards/${board.id}/links`, {
          headers: { authorization: `Bearer ${board.token}` },
        });
        expect(shownLinksSchema.parse(await res.json()).links).toEqual(board.links);
      } finally {
        await restarted.kill();
      }
    } finally {
      await own.stop();
    }
  });

  it('counts who is on each link, so a new link can say whom it cuts off; the new link is then shown', async () => {
    const board = await createBoard(server);
    const editors = [connectAs(server, board, 'editor'), connectAs(server, board, 'editor')];
    const viewer = connectAs(server, board, 'viewer');
    await Promise.all([...editors.map((e) => e.synced), viewer.synced]);
    await vi.waitFor(async () => expect((await shown(board.id)).connections).toMatchObject({ editor: 2, viewer: 1 }));

    const rotated = await boardFetch(server, `/api/boards/${board.id}/links/editor/rotate`, { method: 'POST' });
    const answer = (await rotated.json()) as { link: string; closedConnections: number };
    expect(answer.closedConnections).toBe(2);
    const after = await shown(board.id);
    expect(after.links.editor).toBe(answer.link);
    expect(after.links.viewer).toBe(board.links.viewer);
    await vi.waitFor(async () => expect((await shown(board.id)).connections).toMatchObject({ editor: 0, viewer: 1 }));
  });

  it('the admin token sees which links cannot be shown (it cannot open the seals); a link it makes is not sealed', async () => {
    const board = await createBoard(server);
    const byAdmin = await shown(board.id, ADMIN);
    expect(byAdmin.links).toEqual({ facilitator: null, editor: null, viewer: null });
    const res = await boardFetch(server, `/api/boards/${board.id}/links/viewer/rotate`, {
      token: ADMIN,
      method: 'POST',
    });
    const { link } = (await res.json()) as { link: string };
    const byFacilitator = await shown(board.id);
    expect(byFacilitator.links.viewer).toBeNull();
    expect(byFacilitator.links.editor).toBe(board.links.editor);
    expect(link).toMatch(/token=/);
  });
});

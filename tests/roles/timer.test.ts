import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTimer } from '@rejse/shared';
import { boardFetch, createBoard } from '../helpers/server.ts';
import { connectAs, destroyClients } from './util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const server = serverForFile();
afterEach(() => destroyClients());

const timerAction = (boardId: string, body: Record<string, unknown>) =>
  boardFetch(server, `/api/boards/${boardId}/timer`, { method: 'POST', body: JSON.stringify(body) });

describe('the workshop timer', () => {
  it('runs on the server clock and reaches every client through the document', async () => {
    const board = await createBoard(server);
    const editor = connectAs(server, board, 'editor');
    await editor.synced;

    const before = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number };
    const started = await timerAction(board.id, { type: 'start', durationMs: 5 * 60_000 });
    expect(started.status).toBe(200);
    const { timer, now } = (await started.json()) as { timer: { endsAt: number }; now: number };
    expect(timer.endsAt).toBeGreaterThanOrEqual(before.now + 5 * 60_000);
    expect(timer.endsAt).toBeLessThanOrEqual(now + 5 * 60_000);
    await vi.waitFor(() => expect(readTimer(editor.doc)).toMatchObject({ state: 'running', endsAt: timer.endsAt }));

    expect((await timerAction(board.id, { type: 'pause' })).status).toBe(200);
    await vi.waitFor(() => expect(readTimer(editor.doc).state).toBe('paused'));
    expect((await timerAction(board.id, { type: 'add', ms: 60_000 })).status).toBe(200);
    await vi.waitFor(() => expect(readTimer(editor.doc).remainingMs).toBeGreaterThan(5 * 60_000));
    expect((await timerAction(board.id, { type: 'pause' })).status).toBe(409);
    expect((await timerAction(board.id, { type: 'explode' })).status).toBe(400);
    expect((await timerAction(board.id, { type: 'stop' })).status).toBe(200);
    await vi.waitFor(() => expect(readTimer(editor.doc).state).toBe('stopped'));
  });
});

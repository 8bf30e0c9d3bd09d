import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CLOSE,
  addCard,
  addStage,
  cardsMap,
  docToBoard,
  facilitationMap,
  moveCards,
  readStages,
  setCardsLocked,
  setLocks,
  updateCard,
  type CardId,
} from '@rejse/shared';
import { bearer, boardFetch, createBoard, startServer, tokenOf, type RunningServer } from '../helpers/server.ts';
import { firstCell, openRawSocket } from '../server/util.ts';
import { closedFor, connectAs, connectWithToken, destroyClients } from './util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const ADMIN = 'admin-token-for-the-role-tests-0123456789';

const server = serverForFile({ env: { REJSE_ADMIN_TOKEN: ADMIN } });
afterEach(() => destroyClients());

describe('a viewer', () => {
  it('has a crafted update refused with 4403, never stored, while the facilitator’s edits persist across a restart', async () => {
    const own = await startServer();
    let restarted: RunningServer | undefined;
    try {
      const board = await createBoard(own, { title: 'Collection letters' });
      const facilitator = connectAs(own, board, 'facilitator');
      const viewer = connectAs(own, board, 'viewer');
      const watcher = connectAs(own, board, 'editor');
      await Promise.all([facilitator.synced, viewer.synced, watcher.synced]);

      const kept = addCard(facilitator.doc, {
        ...firstCell(facilitator.doc),
        kind: 'pain',
        text: 'Why did I get this claim?',
      });
      await vi.waitFor(() => expect(cardsMap(viewer.doc).has(kept)).toBe(true));

      const closed = closedFor(viewer);
      const crafted = addCard(viewer.doc, { ...firstCell(viewer.doc), kind: 'idea', text: 'viewer was here' });
      expect(await closed).toEqual({ code: CLOSE.FORBIDDEN.code, reason: CLOSE.FORBIDDEN.reason });

      // The others never see it; a later facilitator edit still arrives, so nothing was held back.
      updateCard(facilitator.doc, kept, { text: 'Which product is this claim about?' });
      await vi.waitFor(() =>
        expect(docToBoard(watcher.doc, board.id).cards.map((c) => c.text)).toEqual(['Which product is this claim about?']),
      );
      expect(cardsMap(watcher.doc).has(crafted)).toBe(false);

      destroyClients();
      await own.kill('SIGKILL');
      restarted = await startServer({ dataDir: own.dataDir });
      const fresh = connectAs(restarted, board, 'viewer');
      await fresh.synced;
      expect(cardsMap(fresh.doc).has(crafted)).toBe(false);
      expect(docToBoard(fresh.doc, board.id).cards.map((c) => c.text)).toEqual(['Which product is this claim about?']);
    } finally {
      destroyClients();
      await restarted?.stop();
      await own.stop();
    }
  });

  it('can read the board over HTTP but not change anything through it', async () => {
    const board = await createBoard(server);
    const viewerToken = tokenOf(board.links.viewer);
    expect((await boardFetch(server, `/api/boards/${board.id}`, { token: viewerToken })).status).toBe(200);
    const timer = await boardFetch(server, `/api/boards/${board.id}/timer`, {
      token: viewerToken,
      method: 'POST',
      body: JSON.stringify({ type: 'start', durationMs: 60_000 }),
    });
    expect(timer.status).toBe(403);
  });
});

describe('an editor', () => {
  it('is refused (4403) when writing the facilitation state: the timer or a voting round', async () => {
    const board = await createBoard(server);
    for (const write of [
      (doc: import('yjs').Doc) =>
        facilitationMap(doc).set('timer', {
          state: 'running',
          endsAt: Date.now() + 60_000,
          remainingMs: 60_000,
          durationMs: 60_000,
        }),
      (doc: import('yjs').Doc) =>
        facilitationMap(doc).set('voting', {
          id: 'forged',
          target: 'ideas',
          votesPerPerson: 99,
          allowMultiplePerCard: true,
          startedAt: 1,
        }),
    ]) {
      const editor = connectAs(server, board, 'editor');
      await editor.synced;
      const closed = closedFor(editor);
      write(editor.doc);
      expect((await closed).code).toBe(CLOSE.FORBIDDEN.code);
    }
    const check = connectAs(server, board, 'viewer');
    await check.synced;
    // Only what the board was created with (the default run-sheet); nothing the editors wrote.
    expect(Object.keys(facilitationMap(check.doc).toJSON())).toEqual(['runSheet']);

    // Over HTTP the same actions are the facilitator's alone.
    const editorToken = tokenOf(board.links.editor);
    const vote = await boardFetch(server, `/api/boards/${board.id}/votes/rounds`, {
      token: editorToken,
      method: 'POST',
      body: JSON.stringify({ target: 'ideas' }),
    });
    expect(vote.status).toBe(403);
    const timer = await boardFetch(server, `/api/boards/${board.id}/timer`, {
      token: editorToken,
      method: 'POST',
      body: JSON.stringify({ type: 'start', durationMs: 60_000 }),
    });
    expect(timer.status).toBe(403);
  });

  it('cannot move a locked card or change a locked structure, but can edit other cards', async () => {
    const board = await createBoard(server);
    const facilitator = connectAs(server, board, 'facilitator');
    await facilitator.synced;
    const cell = firstCell(facilitator.doc);
    const locked = addCard(facilitator.doc, { ...cell, kind: 'touchpoint', text: 'First reminder letter' });
    const free = addCard(facilitator.doc, { ...cell, kind: 'touchpoint', text: 'Service SMS' });
    setCardsLocked(facilitator.doc, [locked], true, 'test');
    setLocks(facilitator.doc, { structure: true }, 'test');

    const editor = connectAs(server, board, 'editor');
    await editor.synced;
    await vi.waitFor(() => expect(cardsMap(editor.doc).size).toBe(2));
    const nextStage = readStages(editor.doc)[1]!.id;

    // Allowed: text and moves of an unlocked card, text of a locked one.
    updateCard(editor.doc, free, { text: 'Service SMS on the due date' });
    moveCards(editor.doc, [free], { stageId: nextStage, laneId: cell.laneId });
    updateCard(editor.doc, locked, { text: 'First reminder letter (postal)' });
    await vi.waitFor(() => {
      const cards = docToBoard(facilitator.doc, board.id).cards;
      expect(cards.find((c) => c.id === free)).toMatchObject({
        text: 'Service SMS on the due date',
        stageId: nextStage,
      });
      expect(cards.find((c) => c.id === locked)?.text).toBe('First reminder letter (postal)');
    });

    const moveLocked = closedFor(editor);
    moveCards(editor.doc, [locked], { stageId: nextStage, laneId: cell.laneId });
    expect((await moveLocked).code).toBe(CLOSE.FORBIDDEN.code);

    const second = connectAs(server, board, 'editor');
    await second.synced;
    const addStageRefused = closedFor(second);
    addStage(second.doc, 'Bailiff');
    expect((await addStageRefused).code).toBe(CLOSE.FORBIDDEN.code);

    const check = connectAs(server, board, 'viewer');
    await check.synced;
    const cards = docToBoard(check.doc, board.id);
    expect(cards.cards.find((c) => c.id === (locked as CardId))?.stageId).toBe(cell.stageId);
    expect(cards.stages.map((s) => s.title)).not.toContain('Bailiff');
  });
});

describe('tokens', () => {
  it('no token or a wrong token is refused with 4401 on the socket and 401 over HTTP', async () => {
    const board = await createBoard(server);
    for (const token of [null, 'wrong-token-0123456789abcdef', tokenOf(board.links.editor).slice(0, -2)]) {
      const client = connectWithToken(server, board.id, token);
      expect(await closedFor(client)).toEqual({ code: CLOSE.UNAUTHORIZED.code, reason: CLOSE.UNAUTHORIZED.reason });
    }
    const raw = openRawSocket(server, `/ws/${board.id}?token=${tokenOf(board.links.editor)}x`);
    expect((await raw.closed).code).toBe(CLOSE.UNAUTHORIZED.code);

    expect((await boardFetch(server, `/api/boards/${board.id}`, { token: null })).status).toBe(401);
    const wrong = await boardFetch(server, `/api/boards/${board.id}`, { token: 'wrong-token-0123456789abcdef' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/token/);
    // Another board's token opens nothing here.
    const other = await createBoard(server);
    expect((await boardFetch(server, `/api/boards/${board.id}`, { token: other.token })).status).toBe(401);
  });

  it('rotating the editor link cuts existing editor connections; the old token stops working and the new one works', async () => {
    const board = await createBoard(server);
    const oldToken = tokenOf(board.links.editor);
    const editor = connectAs(server, board, 'editor');
    const viewer = connectAs(server, board, 'viewer');
    const facilitator = connectAs(server, board, 'facilitator');
    await Promise.all([editor.synced, viewer.synced, facilitator.synced]);

    const cut = closedFor(editor);
    const refusedForEditor = await boardFetch(server, `/api/boards/${board.id}/links/editor/rotate`, {
      token: oldToken,
      method: 'POST',
    });
    expect(refusedForEditor.status).toBe(403);
    const res = await boardFetch(server, `/api/boards/${board.id}/links/editor/rotate`, { method: 'POST' });
    expect(res.status).toBe(200);
    const rotated = (await res.json()) as { role: string; token: string; link: string };
    expect(rotated.role).toBe('editor');
    expect(rotated.link).toBe(`/b/${board.id}?token=${rotated.token}`);
    expect((await cut).code).toBe(CLOSE.UNAUTHORIZED.code);

    // The others stay connected.
    addCard(facilitator.doc, { ...firstCell(facilitator.doc), kind: 'note', text: 'still here' });
    await vi.waitFor(() => expect(cardsMap(viewer.doc).size).toBe(1));

    expect((await closedFor(connectWithToken(server, board.id, oldToken))).code).toBe(CLOSE.UNAUTHORIZED.code);
    expect((await boardFetch(server, `/api/boards/${board.id}`, { token: oldToken })).status).toBe(401);
    const fresh = connectWithToken(server, board.id, rotated.token);
    await fresh.synced;
    addCard(fresh.doc, { ...firstCell(fresh.doc), kind: 'idea', text: 'from the new link' });
    await vi.waitFor(() => expect(cardsMap(facilitator.doc).size).toBe(2));
  });

  it('the global board list is refused (403) without the admin token', async () => {
    const board = await createBoard(server);
    expect((await fetch(`${server.url}/api/boards`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/boards`, { headers: bearer(board.token) })).status).toBe(403);
    const listed = await fetch(`${server.url}/api/boards`, { headers: bearer(ADMIN) });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { id: string }[]).map((b) => b.id)).toContain(board.id);
  });

  it('a board created through the API returns three different secret links of ≥128 bits', async () => {
    const board = await createBoard(server);
    const tokens = (['facilitator', 'editor', 'viewer'] as const).map((role) => tokenOf(board.links[role]));
    expect(new Set(tokens).size).toBe(3);
    expect(tokens[0]).toBe(board.token);
    for (const token of tokens) expect(Buffer.from(token, 'base64url').byteLength * 8).toBeGreaterThanOrEqual(128);
    const access = await boardFetch(server, `/api/boards/${board.id}/access`, { token: tokens[2]! });
    expect(await access.json()).toEqual({ boardId: board.id, role: 'viewer' });
  });
});

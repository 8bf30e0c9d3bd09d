import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  PARTICIPANT_HEADER,
  PARTICIPANT_SECRET_HEADER,
  SERVER_ORIGIN,
  cardsMap,
  createParticipantIdentity,
  docToBoard,
  setPersonName,
  type Board,
  type CompareResponse,
  type RestoreResponse,
  type SnapshotInfo,
  type SnapshotList,
} from '@rejse/shared';
import { createTestApp, tickingClock } from './test-app.ts';

function setup(retention = 50) {
  const now = tickingClock('2026-03-01T09:00:00Z');
  const { app, live, history } = createTestApp({ now, history: { retention, autoIntervalMs: 60_000, now } });
  return { app, live, history: history! };
}

const post = (token: string, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {
    authorization: `Bearer ${token}`,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...headers,
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const get = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

async function createBoard(app: ReturnType<typeof setup>['app']) {
  const res = await app.request('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'collection-letters' }),
  });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: string; token: string; links: Record<string, string> };
  const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token') ?? '';
  return {
    id: created.id,
    facilitator: created.token,
    editor: tokenOf(created.links.editor ?? ''),
    viewer: tokenOf(created.links.viewer ?? ''),
  };
}

const withoutOrder = (board: Board) => ({ ...board, cards: [...board.cards].sort((a, b) => (a.id < b.id ? -1 : 1)) });

describe('version history over HTTP', () => {
  it('takes a named snapshot, lists what changed since, compares, and restores a whole board that can be undone', async () => {
    const { app, live } = setup();
    const board = await createBoard(app);
    const me = createParticipantIdentity();
    live.edit(board.id, (doc) => setPersonName(doc, me.id, 'Anna', SERVER_ORIGIN));
    const first = await app.request(
      `/api/boards/${board.id}/snapshots`,
      post(board.editor, { name: 'After session 1' }, { [PARTICIPANT_HEADER]: me.id, [PARTICIPANT_SECRET_HEADER]: me.secret }),
    );
    expect(first.status).toBe(201);
    const taken = (await first.json()) as SnapshotInfo;
    expect(taken).toMatchObject({
      name: 'After session 1',
      kind: 'manual',
      by: { role: 'editor', participantId: me.id, name: 'Anna' },
    });
    const before = live.read(board.id, (doc) => docToBoard(doc, board.id))!;

    // Edit: one card's text and NPS, one card gone, one new.
    const [edited, removed] = before.cards.filter((c) => c.kind === 'touchpoint');
    live.edit(board.id, (doc) => {
      const cards = cardsMap(doc);
      cards.get(edited!.id)!.set('text', 'Rewritten letter');
      cards.get(edited!.id)!.set('metrics', { ...(edited!.metrics ?? {}), nps: -25 });
      cards.delete(removed!.id);
      const fresh = new Y.Map<unknown>();
      fresh.set('kind', 'note');
      fresh.set('text', 'New note');
      fresh.set('cell', { stageId: before.stages[0]!.id, laneId: before.lanes[0]!.id, order: 99 });
      cards.set('c_newnote00001', fresh);
    });
    const second = (await (
      await app.request(`/api/boards/${board.id}/snapshots`, post(board.facilitator, { name: 'Session 2' }))
    ).json()) as SnapshotInfo;
    expect(second.changes).toEqual({ added: 1, removed: 1, edited: 1 });

    const list = (await (await app.request(`/api/boards/${board.id}/snapshots`, get(board.viewer))).json()) as SnapshotList;
    expect(list.snapshots.map((s) => s.name)).toEqual(['After session 1', 'Session 2']);

    const compared = (await (
      await app.request(`/api/boards/${board.id}/snapshots/${taken.id}/compare?with=${second.id}`, get(board.viewer))
    ).json()) as CompareResponse;
    expect(compared.diff.cards.added.map((c) => c.text)).toEqual(['New note']);
    expect(compared.diff.cards.removed.map((c) => c.id)).toEqual([removed!.id]);
    expect(compared.diff.cards.edited).toEqual([expect.objectContaining({ id: edited!.id, fields: ['metrics', 'text'] })]);
    expect(compared.diff.figures).toContainEqual(expect.objectContaining({ cardId: edited!.id, figure: 'nps', after: -25 }));

    const asJson = (await (
      await app.request(`/api/boards/${board.id}/snapshots/${taken.id}/board.json`, get(board.viewer))
    ).json()) as Board;
    expect(withoutOrder(asJson)).toEqual(withoutOrder(before));

    // Only the facilitator restores.
    expect((await app.request(`/api/boards/${board.id}/snapshots/${taken.id}/restore`, post(board.editor))).status).toBe(403);
    const restore = await app.request(`/api/boards/${board.id}/snapshots/${taken.id}/restore`, post(board.facilitator));
    expect(restore.status).toBe(200);
    const restored = (await restore.json()) as RestoreResponse;
    expect(restored.writes).toBeGreaterThan(0);
    expect(withoutOrder(live.read(board.id, (doc) => docToBoard(doc, board.id))!)).toEqual(withoutOrder(before));
    // Comments and people are not the board's content: the restore keeps them.
    expect(live.read(board.id, (doc) => doc.getMap('people').has(me.id))).toBe(true);

    // Nothing lost: the version before the restore is in the history, and restoring it undoes the restore.
    const after = (await (await app.request(`/api/boards/${board.id}/snapshots`, get(board.viewer))).json()) as SnapshotList;
    expect(after.snapshots.map((s) => s.kind)).toEqual(['manual', 'manual', 'restore']);
    await app.request(`/api/boards/${board.id}/snapshots/${restored.undoSnapshotId}/restore`, post(board.facilitator));
    const undone = live.read(board.id, (doc) => docToBoard(doc, board.id))!;
    expect(undone.cards.find((c) => c.id === edited!.id)?.text).toBe('Rewritten letter');
    expect(undone.cards.some((c) => c.id === removed!.id)).toBe(false);
  });

  it('restores one card as it was, bringing a deleted one back', async () => {
    const { app, live } = setup();
    const board = await createBoard(app);
    const taken = (await (
      await app.request(`/api/boards/${board.id}/snapshots`, post(board.facilitator, { name: 'Start' }))
    ).json()) as SnapshotInfo;
    const [gone, other] = live.read(board.id, (doc) => docToBoard(doc, board.id))!.cards;
    live.edit(board.id, (doc) => {
      cardsMap(doc).delete(gone!.id);
      cardsMap(doc).get(other!.id)!.set('text', 'changed later');
    });
    const res = await app.request(`/api/boards/${board.id}/snapshots/${taken.id}/cards/${gone!.id}/restore`, post(board.facilitator));
    expect(res.status).toBe(200);
    const now = live.read(board.id, (doc) => docToBoard(doc, board.id))!;
    expect(now.cards.find((c) => c.id === gone!.id)?.text).toBe(gone!.text);
    expect(now.cards.find((c) => c.id === other!.id)?.text).toBe('changed later');
    expect(
      (await app.request(`/api/boards/${board.id}/snapshots/${taken.id}/cards/c_nosuchcard/restore`, post(board.facilitator))).status,
    ).toBe(404);
  });

  it('answers with stable codes: 404 unknown snapshot, 403 viewers taking one, 400 a nameless one', async () => {
    const { app } = setup();
    const board = await createBoard(app);
    const missing = await app.request(`/api/boards/${board.id}/snapshots/h_000000000000/board.json`, get(board.viewer));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'snapshot-not-found' });
    expect((await app.request(`/api/boards/${board.id}/snapshots/not-an-id/board.json`, get(board.viewer))).status).toBe(404);
    const viewer = await app.request(`/api/boards/${board.id}/snapshots`, post(board.viewer, { name: 'x' }));
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ code: 'forbidden' });
    const nameless = await app.request(`/api/boards/${board.id}/snapshots`, post(board.editor, { name: '  ' }));
    expect(nameless.status).toBe(400);
    expect(await nameless.json()).toMatchObject({ code: 'invalid-request', field: 'name' });
    expect((await app.request(`/api/boards/${board.id}/snapshots`)).status).toBe(401);
  });

  it('keeps at most the configured number of snapshots, dropping automatic ones first', async () => {
    const { app, history } = setup(3);
    const board = await createBoard(app);
    history.take(board.id, 'named', 'manual', { role: 'facilitator', participantId: null });
    for (let i = 0; i < 4; i++) history.take(board.id, '', 'auto', { role: null, participantId: null });
    const list = history.list(board.id)!;
    expect(list).toHaveLength(3);
    expect(list[0]?.name).toBe('named');
  });
});

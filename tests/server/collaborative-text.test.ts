/**
 * Collaborative text over the wire: stock y-websocket clients (editors, so every update goes
 * through the server's permission and structure checks) co-edit a card's Y.Text, one of them
 * offline for a while, and a restarted server still has both people's words. Two editors adding
 * a channel of the board's own at once both keep theirs.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addCard, addCustomChannel, cardsMap, docToBoard, editCardText, setLocks, type Board, type CardId } from '@rejse/shared';
import { boardFetch, createBoard, tokenOf, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { firstCell } from './util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { clients, start, connect: track } = stoppedAfterEach();

function connect(server: RunningServer, boardId: string, token?: string, doc?: Y.Doc): ConnectedClient {
  return track(server, boardId, { ...(token ? { token } : {}), ...(doc ? { doc } : {}) });
}
const textOf = (doc: Y.Doc, id: CardId) => docToBoard(doc, 'b').cards.find((c) => c.id === id)?.text;
const yText = (doc: Y.Doc, id: CardId) => cardsMap(doc).get(id)!.get('text') as Y.Text;

describe('collaborative card text', () => {
  it('two editors type into one card at once, one of them offline; both inserts are stored and survive a restart', async () => {
    const server = await start();
    const board = await createBoard(server);
    const editorToken = tokenOf(board.links.editor);
    const anders = connect(server, board.id, editorToken);
    const mette = connect(server, board.id, editorToken);
    await Promise.all([anders.synced, mette.synced]);
    const id = addCard(anders.doc, { ...firstCell(anders.doc), kind: 'touchpoint', text: 'Reminder letter' });
    await vi.waitFor(() => expect(textOf(mette.doc, id)).toBe('Reminder letter'));

    // Keystroke by keystroke, at the same moment, at both ends of the text.
    for (const [i, letter] of [...'[A: via CRM] '].entries()) editCardText(anders.doc, id, 'text', { index: i, remove: 0, insert: letter });
    for (const letter of ' [M: by post]') yText(mette.doc, id).insert(yText(mette.doc, id).length, letter);
    const both = '[A: via CRM] Reminder letter [M: by post]';
    await vi.waitFor(() => {
      expect(textOf(anders.doc, id)).toBe(both);
      expect(textOf(mette.doc, id)).toBe(both);
    });

    // Mette goes offline and edits; Anders edits meanwhile; she comes back.
    mette.provider.disconnect();
    yText(mette.doc, id).insert(0, '1. ');
    editCardText(anders.doc, id, 'text', { index: both.length, remove: 0, insert: '!' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textOf(anders.doc, id)).toBe(`${both}!`);
    mette.provider.connect();
    const merged = `1. ${both}!`;
    await vi.waitFor(() => {
      expect(textOf(anders.doc, id)).toBe(merged);
      expect(textOf(mette.doc, id)).toBe(merged);
    });

    // A crash right after: every update was appended before it was broadcast.
    await server.kill('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();
    const restarted = await start({ dataDir: server.dataDir });
    const fresh = connect(restarted, board.id, editorToken);
    await fresh.synced;
    expect(textOf(fresh.doc, id)).toBe(merged);
    expect(yText(fresh.doc, id)).toBeInstanceOf(Y.Text);
  });

  it('typing is judged like any content edit: refused for a viewer and while the board is locked', async () => {
    const server = await start();
    const board = await createBoard(server);
    const facilitator = connect(server, board.id);
    await facilitator.synced;
    const id = addCard(facilitator.doc, { ...firstCell(facilitator.doc), kind: 'note', text: 'Call us' });

    const viewer = connect(server, board.id, tokenOf(board.links.viewer));
    await viewer.synced;
    await vi.waitFor(() => expect(textOf(viewer.doc, id)).toBe('Call us'));
    const viewerClosed = new Promise<number>((resolve) =>
      viewer.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    );
    yText(viewer.doc, id).insert(0, 'Do not ');
    expect(await viewerClosed).toBe(4403);

    setLocks(facilitator.doc, { board: true }, 'test');
    const editor = connect(server, board.id, tokenOf(board.links.editor));
    await editor.synced;
    await vi.waitFor(() => expect(editor.doc.getMap('facilitation').get('lockBoard')).toBe(true));
    const editorClosed = new Promise<number>((resolve) =>
      editor.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    );
    yText(editor.doc, id).insert(7, ' today');
    expect(await editorClosed).toBe(4403);

    // Neither keystroke was stored.
    const res = await boardFetch(server, `/api/boards/${board.id}`);
    const stored = (await res.json()) as { cards: Array<{ id: string; text: string }> };
    expect(stored.cards.find((c) => c.id === id)?.text).toBe('Call us');
  });

  it('a version 1 board file imports, and its card text is then co-edited like any other', async () => {
    const server = await start();
    const file = {
      id: 'b_old',
      title: 'Old export',
      schemaVersion: 1,
      locale: 'da',
      currency: 'DKK',
      personas: [{ id: 'p_1', name: 'Ung kunde', description: '', segment: '' }],
      activePersonaId: 'p_1',
      stages: [{ id: 's_1', title: 'Rykker' }],
      lanes: [{ id: 'l_1', title: 'Kontaktpunkter', kind: 'touchpoints' }],
      cards: [{ id: 'c_1', kind: 'touchpoint', stageId: 's_1', laneId: 'l_1', order: 1, text: 'Brev i e-Boks' }],
      links: [],
    };
    const res = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
    expect(res.status).toBe(201);
    const imported = (await res.json()) as {
      id: string;
      token: string;
      links: { editor: string };
      importedFromVersion: number;
    };
    expect(imported.importedFromVersion).toBe(1);
    const a = connect(server, imported.id, imported.token);
    const b = connect(server, imported.id, tokenOf(imported.links.editor));
    await Promise.all([a.synced, b.synced]);
    const id = 'c_1' as CardId;
    expect(yText(a.doc, id)).toBeInstanceOf(Y.Text);
    yText(a.doc, id).insert(0, 'Første ');
    yText(b.doc, id).insert(yText(b.doc, id).length, ' (digital post)');
    await vi.waitFor(() => {
      expect(textOf(a.doc, id)).toBe('Første Brev i e-Boks (digital post)');
      expect(textOf(b.doc, id)).toBe(textOf(a.doc, id));
    });
  });

  it("two editors add a channel of the board's own at the same instant: both stay, on both replicas and in storage", async () => {
    const server = await start();
    const board = await createBoard(server, { template: 'collection-letters' });
    const editorToken = tokenOf(board.links.editor);
    const anders = connect(server, board.id, editorToken);
    const mette = connect(server, board.id, editorToken);
    await Promise.all([anders.synced, mette.synced]);
    // In one turn: neither has heard of the other's channel when adding their own.
    addCustomChannel(anders.doc, 'MitID');
    addCustomChannel(mette.doc, 'Vipps');
    const both = ['MitID', 'Vipps'];
    await vi.waitFor(() => {
      expect(docToBoard(anders.doc, board.id).customChannels).toEqual(both);
      expect(docToBoard(mette.doc, board.id).customChannels).toEqual(both);
    });
    await vi.waitFor(async () => {
      const stored = (await (await boardFetch(server, `/api/boards/${board.id}/board.json`, { token: editorToken })).json()) as Board;
      expect(stored.customChannels).toEqual(both);
    });
  });
});

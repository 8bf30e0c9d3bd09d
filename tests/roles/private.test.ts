import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  PARTICIPANT_PARAM,
  PARTICIPANT_SECRET_PARAM,
  addCard,
  cardsMap,
  docToBoard,
  readPeople,
  readPrivateMode,
  setPersonName,
  setPrivateMode,
} from '@rejse/shared';
import { boardFetch, connectClient, createBoard, tokenOf, type ConnectedClient, type CreatedBoard } from '../helpers/server.ts';
import { firstCell } from '../server/util.ts';
import { closedFor, connectAs, createParticipant, destroyClients, type Participant } from './util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const server = serverForFile();
const draftClients: ConnectedClient[] = [];
afterEach(() => {
  for (const client of draftClients.splice(0)) client.destroy();
  destroyClients();
});

/** A participant's drafts socket, as the client opens it in private mode. */
function connectDrafts(
  board: CreatedBoard,
  role: 'editor' | 'facilitator' | 'viewer',
  participantId: string,
  secret: string | null,
): ConnectedClient {
  const client = connectClient(server, `${board.id}/drafts/${participantId}`, {
    token: null,
    params: { token: tokenOf(board.links[role]), ...(secret ? { secret } : {}) },
  });
  draftClients.push(client);
  return client;
}

describe('private mode', () => {
  it('editors’ new cards stay in their own drafts until the facilitator reveals them', async () => {
    const board = await createBoard(server, { title: 'Brainstorm' });
    const facilitator = connectAs(server, board, 'facilitator');
    const editor = connectAs(server, board, 'editor');
    await Promise.all([facilitator.synced, editor.synced]);
    setPrivateMode(facilitator.doc, true, 'test');
    await vi.waitFor(() => expect(readPrivateMode(editor.doc)).toBe(true));

    const ana: Participant = createParticipant();
    const drafts = connectDrafts(board, 'editor', ana.id, ana.secret);
    await drafts.synced;
    const cell = firstCell(editor.doc);
    // The drafts document uses the board's card layout, with cells of the board.
    const draftDoc = drafts.doc;
    draftDoc.transact(() => {
      const card = new Y.Map<unknown>();
      card.set('kind', 'idea');
      card.set('text', 'Text the customer before the reminder');
      card.set('cell', { ...cell, order: 1 });
      cardsMap(draftDoc).set('c_draft00001', card);
    });

    // Another participant (or an impostor) cannot open Ana's drafts; a viewer cannot open any.
    const impostor = connectDrafts(board, 'editor', ana.id, createParticipant().secret);
    expect((await closedFor(impostor)).code).toBe(CLOSE.FORBIDDEN.code);
    const viewerDrafts = connectDrafts(board, 'viewer', createParticipant().id, createParticipant().secret);
    expect((await closedFor(viewerDrafts)).code).toBe(CLOSE.FORBIDDEN.code);

    // A second tab of Ana's and the facilitator see the draft; the board does not.
    const anaTab = connectDrafts(board, 'editor', ana.id, ana.secret);
    const peek = connectDrafts(board, 'facilitator', ana.id, null);
    await vi.waitFor(() => {
      expect(cardsMap(anaTab.doc).size).toBe(1);
      expect(cardsMap(peek.doc).size).toBe(1);
    });
    expect(cardsMap(facilitator.doc).size).toBe(0);

    // Adding straight to the board in private mode is refused for an editor.
    const refused = closedFor(editor);
    addCard(editor.doc, { ...cell, kind: 'idea', text: 'sneaking it in' });
    expect((await refused).code).toBe(CLOSE.FORBIDDEN.code);

    // The facilitator sees how many private cards Ana has, never their text; an editor cannot ask.
    const counts = await boardFetch(server, `/api/boards/${board.id}/private/counts`);
    const countsText = await counts.text();
    expect(JSON.parse(countsText)).toEqual({ counts: [{ participantId: ana.id, count: 1 }] });
    expect(countsText).not.toContain('Text the customer');
    const editorCounts = await boardFetch(server, `/api/boards/${board.id}/private/counts`, { token: tokenOf(board.links.editor) });
    expect(editorCounts.status).toBe(403);

    const editorReveal = await boardFetch(server, `/api/boards/${board.id}/private/reveal`, {
      token: tokenOf(board.links.editor),
      method: 'POST',
    });
    expect(editorReveal.status).toBe(403);
    const reveal = await boardFetch(server, `/api/boards/${board.id}/private/reveal`, { method: 'POST' });
    expect(await reveal.json()).toEqual({ revealed: 1 });

    await vi.waitFor(() => {
      const cards = docToBoard(facilitator.doc, board.id).cards;
      expect(cards.map((c) => [c.kind, c.text, c.stageId, c.laneId])).toEqual([
        ['idea', 'Text the customer before the reminder', cell.stageId, cell.laneId],
      ]);
      expect(readPrivateMode(facilitator.doc)).toBe(false);
      expect(cardsMap(drafts.doc).size).toBe(0);
    });
  });

  it('a reveal with "show authors" signs each card with its author’s name; without, nothing says who wrote it', async () => {
    const board = await createBoard(server, { title: 'Brainstorm with names' });
    const facilitator = connectAs(server, board, 'facilitator');
    await facilitator.synced;
    const ana = createParticipant();
    // Ana names herself on the board (her own people entry, over her own board socket).
    const anaBoard = connectClient(server, board.id, {
      token: tokenOf(board.links.editor),
      params: { [PARTICIPANT_PARAM]: ana.id, [PARTICIPANT_SECRET_PARAM]: ana.secret },
    });
    draftClients.push(anaBoard);
    await anaBoard.synced;
    setPersonName(anaBoard.doc, ana.id, 'Ana', 'test');
    const cell = firstCell(facilitator.doc);
    const write = async (text: string) => {
      setPrivateMode(facilitator.doc, true, 'test');
      const drafts = connectDrafts(board, 'editor', ana.id, ana.secret);
      await drafts.synced;
      drafts.doc.transact(() => {
        const card = new Y.Map<unknown>();
        card.set('kind', 'idea');
        card.set('text', new Y.Text(text));
        card.set('cell', { ...cell, order: 1 });
        cardsMap(drafts.doc).set(`c_${text.length}draft0001`.slice(0, 12), card);
      });
      await vi.waitFor(async () => {
        const res = await boardFetch(server, `/api/boards/${board.id}/private/counts`);
        expect(((await res.json()) as { counts: unknown[] }).counts).toHaveLength(1);
      });
    };
    const texts = () =>
      docToBoard(facilitator.doc, board.id)
        .cards.map((c) => c.text)
        .sort();

    await write('Named idea');
    await vi.waitFor(() => expect(readPeople(facilitator.doc).get(ana.id)).toBe('Ana'));
    const signed = await boardFetch(server, `/api/boards/${board.id}/private/reveal`, {
      method: 'POST',
      body: JSON.stringify({ showAuthors: true }),
    });
    expect(await signed.json()).toEqual({ revealed: 1 });
    await vi.waitFor(() => expect(texts()).toEqual(['Ana: Named idea']));

    await write('Anonymous idea');
    const plain = await boardFetch(server, `/api/boards/${board.id}/private/reveal`, { method: 'POST' });
    expect(await plain.json()).toEqual({ revealed: 1 });
    await vi.waitFor(() => expect(texts()).toEqual(['Ana: Named idea', 'Anonymous idea']));
  });
});

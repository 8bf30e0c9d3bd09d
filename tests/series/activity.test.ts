/** "What happened since I was here", against a real server: who added, moved, edited, commented and voted. */
import { describe, expect, it, vi } from 'vitest';
import {
  PARTICIPANT_HEADER,
  PARTICIPANT_SECRET_HEADER,
  addCard,
  addComment,
  createParticipantIdentity,
  moveCards,
  setPersonName,
  updateCard,
  type ActivityResponse,
  type CardId,
} from '@rejse/shared';
import { boardFetch, createBoard, tokenOf } from '../helpers/server.ts';
import { firstCell } from '../server/util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { clients, start, connect } = stoppedAfterEach();

describe('activity since my last visit', () => {
  it('lists who added, moved, edited, commented and voted since a moment, with their names', async () => {
    const running = await start();
    const board = await createBoard(running, { template: 'collection-letters' });
    const anna = createParticipantIdentity();
    const bo = createParticipantIdentity();
    const editor = tokenOf(board.links.editor);
    const a = connect(running, board.id, {
      token: editor,
      params: { participant: anna.id, secret: anna.secret },
    });
    const b = connect(running, board.id, { token: editor, params: { participant: bo.id, secret: bo.secret } });
    await Promise.all([a.synced, b.synced]);
    setPersonName(a.doc, anna.id, 'Anna', 'rejse:local');
    setPersonName(b.doc, bo.id, 'Bo', 'rejse:local');
    const lastVisit = Date.now();

    const cell = firstCell(a.doc);
    const idea = addCard(a.doc, { ...cell, kind: 'idea', text: 'Name the creditor in the letter' });
    for (const text of ['Name the original creditor', 'Name the original creditor and the product']) updateCard(a.doc, idea, { text });
    await vi.waitFor(() => expect(b.doc.getMap('cards').has(idea)).toBe(true));
    const other = [...b.doc.getMap('cards').keys()].find((id) => id !== idea) as CardId;
    moveCards(b.doc, [other], { ...firstCell(b.doc), index: 0 });
    addComment(b.doc, bo.id, { target: { kind: 'card', id: idea }, text: 'Yes, and the product' }, 'rejse:local');

    const round = (await (
      await boardFetch(running, `/api/boards/${board.id}/votes/rounds`, {
        method: 'POST',
        body: JSON.stringify({ target: 'ideas' }),
      })
    ).json()) as { id: string };
    const vote = await boardFetch(running, `/api/boards/${board.id}/votes/rounds/${round.id}/votes`, {
      method: 'POST',
      token: editor,
      headers: { [PARTICIPANT_HEADER]: bo.id, [PARTICIPANT_SECRET_HEADER]: bo.secret },
      body: JSON.stringify({ cardId: idea, delta: 1 }),
    });
    expect(vote.status).toBe(200);

    // Everyone leaves: the room unloads and what the log held back is written.
    await vi.waitFor(async () => expect(b.doc.getMap('comments').size).toBe(1));
    for (const client of clients.splice(0)) client.destroy();
    await vi.waitFor(async () => expect(((await (await fetch(`${running.url}/api/health`)).json()) as { rooms: number }).rooms).toBe(0));

    const res = await boardFetch(running, `/api/boards/${board.id}/activity?since=${lastVisit}`, {
      token: tokenOf(board.links.viewer),
    });
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as ActivityResponse;
    const said = entries.map((e) => `${e.name} ${e.action} ${e.targetKind}${e.targetId === idea ? ' idea' : ''}`).sort();
    expect(said).toEqual(
      [`Anna added card idea`, `Anna edited card idea`, `Bo moved card`, `Bo commented card idea`, `Bo voted round`].sort(),
    );
    expect(entries.find((e) => e.action === 'edited')).toMatchObject({
      count: 2,
      targetText: 'Name the original creditor and the product',
    });
    const nothingNew = (await (
      await boardFetch(running, `/api/boards/${board.id}/activity?since=${Date.now() + 60_000}`)
    ).json()) as ActivityResponse;
    expect(nothingNew.entries).toEqual([]);
  });

  it('lists an edit made a moment ago, while its author is still on the board (what the log holds back is written first)', async () => {
    const running = await start();
    const board = await createBoard(running, { template: 'collection-letters' });
    const anna = createParticipantIdentity();
    const editor = tokenOf(board.links.editor);
    const a = connect(running, board.id, { token: editor, params: { participant: anna.id, secret: anna.secret } });
    const watcher = connect(running, board.id, { token: editor });
    await Promise.all([a.synced, watcher.synced]);
    setPersonName(a.doc, anna.id, 'Anna', 'rejse:local');
    const lastVisit = Date.now();
    const idea = addCard(a.doc, { ...firstCell(a.doc), kind: 'idea', text: 'Say who the creditor is' });
    // The server has it (another client got it); the log merges Anna's edits for 10 s before writing them.
    await vi.waitFor(() => expect(watcher.doc.getMap('cards').has(idea)).toBe(true));
    const res = await boardFetch(running, `/api/boards/${board.id}/activity?since=${lastVisit}`, { token: editor });
    const { entries } = (await res.json()) as ActivityResponse;
    expect(entries.map((e) => `${e.name} ${e.action} ${e.targetId === idea ? 'idea' : e.targetId}`)).toContain('Anna added idea');
  });
});

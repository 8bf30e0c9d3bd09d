/**
 * A workshop's outcomes survive a board file: votes from a closed round, the ratings, the
 * facilitator's ranking and cut line. The to-do list of the imported copy is the original's,
 * and the copy's title says it is a copy.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addCustomChannel,
  docToBoard,
  rankActions,
  readVoteCounts,
  setPrioritySettings,
  updateCard,
  type Board,
  type CardId,
} from '@rejse/shared';
import { boardFetch, createBoard, tokenOf } from '../helpers/server.ts';
import { connectAs, createParticipant, destroyClients } from '../roles/util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const server = serverForFile();
afterEach(() => destroyClients());

const text = async (res: Response) => {
  expect(res.status).toBe(200);
  return res.text();
};

describe('a JSON round trip', () => {
  it('keeps votes, ratings, ranking and cut line: the imported to-do list equals the original', async () => {
    const board = await createBoard(server, { title: 'Inkasso', template: 'collection-letters' });
    const facilitator = connectAs(server, board, 'facilitator');
    await facilitator.synced;
    const ideas = docToBoard(facilitator.doc, board.id).cards.filter((c) => c.kind === 'idea');
    expect(ideas.length).toBeGreaterThanOrEqual(4);

    // Ratings on two ideas, none on the others; ranking by votes with a cut line of 3.
    updateCard(facilitator.doc, ideas[0]!.id, { impact: 5, effort: 1 });
    updateCard(facilitator.doc, ideas[1]!.id, { impact: 2, effort: 4 });
    setPrioritySettings(facilitator.doc, { rankBy: 'votes', topN: 3 }, 'rejse:local');

    // A voting round: three people vote, the idea without ratings gets the most votes.
    const started = await boardFetch(server, `/api/boards/${board.id}/votes/rounds`, {
      method: 'POST',
      body: JSON.stringify({ target: 'ideas' }),
    });
    expect(started.status).toBe(201);
    const round = (await started.json()) as { id: string };
    const favourite = ideas[3]!.id;
    const votes: Array<[number, CardId]> = [
      [0, favourite],
      [1, favourite],
      [2, favourite],
      [0, ideas[0]!.id],
      [1, ideas[2]!.id],
    ];
    const people = [createParticipant(), createParticipant(), createParticipant()];
    for (const [who, cardId] of votes) {
      const res = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/votes`, {
        token: tokenOf(board.links.editor),
        method: 'POST',
        headers: people[who]!.headers,
        body: JSON.stringify({ cardId, delta: 1 }),
      });
      expect(res.status).toBe(200);
    }
    expect((await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/close`, { method: 'POST' })).status).toBe(200);
    await vi.waitFor(() => expect(readVoteCounts(facilitator.doc).get(favourite)).toBe(3));
    await vi.waitFor(async () => {
      const stored = (await (await boardFetch(server, `/api/boards/${board.id}`)).json()) as Board;
      expect(stored.cards.find((c) => c.id === ideas[1]!.id)?.effort).toBe(4);
    });

    const todoBefore = await text(await boardFetch(server, `/api/boards/${board.id}/actions.md`));
    const csvBefore = await text(await boardFetch(server, `/api/boards/${board.id}/actions.csv`));
    const ranked = rankActions(docToBoard(facilitator.doc, board.id), {
      by: 'votes',
      votes: readVoteCounts(facilitator.doc),
    });
    expect(ranked[0]!.card.id).toBe(favourite);

    // Export, import.
    const file = (await (await boardFetch(server, `/api/boards/${board.id}/board.json`)).json()) as Board;
    expect(file.outcomes?.rounds).toHaveLength(1);
    expect(file.outcomes).toMatchObject({ rankBy: 'votes', topN: 3 });
    const imported = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as { id: string; token: string; title: string };
    expect(copy.title).toBe('Inkasso (copy)');

    // The copy's to-do list, in both exports, is the original's word for word (but for the title heading).
    const todoAfter = await text(await boardFetch(server, `/api/boards/${copy.id}/actions.md`, { token: copy.token }));
    const csvAfter = await text(await boardFetch(server, `/api/boards/${copy.id}/actions.csv`, { token: copy.token }));
    expect(todoAfter.split('\n')[0]).toBe('# Inkasso (copy)');
    expect(todoAfter.replace('# Inkasso (copy)', '# Inkasso')).toBe(todoBefore);
    expect(csvAfter).toBe(csvBefore);
    const copyFile = (await (await boardFetch(server, `/api/boards/${copy.id}/board.json`, { token: copy.token })).json()) as Board;
    expect(copyFile.outcomes).toEqual(file.outcomes);
    expect(copyFile.cards).toEqual(file.cards);
  });

  it('keeps the board’s own channels and the Nordic mailboxes on its touchpoints', async () => {
    const board = await createBoard(server, { title: 'Kanaler', template: 'collection-letters' });
    const facilitator = connectAs(server, board, 'facilitator');
    await facilitator.synced;
    const [first, second] = docToBoard(facilitator.doc, board.id).cards.filter((c) => c.kind === 'touchpoint');
    addCustomChannel(facilitator.doc, 'MitID');
    updateCard(facilitator.doc, first!.id, { channel: null, customChannel: 'MitID' });
    updateCard(facilitator.doc, second!.id, { channel: 'kivra' });
    const exported = async (id: string, token?: string) =>
      (await (await boardFetch(server, `/api/boards/${id}/board.json`, token ? { token } : {})).json()) as Board;
    await vi.waitFor(async () => expect((await exported(board.id)).customChannels).toEqual(['MitID']), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await exported(board.id)).cards.find((c) => c.id === second!.id)?.channel).toBe('kivra'), {
      timeout: 10_000,
    });
    const file = await exported(board.id);
    const imported = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as { id: string; token: string };
    const copyFile = await exported(copy.id, copy.token);
    expect(copyFile.customChannels).toEqual(['MitID']);
    expect(copyFile.cards.find((c) => c.id === first!.id)).toMatchObject({ customChannel: 'MitID' });
    expect(copyFile.cards.find((c) => c.id === second!.id)).toMatchObject({ channel: 'kivra' });
  });

  it('an imported Danish board is marked as a copy in Danish', async () => {
    const source = await createBoard(server, { title: 'Rykkere' });
    const file = (await (await boardFetch(server, `/api/boards/${source.id}/board.json`)).json()) as Board;
    const imported = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...file, locale: 'da-DK' }),
    });
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as { title: string }).title).toBe('Rykkere (kopi)');
  });
});

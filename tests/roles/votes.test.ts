import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PARTICIPANT_PARAM,
  PARTICIPANT_SECRET_PARAM,
  addCard,
  readOpenRound,
  readRounds,
  readVoteCounts,
  facilitationMap,
  type CardId,
} from '@rejse/shared';
import { boardFetch, connectClient, createBoard, tokenOf, type ConnectedClient, type CreatedBoard } from '../helpers/server.ts';
import { firstCell } from '../server/util.ts';
import { connectAs, createParticipant, destroyClients, type Participant } from './util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const server = serverForFile();
afterEach(() => destroyClients());

interface Round {
  id: string;
  votesPerPerson: number;
}

/** A board with three idea cards and one pain point, made by the facilitator. */
async function boardWithIdeas(): Promise<{ board: CreatedBoard; ideas: CardId[]; pain: CardId }> {
  const board = await createBoard(server, { title: 'Dunning young customers' });
  const facilitator = connectAs(server, board, 'facilitator');
  await facilitator.synced;
  const cell = firstCell(facilitator.doc);
  const ideas = ['Skip the fee when a call would cost more', 'Remind on the due date', 'Cheaper plan offer'].map((text) =>
    addCard(facilitator.doc, { ...cell, kind: 'idea', text }),
  );
  const pain = addCard(facilitator.doc, { ...cell, kind: 'pain', text: 'Fees pile up' });
  await vi.waitFor(async () => {
    const res = await boardFetch(server, `/api/boards/${board.id}`);
    expect(((await res.json()) as { cards: unknown[] }).cards).toHaveLength(4);
  });
  return { board, ideas, pain };
}

async function startRound(board: CreatedBoard, body: Record<string, unknown>): Promise<Round> {
  const res = await boardFetch(server, `/api/boards/${board.id}/votes/rounds`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Round;
}

function vote(
  board: CreatedBoard,
  round: Round,
  who: Participant,
  cardId: string,
  delta: 1 | -1,
  role: 'editor' | 'facilitator' | 'viewer' = 'editor',
) {
  return boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/votes`, {
    token: tokenOf(board.links[role]),
    method: 'POST',
    headers: who.headers,
    body: JSON.stringify({ cardId, delta }),
  });
}

async function mine(
  board: CreatedBoard,
  round: Round,
  who: Participant,
): Promise<{ votes: Record<string, number>; used: number; remaining: number }> {
  const res = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/votes/mine`, {
    token: tokenOf(board.links.editor),
    headers: who.headers,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { votes: Record<string, number>; used: number; remaining: number };
}

describe('dot voting', () => {
  it('a participant cannot cast more than N votes, nor two on one card unless the round allows it', async () => {
    const { board, ideas } = await boardWithIdeas();
    const round = await startRound(board, { target: 'ideas', votesPerPerson: 2 });
    const ana = createParticipant();
    expect((await vote(board, round, ana, ideas[0]!, 1)).status).toBe(200);
    const twice = await vote(board, round, ana, ideas[0]!, 1);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ reason: 'one-per-card' });
    expect((await vote(board, round, ana, ideas[1]!, 1)).status).toBe(200);
    const third = await vote(board, round, ana, ideas[2]!, 1);
    expect(third.status).toBe(409);
    expect(await third.json()).toMatchObject({ reason: 'no-votes-left' });
    expect(await mine(board, round, ana)).toMatchObject({ used: 2, remaining: 0 });
    // Taking one back frees it.
    expect((await vote(board, round, ana, ideas[1]!, -1)).status).toBe(200);
    expect((await vote(board, round, ana, ideas[2]!, 1)).status).toBe(200);
    expect((await mine(board, round, ana)).votes).toEqual({ [ideas[0]!]: 1, [ideas[2]!]: 1 });
  });

  it('nobody can vote with another participant’s id: a wrong secret is 403', async () => {
    const { board, ideas } = await boardWithIdeas();
    const round = await startRound(board, { target: 'ideas' });
    const ana = createParticipant();
    expect((await vote(board, round, ana, ideas[0]!, 1)).status).toBe(200);
    const impostor: Participant = { ...createParticipant(), id: ana.id };
    impostor.headers = { ...impostor.headers, 'X-Rejse-Participant': ana.id };
    expect((await vote(board, round, impostor, ideas[1]!, 1)).status).toBe(403);
    expect((await vote(board, round, impostor, ideas[0]!, -1)).status).toBe(403);
    const peek = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/votes/mine`, {
      token: tokenOf(board.links.editor),
      headers: impostor.headers,
    });
    expect(peek.status).toBe(403);
    expect((await mine(board, round, ana)).votes).toEqual({ [ideas[0]!]: 1 });
    // Without an identity there is no vote at all; viewers do not vote.
    const anonymous = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/votes`, {
      token: tokenOf(board.links.editor),
      method: 'POST',
      body: JSON.stringify({ cardId: ideas[0], delta: 1 }),
    });
    expect(anonymous.status).toBe(400);
    expect((await vote(board, round, createParticipant(), ideas[0]!, 1, 'viewer')).status).toBe(403);
  });

  it('only cards of the round’s target can be voted on', async () => {
    const { board, pain } = await boardWithIdeas();
    const round = await startRound(board, { target: 'ideas' });
    expect((await vote(board, round, createParticipant(), pain, 1)).status).toBe(400);
    expect((await vote(board, round, createParticipant(), 'c_doesnotexist', 1)).status).toBe(404);
  });

  it('while a round is open each person sees only their own votes; on close the totals appear in the document for everyone', async () => {
    const { board, ideas } = await boardWithIdeas();
    const editor = connectAs(server, board, 'editor');
    const viewer = connectAs(server, board, 'viewer');
    await Promise.all([editor.synced, viewer.synced]);

    const round = await startRound(board, { target: 'ideas', votesPerPerson: 3, allowMultiplePerCard: true });
    await vi.waitFor(() => expect(readOpenRound(viewer.doc)).toMatchObject({ id: round.id, votesPerPerson: 3 }));
    // A second round cannot start while this one is open.
    const second = await boardFetch(server, `/api/boards/${board.id}/votes/rounds`, {
      method: 'POST',
      body: JSON.stringify({ target: 'pains' }),
    });
    expect(second.status).toBe(409);

    const ana = createParticipant();
    const bo = createParticipant();
    for (const card of [ideas[0]!, ideas[0]!, ideas[1]!]) expect((await vote(board, round, ana, card, 1)).status).toBe(200);
    expect((await vote(board, round, bo, ideas[0]!, 1)).status).toBe(200);

    expect((await mine(board, round, ana)).votes).toEqual({ [ideas[0]!]: 2, [ideas[1]!]: 1 });
    expect((await mine(board, round, bo)).votes).toEqual({ [ideas[0]!]: 1 });
    // Nothing of the votes is in the shared document while the round is open.
    expect(JSON.stringify(facilitationMap(editor.doc).toJSON())).not.toContain(ana.id);
    expect(readRounds(editor.doc)).toEqual([]);
    expect(readVoteCounts(viewer.doc).size).toBe(0);

    const editorClose = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/close`, {
      token: tokenOf(board.links.editor),
      method: 'POST',
    });
    expect(editorClose.status).toBe(403);
    const closed = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/close`, {
      method: 'POST',
    });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ id: round.id, totals: { [ideas[0]!]: 3, [ideas[1]!]: 1 }, voters: 2 });

    for (const client of [editor, viewer]) {
      await vi.waitFor(() => {
        expect(readOpenRound(client.doc)).toBeNull();
        expect(readVoteCounts(client.doc)).toEqual(
          new Map([
            [ideas[0]!, 3],
            [ideas[1]!, 1],
          ]),
        );
      });
    }
    // A closed round takes no more votes; its results stay, and a later round is kept beside it.
    expect((await vote(board, round, bo, ideas[2]!, 1)).status).toBe(409);
    const next = await startRound(board, { target: 'pains' });
    await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${next.id}/close`, { method: 'POST' });
    await vi.waitFor(() => expect(readRounds(viewer.doc).map((r) => r.id)).toEqual([round.id, next.id]));
    const listed = (await (
      await boardFetch(server, `/api/boards/${board.id}/votes/rounds`, { token: tokenOf(board.links.viewer) })
    ).json()) as {
      id: string;
      closedAt: number | null;
    }[];
    expect(listed.map((r) => r.id)).toEqual([round.id, next.id]);
    expect(listed.every((r) => typeof r.closedAt === 'number')).toBe(true);
  });

  it('the facilitator sees how many have voted, of the editors here now and everyone who voted, and nobody’s votes', async () => {
    const { board, ideas } = await boardWithIdeas();
    const round = await startRound(board, { target: 'ideas', votesPerPerson: 2 });
    const [ana, bo, cy] = [createParticipant(), createParticipant(), createParticipant()];
    // Ana (in two tabs) and Bo are on the board with the editor link; Cy votes without being here.
    const here: ConnectedClient[] = [ana, ana, bo].map((who) =>
      connectClient(server, board.id, {
        token: tokenOf(board.links.editor),
        params: { [PARTICIPANT_PARAM]: who.id, [PARTICIPANT_SECRET_PARAM]: who.secret },
      }),
    );
    await Promise.all(here.map((client) => client.synced));
    const progress = async (role: 'facilitator' | 'editor' = 'facilitator') => {
      const res = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/progress`, {
        token: tokenOf(board.links[role]),
        headers: ana.headers,
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    try {
      await vi.waitFor(async () => expect((await progress()).body).toEqual({ voted: 0, eligible: 2 }));
      expect((await vote(board, round, cy, ideas[0]!, 1)).status).toBe(200);
      expect((await progress()).body).toEqual({ voted: 1, eligible: 3 });
      expect((await vote(board, round, ana, ideas[1]!, 1)).status).toBe(200);
      expect((await vote(board, round, ana, ideas[2]!, 1)).status).toBe(200);
      expect((await progress()).body).toEqual({ voted: 2, eligible: 3 });
      // Taking back one's only vote means one has not voted.
      expect((await vote(board, round, cy, ideas[0]!, -1)).status).toBe(200);
      expect((await progress()).body).toEqual({ voted: 1, eligible: 2 });
      // Only the facilitator asks.
      expect((await progress('editor')).status).toBe(403);
    } finally {
      for (const client of here) client.destroy();
    }
  });
});

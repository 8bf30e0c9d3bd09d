import { afterEach, describe, expect, it, vi } from 'vitest';
import { docToBoard, facilitationMap, readOpenToneRound, readToneRounds, type Board, type Card } from '@rejse/shared';
import { boardFetch, createBoard, tokenOf, type CreatedBoard } from '../helpers/server.ts';
import { connectAs, createParticipant, destroyClients, type Participant } from './util.ts';
import { serverForFile } from '../helpers/per-test.ts';

const server = serverForFile();
afterEach(() => destroyClients());

interface ToneRound {
  id: string;
  cardId: string;
}

/** A collection-letters board and its two letters: the collection letter (variants A and B) and the reminder (A only). */
async function letterBoard(): Promise<{ board: CreatedBoard; letter: Card; reminder: Card; phone: Card }> {
  const board = await createBoard(server, { title: 'Collection letters', template: 'collection-letters' });
  const plain = (await (await boardFetch(server, `/api/boards/${board.id}`)).json()) as Board;
  const letter = plain.cards.find((c) => c.message?.a && c.message.b)!;
  const reminder = plain.cards.find((c) => c.message?.a && !c.message.b)!;
  const phone = plain.cards.find((c) => c.kind === 'touchpoint' && c.channel === 'phone')!;
  return { board, letter, reminder, phone };
}

const open = (board: CreatedBoard, body: unknown, role: 'facilitator' | 'editor' = 'facilitator') =>
  boardFetch(server, `/api/boards/${board.id}/tone/rounds`, {
    token: tokenOf(board.links[role]),
    method: 'POST',
    body: JSON.stringify(body),
  });

const rate = (
  board: CreatedBoard,
  round: ToneRound,
  who: Participant,
  body: unknown,
  role: 'editor' | 'facilitator' | 'viewer' = 'editor',
) =>
  boardFetch(server, `/api/boards/${board.id}/tone/rounds/${round.id}/ratings`, {
    token: tokenOf(board.links[role]),
    method: 'POST',
    headers: who.headers,
    body: JSON.stringify(body),
  });

const close = (board: CreatedBoard, round: ToneRound, role: 'facilitator' | 'editor' = 'facilitator') =>
  boardFetch(server, `/api/boards/${board.id}/tone/rounds/${round.id}/close`, {
    token: tokenOf(board.links[role]),
    method: 'POST',
  });

describe('the blind tone round over HTTP', () => {
  it('keeps ratings secret while open, and on closing gives results per variant and reveals the variant in use', async () => {
    const { board, letter } = await letterBoard();
    const viewer = connectAs(server, board, 'viewer');
    await viewer.synced;

    expect((await open(board, { cardId: letter.id }, 'editor')).status).toBe(403);
    const res = await open(board, { cardId: letter.id });
    expect(res.status).toBe(201);
    const round = (await res.json()) as ToneRound;
    expect(round.cardId).toBe(letter.id);
    expect((await open(board, { cardId: letter.id })).status).toBe(409);

    // Everyone's document says a round is open on this letter, and nothing more.
    await vi.waitFor(() => expect(readOpenToneRound(viewer.doc)?.id).toBe(round.id));
    expect(Object.keys(facilitationMap(viewer.doc).get('tone') as object).sort()).toEqual(['cardId', 'id', 'startedAt']);

    const ana = createParticipant();
    const bo = createParticipant();
    const anaOrder = ((await (await rate(board, round, ana, { variant: 'a', rating: 1 })).json()) as { order: string[] }).order;
    expect([...anaOrder].sort()).toEqual(['a', 'b']);
    expect((await rate(board, round, ana, { variant: 'b', rating: 4 })).status).toBe(200);
    expect((await rate(board, round, bo, { variant: 'a', rating: 2 }, 'facilitator')).status).toBe(200);
    expect((await rate(board, round, bo, { variant: 'b', rating: 5 })).status).toBe(200);
    // Changing one's mind replaces the rating.
    expect((await rate(board, round, ana, { variant: 'b', rating: 3 })).status).toBe(200);
    expect((await rate(board, round, createParticipant(), { variant: 'a', rating: 3 }, 'viewer')).status).toBe(403);

    const mine = await boardFetch(server, `/api/boards/${board.id}/tone/rounds/${round.id}/ratings/mine`, {
      token: tokenOf(board.links.editor),
      headers: ana.headers,
    });
    expect(await mine.json()).toEqual({ roundId: round.id, order: anaOrder, ratings: { a: 1, b: 3 } });
    // Nothing of the ratings reaches the document while the round is open.
    expect(JSON.stringify(facilitationMap(viewer.doc).toJSON())).not.toMatch(/rating|inUse/);
    const listed = await (await boardFetch(server, `/api/boards/${board.id}/tone/rounds`, { token: tokenOf(board.links.viewer) })).json();
    expect(listed).toEqual([{ id: round.id, cardId: letter.id, startedAt: expect.any(Number), closedAt: null }]);

    expect((await close(board, round, 'editor')).status).toBe(403);
    const closed = await close(board, round);
    expect(closed.status).toBe(200);
    const result = await closed.json();
    expect(result).toMatchObject({
      id: round.id,
      raters: 2,
      inUse: 'a',
      variants: {
        a: { ratings: 2, mean: 1.5, counts: [1, 1, 0, 0, 0] },
        b: { ratings: 2, mean: 4, counts: [0, 0, 1, 0, 1] },
      },
    });
    await vi.waitFor(() => expect(readToneRounds(viewer.doc)).toEqual([result]));
    expect(readOpenToneRound(viewer.doc)).toBeNull();

    const late = await rate(board, round, ana, { variant: 'a', rating: 5 });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'vote-refused', reason: 'closed' });
    // Closing again gives the same result and writes nothing twice.
    expect(await (await close(board, round)).json()).toEqual(result);
    expect(docToBoard(viewer.doc, board.id).cards.find((c) => c.id === letter.id)?.message?.inUse).toBe('a');
  });

  it('refuses a round on a card that is not a letter with two variants, an unknown card and bad ratings', async () => {
    const { board, letter, reminder, phone } = await letterBoard();
    for (const card of [reminder, phone]) {
      const res = await open(board, { cardId: card.id });
      expect(res.status, card.text).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'wrong-card-kind', field: 'cardId' });
    }
    expect(await (await open(board, { cardId: 'c_nothing' })).json()).toMatchObject({ code: 'card-not-found' });
    const round = (await (await open(board, { cardId: letter.id })).json()) as ToneRound;
    const who = createParticipant();
    for (const [body, field] of [
      [{ variant: 'a', rating: 6 }, 'rating'],
      [{ variant: 'a', rating: 2.5 }, 'rating'],
      [{ variant: 'c', rating: 3 }, 'variant'],
    ] as const) {
      const res = await rate(board, round, who, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid-request', field });
    }
    const anonymous = await boardFetch(server, `/api/boards/${board.id}/tone/rounds/${round.id}/ratings`, {
      token: tokenOf(board.links.editor),
      method: 'POST',
      body: JSON.stringify({ variant: 'a', rating: 3 }),
    });
    expect(await anonymous.json()).toMatchObject({ code: 'participant-required' });
    expect((await boardFetch(server, `/api/boards/${board.id}/tone/rounds/t_nothing/close`, { method: 'POST' })).status).toBe(404);
  });
});

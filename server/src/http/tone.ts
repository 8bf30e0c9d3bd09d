import type { Hono } from 'hono';
import {
  SERVER_ORIGIN,
  canHoldToneRound,
  randomId,
  readToneCard,
  readToneRounds,
  tallyTone,
  toneOrder,
  toneRatingRequestSchema,
  toneRoundRequestSchema,
  writeOpenToneRound,
  writeToneResult,
  type MyToneResponse,
  type ToneRoundResponse,
  type ToneRoundResult,
  type ToneRoundResultResponse,
} from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import type { StoredToneRound, ToneStore } from '../storage/tone.ts';
import { boardRole, requireParticipant, type AuthDeps } from './auth.ts';
import { jsonBody, validate } from './body.ts';
import { errorResponse, HttpError } from './errors.ts';
import type { LiveBoards } from './live.ts';

export interface ToneRoutesDeps extends AuthDeps {
  live: LiveBoards;
  tone: ToneStore;
}

const publicRound = (round: StoredToneRound): ToneRoundResponse => ({
  id: round.id,
  cardId: round.cardId,
  startedAt: round.startedAt,
  closedAt: round.closedAt,
});

/**
 * The blind tone round of a letter (facilitator opens and closes; editors and the facilitator
 * rate; viewers see the results). While a round is open its ratings live only here, tied to a
 * participant identity, so each person sees only their own; the document shows that a round
 * is open, never which variant is in use. Closing writes the results per variant and the
 * variant in use into the document (server origin) for everyone.
 */
export function mountToneRoutes(app: Hono, deps: ToneRoutesDeps): void {
  const roundOf = (boardId: string, roundId: string): StoredToneRound => {
    const round = deps.tone.round(boardId, roundId);
    if (!round) throw new HttpError(404, 'round-not-found', `unknown tone round "${roundId.slice(0, 80)}"`);
    return round;
  };

  const mine = (boardId: string, round: StoredToneRound, participantId: string): MyToneResponse => ({
    roundId: round.id,
    order: toneOrder(round.id, participantId),
    ratings: Object.fromEntries(deps.tone.participantRatings(boardId, round.id, participantId)),
  });

  app.get('/api/boards/:id/tone/rounds', boardRole(deps, 'viewer'), (c) => c.json(deps.tone.rounds(c.req.param('id')).map(publicRound)));

  app.post(
    '/api/boards/:id/tone/rounds',
    boardRole(deps, 'facilitator'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', toneRoundRequestSchema),
    (c) => {
      const boardId = c.req.param('id');
      const { cardId } = c.req.valid('json');
      const open = deps.tone.openRound(boardId);
      if (open) throw new HttpError(409, 'round-open', `tone round "${open.id}" is still open; close it first`);
      const card = deps.live.read(boardId, (doc) => readToneCard(doc, cardId));
      if (!card) throw new HttpError(404, 'card-not-found', `unknown card "${cardId.slice(0, 80)}"`);
      if (!canHoldToneRound(card)) {
        throw new HttpError(400, 'wrong-card-kind', 'a tone round needs a letter, SMS or e-mail touchpoint with both variants written', {
          field: 'cardId',
        });
      }
      const round: StoredToneRound = { id: `t_${randomId(10)}`, cardId, startedAt: deps.now(), closedAt: null };
      deps.tone.createRound(boardId, round);
      deps.live.edit(boardId, (doc) => writeOpenToneRound(doc, { id: round.id, cardId, startedAt: round.startedAt }, SERVER_ORIGIN));
      return c.json(publicRound(round), 201);
    },
  );

  app.post(
    '/api/boards/:id/tone/rounds/:roundId/ratings',
    boardRole(deps, 'editor'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', toneRatingRequestSchema),
    (c) => {
      const boardId = c.req.param('id');
      const participantId = requireParticipant(c, deps, boardId);
      const round = roundOf(boardId, c.req.param('roundId'));
      const { variant, rating } = c.req.valid('json');
      // The body is read: nothing may come between this check and the write below.
      if (deps.tone.round(boardId, round.id)?.closedAt !== null) {
        return errorResponse(c, 409, 'vote-refused', 'this tone round is closed', { reason: 'closed' });
      }
      deps.tone.setRating(boardId, round.id, participantId, variant, rating);
      return c.json(mine(boardId, round, participantId));
    },
  );

  app.get('/api/boards/:id/tone/rounds/:roundId/ratings/mine', boardRole(deps, 'editor'), (c) => {
    const boardId = c.req.param('id');
    const participantId = requireParticipant(c, deps, boardId);
    return c.json(mine(boardId, roundOf(boardId, c.req.param('roundId')), participantId));
  });

  app.post('/api/boards/:id/tone/rounds/:roundId/close', boardRole(deps, 'facilitator'), (c) => {
    const boardId = c.req.param('id');
    const round = roundOf(boardId, c.req.param('roundId'));
    const closedAt = round.closedAt ?? deps.now();
    if (round.closedAt === null) deps.tone.closeRound(boardId, round.id, closedAt);
    const { variants, raters } = tallyTone(deps.tone.roundRatings(boardId, round.id));
    // The variant in use is revealed now, as it is at closing (the card may be gone: then not said).
    const inUse = deps.live.read(boardId, (doc) => readToneCard(doc, round.cardId)?.message?.inUse);
    const result: ToneRoundResult & ToneRoundResultResponse = {
      id: round.id,
      cardId: round.cardId,
      startedAt: round.startedAt,
      closedAt,
      raters,
      variants,
      inUse: inUse ?? null,
    };
    // Closing again rewrites the results if they never reached the document (a storage failure on the first try).
    deps.live.edit(boardId, (doc) => {
      const written = readToneRounds(doc).find((r) => r.id === round.id);
      if (!written) writeToneResult(doc, result, SERVER_ORIGIN);
      else result.inUse = written.inUse;
    });
    return c.json(result);
  });
}

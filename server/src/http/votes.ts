import type { Hono } from 'hono';
import {
  SERVER_ORIGIN,
  cardsMap,
  checkVote,
  parseVoteRoundSettings,
  randomId,
  readRounds,
  tallyVotes,
  voteTargetKind,
  votesUsed,
  writeOpenRound,
  writeRoundResult,
  type OpenVoteRound,
  type VoteRoundResult,
  type VoteTarget,
} from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import type { StoredVoteRound } from '../storage/votes.ts';
import { requireBoardAccess, requireParticipant, type AuthDeps } from './auth.ts';
import { isPlainObject, readJsonBody } from './body.ts';
import { badRequest, HttpError, notFound } from './errors.ts';
import type { LiveBoards } from './live.ts';

export interface VoteRoutesDeps extends AuthDeps {
  live: LiveBoards;
}

const conflict = (message: string): HttpError => new HttpError(409, message);

const publicRound = (round: StoredVoteRound) => ({
  id: round.id,
  target: round.target,
  votesPerPerson: round.votesPerPerson,
  allowMultiplePerCard: round.allowMultiplePerCard,
  startedAt: round.startedAt,
  closedAt: round.closedAt,
});

const REFUSALS = {
  'no-votes-left': 'you have used all your votes in this round',
  'one-per-card': 'this round allows one vote per card',
  'nothing-to-retract': 'you have no vote on this card to take back',
} as const;

/**
 * Dot voting. While a round is open its votes live only here (SQLite), tied to a
 * participant identity, so each person sees only their own; closing the round writes the
 * totals into the board document (server origin) for everyone, and keeps them.
 */
export function mountVoteRoutes(app: Hono, deps: VoteRoutesDeps): void {
  const roundOf = (boardId: string, roundId: string): StoredVoteRound => {
    const round = deps.store.votes.round(boardId, roundId);
    if (!round) throw notFound(`unknown voting round "${roundId.slice(0, 80)}"`);
    return round;
  };

  const mine = (boardId: string, round: StoredVoteRound, participantId: string) => {
    const votes = deps.store.votes.participantVotes(boardId, round.id, participantId);
    const used = votesUsed(votes);
    return { roundId: round.id, votes: Object.fromEntries(votes), used, remaining: Math.max(0, round.votesPerPerson - used) };
  };

  app.get('/api/boards/:id/votes/rounds', (c) => {
    const boardId = c.req.param('id');
    requireBoardAccess(c, deps, boardId, 'viewer');
    return c.json(deps.store.votes.rounds(boardId).map(publicRound));
  });

  app.post('/api/boards/:id/votes/rounds', async (c) => {
    const boardId = c.req.param('id');
    requireBoardAccess(c, deps, boardId, 'facilitator');
    const parsed = parseVoteRoundSettings((await readJsonBody(c, SERVER_LIMITS.httpBodyBytes)) ?? {});
    if (!parsed.ok) throw badRequest(parsed.error);
    const open = deps.store.votes.openRound(boardId);
    if (open) throw conflict(`round "${open.id}" is still open; close it first`);
    const round: OpenVoteRound = { id: `v_${randomId(10)}`, ...parsed.value, startedAt: deps.now() };
    deps.store.votes.createRound(boardId, { ...round, closedAt: null });
    deps.live.edit(boardId, (doc) => writeOpenRound(doc, round, SERVER_ORIGIN));
    return c.json(publicRound({ ...round, closedAt: null }), 201);
  });

  app.post('/api/boards/:id/votes/rounds/:roundId/votes', async (c) => {
    const boardId = c.req.param('id');
    requireBoardAccess(c, deps, boardId, 'editor');
    const participantId = requireParticipant(c, deps, boardId);
    const round = roundOf(boardId, c.req.param('roundId'));
    const body = await readJsonBody(c, SERVER_LIMITS.httpBodyBytes);
    if (!isPlainObject(body) || typeof body.cardId !== 'string' || (body.delta !== 1 && body.delta !== -1)) {
      throw badRequest('the body must be like {"cardId": "…", "delta": 1} (delta 1 casts a vote, -1 takes one back)');
    }
    const { cardId, delta } = body;
    // Checked after the body was read: nothing may come between this check and the write below.
    if (deps.store.votes.round(boardId, round.id)?.closedAt !== null) return c.json({ error: 'this round is closed', reason: 'closed' }, 409);
    const kind = deps.live.read(boardId, (doc) => {
      const record = cardsMap(doc).get(cardId);
      return record ? record.get('kind') : undefined;
    });
    if (kind === undefined) throw notFound(`unknown card "${cardId.slice(0, 80)}"`);
    if (kind !== voteTargetKind(round.target as VoteTarget)) {
      throw badRequest(`this round votes on ${round.target}; that card is not one`);
    }
    const current = deps.store.votes.participantVotes(boardId, round.id, participantId);
    const check = checkVote({ ...round, target: round.target as VoteTarget }, current, cardId, delta);
    if (!check.ok) return c.json({ error: REFUSALS[check.reason], reason: check.reason }, 409);
    deps.store.votes.setVote(boardId, round.id, participantId, cardId, check.count);
    return c.json(mine(boardId, round, participantId));
  });

  app.get('/api/boards/:id/votes/rounds/:roundId/votes/mine', (c) => {
    const boardId = c.req.param('id');
    requireBoardAccess(c, deps, boardId, 'editor');
    const participantId = requireParticipant(c, deps, boardId);
    return c.json(mine(boardId, roundOf(boardId, c.req.param('roundId')), participantId));
  });

  app.post('/api/boards/:id/votes/rounds/:roundId/close', (c) => {
    const boardId = c.req.param('id');
    requireBoardAccess(c, deps, boardId, 'facilitator');
    const round = roundOf(boardId, c.req.param('roundId'));
    const closedAt = round.closedAt ?? deps.now();
    if (round.closedAt === null) deps.store.votes.closeRound(boardId, round.id, closedAt);
    const { totals, voters } = tallyVotes(deps.store.votes.roundVotes(boardId, round.id));
    const result: VoteRoundResult = {
      id: round.id,
      target: round.target as VoteTarget,
      votesPerPerson: round.votesPerPerson,
      allowMultiplePerCard: round.allowMultiplePerCard,
      startedAt: round.startedAt,
      closedAt,
      totals,
      voters,
    };
    // Closing again rewrites the results if they never reached the document (a storage failure on the first try).
    deps.live.edit(boardId, (doc) => {
      if (!readRounds(doc).some((r) => r.id === round.id)) writeRoundResult(doc, result, SERVER_ORIGIN);
    });
    return c.json(result);
  });
}

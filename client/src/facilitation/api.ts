import {
  PARTICIPANT_HEADER,
  PARTICIPANT_SECRET_HEADER,
  boardAccessSchema,
  myVotesSchema,
  privateCountsSchema,
  readApiAnswer,
  revealResponseSchema,
  rotatedLinkSchema,
  shownLinksSchema,
  serverTimeSchema,
  timerResponseSchema,
  voteProgressSchema,
  voteRoundResultSchema,
  voteRoundSchema,
  type ApiErrorCode,
  type ApiSchema,
  type MyVotesResponse,
  type OpenVoteRound,
  type PrivateCountsResponse,
  type Role,
  type SharedRole,
  type ShownLinksResponse,
  type TimerAction,
  type TimerValue,
  type VoteProgressResponse,
  type VoteRoundRequest,
  type VoteRoundResult,
} from '@rejse/shared';
import type { ParticipantIdentity } from './participant.ts';

/** A refused or failed facilitation request; `status` 0 when the server could not be reached. */
export class FacilitationApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's machine-readable reason (votes: 'no-votes-left', 'one-per-card', …). */
    readonly reason: string | null = null,
    /** The server's stable error code (`API_ERROR_CODES`); null when it sent none. */
    readonly code: ApiErrorCode | null = null,
  ) {
    super(message);
    this.name = 'FacilitationApiError';
  }
}

export type MyVotes = MyVotesResponse;

export interface FacilitationApi {
  access(): Promise<Role>;
  time(): Promise<number>;
  timer(action: TimerAction): Promise<TimerValue>;
  startRound(settings: VoteRoundRequest): Promise<OpenVoteRound>;
  closeRound(roundId: string): Promise<VoteRoundResult>;
  vote(roundId: string, cardId: string, delta: 1 | -1): Promise<MyVotes>;
  myVotes(roundId: string): Promise<MyVotes>;
  /** How many have voted in the open round, of how many could (facilitator). */
  voteProgress(roundId: string): Promise<VoteProgressResponse>;
  revealDrafts(options: { showAuthors: boolean }): Promise<number>;
  /** How many private cards each person holds (facilitator; never their text). */
  privateCounts(): Promise<PrivateCountsResponse['counts']>;
  rotateLink(role: SharedRole): Promise<{ token: string; link: string; closedConnections: number }>;
  /** The links as the server can show them again (facilitator), and who is connected on each now. */
  shownLinks(): Promise<ShownLinksResponse>;
}

export type ApiCall = <T>(
  path: string,
  schema: ApiSchema<T>,
  init?: { method?: string; body?: unknown; asParticipant?: boolean },
) => Promise<T>;

/**
 * One request to the board API with this browser's token (and participant identity when
 * asked); the answer checked by the shared schema, a failure thrown as `FacilitationApiError`.
 */
export function createApiCall(token: string | null, participant: ParticipantIdentity): ApiCall {
  return async function call<T>(
    path: string,
    schema: ApiSchema<T>,
    init: { method?: string; body?: unknown; asParticipant?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.asParticipant) {
      headers[PARTICIPANT_HEADER] = participant.id;
      headers[PARTICIPANT_SECRET_HEADER] = participant.secret;
    }
    let response: Response;
    try {
      response = await fetch(path, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch (error) {
      throw new FacilitationApiError(0, error instanceof Error ? error.message : String(error));
    }
    const answer = readApiAnswer(schema, response.status, await response.json().catch(() => null));
    if (answer.ok) return answer.value;
    const { status, message, reason, code } = answer.failure;
    throw new FacilitationApiError(status, message || `HTTP ${status}`, reason, code);
  };
}

/** The board's facilitation endpoints, with this browser's token and participant identity; answers checked by the shared schemas. */
export function createFacilitationApi(boardId: string, token: string | null, participant: ParticipantIdentity): FacilitationApi {
  const base = `/api/boards/${encodeURIComponent(boardId)}`;
  const call = createApiCall(token, participant);

  const round = (roundId: string) => `${base}/votes/rounds/${encodeURIComponent(roundId)}`;

  return {
    async access() {
      return (await call(`${base}/access`, boardAccessSchema)).role;
    },
    async time() {
      return (await call('/api/time', serverTimeSchema)).now;
    },
    async timer(action) {
      return (await call(`${base}/timer`, timerResponseSchema, { method: 'POST', body: action })).timer;
    },
    startRound(settings) {
      return call(`${base}/votes/rounds`, voteRoundSchema, { method: 'POST', body: settings });
    },
    closeRound(roundId) {
      return call(`${round(roundId)}/close`, voteRoundResultSchema, { method: 'POST' });
    },
    vote(roundId, cardId, delta) {
      return call(`${round(roundId)}/votes`, myVotesSchema, {
        method: 'POST',
        body: { cardId, delta },
        asParticipant: true,
      });
    },
    myVotes(roundId) {
      return call(`${round(roundId)}/votes/mine`, myVotesSchema, { asParticipant: true });
    },
    voteProgress(roundId) {
      return call(`${round(roundId)}/progress`, voteProgressSchema);
    },
    async revealDrafts(options) {
      return (await call(`${base}/private/reveal`, revealResponseSchema, { method: 'POST', body: options })).revealed;
    },
    async privateCounts() {
      return (await call(`${base}/private/counts`, privateCountsSchema)).counts;
    },
    async rotateLink(role) {
      const {
        token: rotated,
        link,
        closedConnections,
      } = await call(`${base}/links/${role}/rotate`, rotatedLinkSchema, {
        method: 'POST',
      });
      return { token: rotated, link, closedConnections };
    },
    shownLinks() {
      return call(`${base}/links`, shownLinksSchema);
    },
  };
}

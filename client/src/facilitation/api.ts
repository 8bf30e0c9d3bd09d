import {
  PARTICIPANT_HEADER,
  PARTICIPANT_SECRET_HEADER,
  isRole,
  type OpenVoteRound,
  type Role,
  type SharedRole,
  type TimerAction,
  type TimerValue,
  type VoteRoundResult,
  type VoteRoundSettings,
} from '@rejse/shared';
import type { ParticipantIdentity } from './participant.ts';

/** A refused or failed facilitation request; `status` 0 when the server could not be reached. */
export class FacilitationApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's machine-readable reason (votes: 'no-votes-left', 'one-per-card', …). */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'FacilitationApiError';
  }
}

export interface MyVotes {
  roundId: string;
  votes: Record<string, number>;
  used: number;
  remaining: number;
}

export interface FacilitationApi {
  access(): Promise<Role>;
  time(): Promise<number>;
  timer(action: TimerAction): Promise<TimerValue>;
  startRound(settings: Partial<VoteRoundSettings> & Pick<VoteRoundSettings, 'target'>): Promise<OpenVoteRound>;
  closeRound(roundId: string): Promise<VoteRoundResult>;
  vote(roundId: string, cardId: string, delta: 1 | -1): Promise<MyVotes>;
  myVotes(roundId: string): Promise<MyVotes>;
  revealDrafts(): Promise<number>;
  rotateLink(role: SharedRole): Promise<{ token: string; link: string }>;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function toMyVotes(body: unknown): MyVotes {
  const r = record(body);
  const votes: Record<string, number> = {};
  for (const [cardId, count] of Object.entries(record(r.votes))) if (typeof count === 'number') votes[cardId] = count;
  return {
    roundId: typeof r.roundId === 'string' ? r.roundId : '',
    votes,
    used: typeof r.used === 'number' ? r.used : 0,
    remaining: typeof r.remaining === 'number' ? r.remaining : 0,
  };
}

/** The board's facilitation endpoints, with this browser's token and participant identity. */
export function createFacilitationApi(boardId: string, token: string | null, participant: ParticipantIdentity): FacilitationApi {
  const base = `/api/boards/${encodeURIComponent(boardId)}`;

  async function call(path: string, init: { method?: string; body?: unknown; asParticipant?: boolean } = {}): Promise<unknown> {
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
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const r = record(body);
      throw new FacilitationApiError(
        response.status,
        typeof r.error === 'string' ? r.error : `HTTP ${response.status}`,
        typeof r.reason === 'string' ? r.reason : null,
      );
    }
    return body;
  }

  return {
    async access() {
      const role = record(await call(`${base}/access`)).role;
      if (!isRole(role)) throw new FacilitationApiError(500, 'the server named no role');
      return role;
    },
    async time() {
      const now = record(await call('/api/time')).now;
      if (typeof now !== 'number') throw new FacilitationApiError(500, 'the server sent no time');
      return now;
    },
    async timer(action) {
      return record(await call(`${base}/timer`, { method: 'POST', body: action })).timer as TimerValue;
    },
    async startRound(settings) {
      return (await call(`${base}/votes/rounds`, { method: 'POST', body: settings })) as OpenVoteRound;
    },
    async closeRound(roundId) {
      return (await call(`${base}/votes/rounds/${encodeURIComponent(roundId)}/close`, { method: 'POST' })) as VoteRoundResult;
    },
    async vote(roundId, cardId, delta) {
      return toMyVotes(
        await call(`${base}/votes/rounds/${encodeURIComponent(roundId)}/votes`, {
          method: 'POST',
          body: { cardId, delta },
          asParticipant: true,
        }),
      );
    },
    async myVotes(roundId) {
      return toMyVotes(await call(`${base}/votes/rounds/${encodeURIComponent(roundId)}/votes/mine`, { asParticipant: true }));
    },
    async revealDrafts() {
      const revealed = record(await call(`${base}/private/reveal`, { method: 'POST' })).revealed;
      return typeof revealed === 'number' ? revealed : 0;
    },
    async rotateLink(role) {
      const r = record(await call(`${base}/links/${role}/rotate`, { method: 'POST' }));
      return { token: String(r.token ?? ''), link: String(r.link ?? '') };
    },
  };
}

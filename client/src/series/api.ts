import {
  PARTICIPANT_HEADER,
  PARTICIPANT_SECRET_HEADER,
  activityResponseSchema,
  boardSchema,
  compareResponseSchema,
  readApiAnswer,
  restoreResponseSchema,
  runSheetAnswerSchema,
  snapshotInfoSchema,
  snapshotListSchema,
  type ActivityResponse,
  type ApiSchema,
  type Board,
  type CompareResponse,
  type RestoreResponse,
  type RunSheetAnswer,
  type SnapshotInfo,
  type SnapshotList,
} from '@rejse/shared';
import { FacilitationApiError } from '../facilitation/api.ts';
import type { ParticipantIdentity } from '../facilitation/participant.ts';

/** The series endpoints (version history, run-sheet steps, activity) with this browser's token and identity. */
export interface SeriesApi {
  snapshots(): Promise<SnapshotList>;
  takeSnapshot(name: string): Promise<SnapshotInfo>;
  snapshotBoard(id: string): Promise<Board>;
  compare(id: string, withId: string | 'live'): Promise<CompareResponse>;
  restore(id: string, cardId?: string): Promise<RestoreResponse>;
  startSession(sessionId: string, phaseIndex?: number): Promise<RunSheetAnswer>;
  nextPhase(): Promise<RunSheetAnswer>;
  endSession(): Promise<RunSheetAnswer>;
  activity(since: number): Promise<ActivityResponse>;
}

/** A snapshot's board: the shared board schema (its inferred ids are plain strings, the type brands them). */
const snapshotBoardSchema = boardSchema as unknown as ApiSchema<Board>;

export function createSeriesApi(boardId: string, token: string | null, participant: ParticipantIdentity): SeriesApi {
  const base = `/api/boards/${encodeURIComponent(boardId)}`;
  async function call<T>(path: string, schema: ApiSchema<T>, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      [PARTICIPANT_HEADER]: participant.id,
      [PARTICIPANT_SECRET_HEADER]: participant.secret,
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch (error) {
      throw new FacilitationApiError(0, error instanceof Error ? error.message : String(error));
    }
    const answer = readApiAnswer(schema, response.status, await response.json().catch(() => null));
    if (answer.ok) return answer.value;
    throw new FacilitationApiError(
      answer.failure.status,
      answer.failure.message || `HTTP ${answer.failure.status}`,
      answer.failure.reason,
      answer.failure.code,
    );
  }
  const snapshot = (id: string) => `/snapshots/${encodeURIComponent(id)}`;
  return {
    snapshots: () => call('/snapshots', snapshotListSchema),
    takeSnapshot: (name) => call('/snapshots', snapshotInfoSchema, { method: 'POST', body: { name } }),
    snapshotBoard: (id) => call(`${snapshot(id)}/board.json`, snapshotBoardSchema),
    compare: (id, withId) => call(`${snapshot(id)}/compare?with=${encodeURIComponent(withId)}`, compareResponseSchema),
    restore: (id, cardId) =>
      call(cardId ? `${snapshot(id)}/cards/${encodeURIComponent(cardId)}/restore` : `${snapshot(id)}/restore`, restoreResponseSchema, {
        method: 'POST',
      }),
    startSession: (sessionId, phaseIndex = 0) =>
      call('/runsheet/start', runSheetAnswerSchema, { method: 'POST', body: { sessionId, phaseIndex } }),
    nextPhase: () => call('/runsheet/next', runSheetAnswerSchema, { method: 'POST' }),
    endSession: () => call('/runsheet/end', runSheetAnswerSchema, { method: 'POST' }),
    activity: (since) => call(`/activity?since=${Math.max(0, Math.floor(since))}`, activityResponseSchema),
  };
}

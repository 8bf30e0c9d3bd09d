import type { z } from 'zod';
import { API_ERROR_CODES, REFUSAL_REASONS, type ApiErrorCode } from './errors.ts';

/** A response schema (clients type their requests by it without depending on zod themselves). */
export type ApiSchema<T> = z.ZodType<T>;

/** Why a request did not give what was asked: from the error body, as far as it could be read. */
export interface ApiFailure {
  /** HTTP status; 2xx when the answer did not match its schema. */
  status: number;
  /** The stable code, or null when the answer had none (a proxy's page, an unreadable body). */
  code: ApiErrorCode | null;
  /** The server's message for people ('' when there was none). */
  message: string;
  /** Which rule refused a vote (`vote-refused`), or why a board file was (`invalid-board-file`). */
  reason: (typeof REFUSAL_REASONS)[number] | null;
  /** The first problems of a refused import (`invalid-board-file`). */
  problems: string[];
}

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads an API answer (its status and its JSON body, null when it was not JSON): a success
 * body by its schema, an error body for its code, message and details.
 */
export function readApiAnswer<T>(schema: ApiSchema<T>, status: number, body: unknown): ApiAnswer<T> {
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, failure: { status, code: null, message: '', reason: null, problems: [] } };
  }
  const error = isRecord(body) ? body : {};
  const code = (API_ERROR_CODES as readonly unknown[]).includes(error.code) ? (error.code as ApiErrorCode) : null;
  const reason = (REFUSAL_REASONS as readonly unknown[]).includes(error.reason) ? (error.reason as ApiFailure['reason']) : null;
  const problems = Array.isArray(error.problems) ? error.problems.filter((p): p is string => typeof p === 'string') : [];
  return {
    ok: false,
    failure: { status, code, message: typeof error.error === 'string' ? error.error : '', reason, problems },
  };
}

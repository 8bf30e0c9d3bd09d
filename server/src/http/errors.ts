import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody, ApiErrorCode } from '@rejse/shared';

/** What an error answer may carry besides its message and code. */
export type ApiErrorDetails = Omit<ApiErrorBody, 'error' | 'code'>;

/**
 * An error with an HTTP status and a stable code (`@rejse/shared` `API_ERROR_CODES`) whose
 * message is safe to show the client: the answer is `{ "error": message, "code": code, …details }`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON answer for an error (every HTTP error of the API goes through here). */
export const errorResponse = (
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  details: ApiErrorDetails = {},
  headers?: Record<string, string>,
): Response => c.json({ error: message, code, ...details } satisfies ApiErrorBody, status, headers);

/** 400 for a wrong field of the body, query or path; `field` names it when there is one. */
export const badRequest = (message: string, field?: string): HttpError =>
  new HttpError(400, 'invalid-request', message, field ? { field } : {});

export const boardNotFound = (boardId: string): HttpError =>
  new HttpError(404, 'board-not-found', `unknown board "${boardId.slice(0, 80)}"`);

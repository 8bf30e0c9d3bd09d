import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error with an HTTP status whose message is safe to show the client as `{ "error": message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);
export const notFound = (message: string): HttpError => new HttpError(404, message);

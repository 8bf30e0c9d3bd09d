import { zValidator } from '@hono/zod-validator';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import type { z, ZodType } from 'zod';
import { HttpError, badRequest } from './errors.ts';

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} bytes`;

/** `application/json`, optionally with parameters, or any `+json` type. */
function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The parsed body of each checked request, so a route reads an 8 MiB import once, not twice. */
const parsedBodies = new WeakMap<Request, unknown>();

/** The JSON body `jsonBody` checked; undefined for an empty body. */
export function checkedJson(c: Context): unknown {
  if (!parsedBodies.has(c.req.raw)) throw new Error('checkedJson needs the jsonBody middleware on this route');
  return parsedBodies.get(c.req.raw);
}

/**
 * Reads the body as JSON text, with errors that say what is wrong: 413 over `limit` bytes
 * (Hono's `bodyLimit`: by Content-Length, else by counting the streamed bytes), 415 for a
 * body that is not sent as JSON, 400 for bytes that are not UTF-8 or not JSON (the parser's
 * message names the position). To the validators an empty body reads as `{}`, so optional
 * fields take their defaults. Then `c.req.json()` and the validators below read the checked body.
 */
export function jsonBody(limit: number): MiddlewareHandler {
  const limitSize = bodyLimit({
    maxSize: limit,
    onError: (c) => {
      // The rest of the body is never read: the connection cannot carry another request, so
      // say so, or a keep-alive client reuses it and its next request fails.
      c.header('Connection', 'close');
      throw new HttpError(413, 'body-too-large', `request body is larger than the limit of ${formatBytes(limit)}`);
    },
  });
  const checkJson: MiddlewareHandler = async (c, next) => {
    // Read from the raw request (not c.req's cache), then hand a fresh request on with the checked text.
    const bytes = c.req.raw.body ? new Uint8Array(await c.req.raw.arrayBuffer()) : new Uint8Array(0);
    let text = '';
    if (bytes.byteLength > 0) {
      if (!isJsonContentType(c.req.header('content-type'))) {
        throw new HttpError(415, 'unsupported-media-type', 'request body must be JSON, sent with Content-Type: application/json');
      }
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new HttpError(400, 'invalid-json', 'request body is not valid JSON: it is not UTF-8 text');
      }
    }
    let parsed: unknown;
    if (text.trim() === '') text = '{}';
    else {
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : 'parse error';
        throw new HttpError(400, 'invalid-json', `request body is not valid JSON: ${detail}`);
      }
    }
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', 'application/json');
    headers.delete('content-length');
    c.req.raw = new Request(c.req.raw, { body: text, headers });
    parsedBodies.set(c.req.raw, parsed);
    await next();
  };
  return every(limitSize, checkJson);
}

/** Names the first problem zod found: "title must be a string", or "votesPerPerson: …". */
function describeIssue(issue: { path: PropertyKey[]; message: string }): { message: string; field?: string } {
  const field = issue.path.map(String).join('.');
  if (!field) return { message: issue.message };
  return { message: issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`, field };
}

/**
 * Hono's zod validator with the shared schema, answering a refusal as our 400
 * `invalid-request` naming the field (the default answer would dump zod's whole result).
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    const first = result.error.issues[0];
    const { message, field } = describeIssue(first ?? { path: [], message: `invalid ${target}` });
    throw badRequest(message, field);
  });
}

/**
 * Checks values a handler reads after its access check (path parameters), with the same
 * 400 as `validate`: a stranger is told 401/404 before anything about the rest of the request.
 */
export function parseParams<Schema extends ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { message, field } = describeIssue(result.error.issues[0] ?? { path: [], message: 'invalid request' });
  throw badRequest(message, field);
}

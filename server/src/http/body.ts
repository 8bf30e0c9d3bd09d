import type { Context } from 'hono';
import { HttpError } from './errors.ts';

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} bytes`;

const tooLarge = (limit: number): HttpError =>
  new HttpError(413, `request body is larger than the limit of ${formatBytes(limit)}`);

/** `application/json`, optionally with parameters, or any `+json` type. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Reads the raw body, refusing more than `limit` bytes: first by the declared
 * Content-Length, then by counting the bytes actually streamed (a chunked body or a
 * lying header cannot get past it).
 */
export async function readBodyBytes(c: Context, limit: number): Promise<Uint8Array> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && declared.trim() !== '') {
    const length = Number(declared);
    if (!Number.isFinite(length) || length < 0) throw new HttpError(400, 'invalid Content-Length header');
    if (length > limit) throw tooLarge(limit);
  }
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The JSON body, or undefined when the body is empty. Errors say what is wrong:
 * 413 over the limit, 415 for a non-JSON content type, 400 with the parser's message
 * (which names the position) for malformed JSON.
 */
export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  const bytes = await readBodyBytes(c, limit);
  if (bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new HttpError(415, 'request body must be JSON, sent with Content-Type: application/json');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON: it is not UTF-8 text');
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    throw new HttpError(400, `request body is not valid JSON: ${detail}`);
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * HTTP abuse limits against the real server process: board creation and import are
 * rate-limited per client address (the real default values), an import nested 100,000
 * levels deep is a clear 400, and a token cookie is never read.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema, createdBoardSchema } from '@rejse/shared';
import { SERVER_LIMITS } from '../../server/src/config.ts';
import { serverForFile } from '../helpers/per-test.ts';

// Empty values: the server's own defaults, not the test helper's generous ones.
const server = serverForFile({ env: { REJSE_RATE_LIMIT_CREATE: '', REJSE_RATE_LIMIT_IMPORT: '' } });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A JSON POST from a chosen loopback source address (Linux routes all of 127.0.0.0/8 to lo). */
function postFrom(localAddress: string, path: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? (JSON.parse(text) as unknown) : null,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const boardFile = (boardId: string) =>
  fetch(`${server.url}/api/boards/${boardId}/board.json`, {
    headers: { authorization: `Bearer ${tokens.get(boardId)}` },
  }).then((r) => r.text());
const tokens = new Map<string, string>();

describe('per-address limits on the unauthenticated routes', () => {
  it(`board creation: ${SERVER_LIMITS.boardCreationsPerMinute} a minute per address, then 429 with Retry-After; another address is not affected`, async () => {
    const limit = SERVER_LIMITS.boardCreationsPerMinute;
    for (let i = 0; i < limit; i++) {
      const created = await postFrom('127.0.0.1', '/api/boards', JSON.stringify({ title: `Board ${i}` }));
      expect(created.status, `board ${i}`).toBe(201);
      const board = createdBoardSchema.parse(created.body);
      tokens.set(board.id, board.token);
    }
    const refused = await postFrom('127.0.0.1', '/api/boards', '{}');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(apiErrorSchema.parse(refused.body)).toMatchObject({ code: 'rate-limited' });
    // Someone else (another address) still creates boards.
    expect((await postFrom('127.0.0.2', '/api/boards', '{}')).status).toBe(201);
  });

  it(`board import: ${SERVER_LIMITS.boardImportsPerMinute} a minute per address, refused files counted too`, async () => {
    const [someBoard] = [...tokens.keys()];
    const file = await boardFile(someBoard!);
    const limit = SERVER_LIMITS.boardImportsPerMinute;
    for (let i = 0; i < limit; i++) {
      const answer = await postFrom('127.0.0.3', '/api/boards/import', i === 0 ? '{"not": "a board"}' : file);
      expect(answer.status, `import ${i}`).toBe(i === 0 ? 400 : 201);
    }
    const refused = await postFrom('127.0.0.3', '/api/boards/import', file);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(apiErrorSchema.parse(refused.body)).toMatchObject({ code: 'rate-limited' });
    expect((await postFrom('127.0.0.4', '/api/boards/import', file)).status).toBe(201);
  });
});

describe('hostile bodies and headers', () => {
  it('an import nested 100,000 levels deep is a 400 that says so, and the server carries on', async () => {
    const depth = 100_000;
    const files = [
      `{"schemaVersion": 1, "title": "deep", "personas": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
      `{"schemaVersion": 1, "title": "deep", "cards": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
    ];
    for (const [index, file] of files.entries()) {
      const answer = await postFrom('127.0.0.5', '/api/boards/import', file);
      expect(answer.status, `file ${index}`).toBe(400);
      const error = apiErrorSchema.parse(answer.body);
      expect(error.code).toBe('invalid-board-file');
      if (index < 2) expect(error.error).toMatch(/levels deep/);
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('a malformed token cookie gets the normal 401, not a 500', async () => {
    const [boardId] = [...tokens.keys()];
    for (const cookie of ['rejse_token=%E0%A4%A', 'rejse_token=%']) {
      const res = await fetch(`${server.url}/api/boards/${boardId}/access`, { headers: { cookie } });
      expect(res.status).toBe(401);
      expect(apiErrorSchema.parse(await res.json())).toMatchObject({ code: 'unauthorized' });
    }
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { API_ERROR_CODES, apiErrorSchema, createdBoardSchema, type ApiErrorBody } from '@rejse/shared';
import type { HttpRateLimits } from './rate-limit.ts';
import { clientAddressKey } from './rate-limit.ts';
import { createTestApp, postJson } from './test-app.ts';

const setup = (rateLimits: Partial<HttpRateLimits> = {}) => createTestApp({ rateLimits }).app;
/** An error answer, checked against the shared schema (so its `code` is one of the documented ones). */
async function errorOf(res: Response): Promise<ApiErrorBody> {
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return apiErrorSchema.parse(await res.json());
}

describe('the HTTP contract', () => {
  let app: ReturnType<typeof setup>;
  let board: { id: string; token: string };
  const auth = (token = board.token) => ({ authorization: `Bearer ${token}` });
  beforeEach(async () => {
    app = setup();
    const res = await app.request('/api/boards', postJson({ title: 'Contract' }));
    board = createdBoardSchema.parse(await res.json());
  });

  it('a created board matches the shared response schema', async () => {
    const res = await app.request('/api/boards', postJson({ title: 'Second', locale: 'da-dk', currency: 'DKK' }));
    expect(res.status).toBe(201);
    expect(createdBoardSchema.safeParse(await res.json()).success).toBe(true);
  });

  it('a bad field is a 400 that names the field, in the message and as `field`', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/api/boards', { title: 5 }, 'title'],
      ['/api/boards', { locale: 'not a tag!' }, 'locale'],
      ['/api/boards', { currency: 'GBP' }, 'currency'],
      [`/api/boards/ID/votes/rounds`, { target: 'ideas', votesPerPerson: 0 }, 'votesPerPerson'],
      [`/api/boards/ID/votes/rounds`, { target: 'everything' }, 'target'],
      [`/api/boards/ID/timer`, { type: 'start', durationMs: 'soon' }, 'durationMs'],
    ];
    for (const [path, body, field] of cases) {
      const res = await app.request(path.replace('ID', board.id), postJson(body, auth()));
      expect(res.status, path).toBe(400);
      const error = await errorOf(res);
      expect(error, JSON.stringify(body)).toMatchObject({ code: 'invalid-request', field });
      expect(error.error).toContain(field);
    }
  });

  it('a body that is not an object, and an unknown timer action, are 400s that say what is expected', async () => {
    const notObject = await errorOf(await app.request('/api/boards', postJson('[1,2]')));
    expect(notObject).toMatchObject({ code: 'invalid-request', error: expect.stringMatching(/JSON object/) });
    const timer = await errorOf(await app.request(`/api/boards/${board.id}/timer`, postJson({ type: 'explode' }, auth())));
    expect(timer).toMatchObject({ code: 'invalid-request', error: expect.stringMatching(/timer action/) });
  });

  it('a caller without access is told so before its body is looked at', async () => {
    const res = await app.request(`/api/boards/${board.id}/timer`, postJson('{not json'));
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: 'unauthorized' });
  });

  it('an error for each status carries its stable code', async () => {
    const checks: Array<[Response | Promise<Response>, number, string]> = [
      [app.request('/api/boards', postJson('{"title": ')), 400, 'invalid-json'],
      [app.request('/api/boards', postJson({ template: 'nope' })), 400, 'unknown-template'],
      [app.request(`/api/boards/${board.id}`), 401, 'unauthorized'],
      [app.request('/api/boards'), 403, 'forbidden'],
      [app.request('/api/boards/nosuchboard'), 404, 'board-not-found'],
      [app.request(`/api/boards/${board.id}/votes/rounds/v_nope/close`, { method: 'POST', headers: auth() }), 404, 'round-not-found'],
      [app.request('/api/nothing'), 404, 'route-not-found'],
      [app.request('/api/boards', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }), 415, 'unsupported-media-type'],
      [
        app.request('/api/boards', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(2 ** 21) },
          body: '{}',
        }),
        413,
        'body-too-large',
      ],
      [app.request(`/api/boards/${board.id}/timer`, postJson({ type: 'pause' }, auth())), 409, 'timer-conflict'],
    ];
    for (const [response, status, code] of checks) {
      const res = await response;
      expect(res.status, code).toBe(status);
      expect((await errorOf(res)).code).toBe(code);
    }
  });

  it('a known path with a method it does not have is a JSON 405 listing the allowed ones', async () => {
    const res = await app.request('/api/time', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/GET/);
    expect(await errorOf(res)).toMatchObject({ code: 'method-not-allowed' });
    const put = await app.request(`/api/boards/${board.id}/timer`, { method: 'PUT', headers: auth() });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
  });

  it('a token in a cookie is never read: a malformed or even a valid one gets the normal 401', async () => {
    for (const cookie of ['rejse_token=%E0%A4%A', `rejse_token=${board.token}`, 'rejse_token=%']) {
      const res = await app.request(`/api/boards/${board.id}/access`, { headers: { cookie } });
      expect(res.status, cookie).toBe(401);
      expect(await errorOf(res)).toMatchObject({ code: 'unauthorized' });
    }
    const bearer = await app.request(`/api/boards/${board.id}/access`, { headers: auth() });
    expect(await bearer.json()).toEqual({ boardId: board.id, role: 'facilitator' });
  });

  it('the documented codes are unique', () => {
    expect(new Set(API_ERROR_CODES).size).toBe(API_ERROR_CODES.length);
  });
});

describe('per-address rate limits', () => {
  it('board creation past the limit is a 429 JSON with Retry-After, and creates nothing', async () => {
    const app = setup({ createPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await app.request('/api/boards', postJson({}))).status).toBe(201);
    const refused = await app.request('/api/boards', postJson({ title: 'one too many' }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await errorOf(refused)).toMatchObject({ code: 'rate-limited', error: expect.stringMatching(/3 a minute/) });
    // Import has its own budget.
    expect((await app.request('/api/boards/import', postJson({}))).status).toBe(400);
  });

  it('IPv4 addresses are keyed as they are, IPv6 by their /64', () => {
    expect(clientAddressKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(clientAddressKey('10.0.0.7')).toBe('10.0.0.7');
    expect(clientAddressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey(undefined)).toBe('unknown');
  });
});

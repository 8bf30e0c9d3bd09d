import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './routes.ts';

describe('routes', () => {
  it('maps the root to the home page and a board path to that board', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/b/abc123')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute('/b/abc123/')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute(boardPath('k_9-x'))).toEqual({ page: 'board', boardId: 'k_9-x' });
  });

  it('sends anything else, including malformed board ids, to the not-found page', () => {
    expect(parseRoute('/boards')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/a/b')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/%3Cscript%3E')).toEqual({ page: 'not-found' });
  });
});

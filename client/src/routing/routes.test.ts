import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './routes.ts';

describe('routes', () => {
  it('maps the root to the home page and a board path to that board', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/b/abc123')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute('/b/abc123/')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute(boardPath('k_9-x'))).toEqual({ page: 'board', boardId: 'k_9-x' });
  });

  it('maps a board’s to-do list and report to views of that board', () => {
    expect(parseRoute('/b/abc123/actions')).toEqual({ page: 'board', boardId: 'abc123', view: 'actions' });
    expect(parseRoute('/b/abc123/report/')).toEqual({ page: 'board', boardId: 'abc123', view: 'report' });
    expect(boardPath('abc123', 'actions')).toBe('/b/abc123/actions');
    expect(boardPath('abc123')).toBe('/b/abc123');
  });

  it('sends anything else, including malformed board ids, to the not-found page', () => {
    expect(parseRoute('/boards')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/a/b')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/abc123/actions/x')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/%3Cscript%3E/actions')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/%3Cscript%3E')).toEqual({ page: 'not-found' });
  });
});

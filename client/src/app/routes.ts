import { isValidId, type BoardId } from '@rejse/shared';

export type Route = { page: 'home' } | { page: 'board'; boardId: BoardId } | { page: 'not-found' };

/** The page for a path: `/`, `/b/<boardId>`, or not found. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    const id = decodeURIComponent(match[1] as string);
    if (isValidId(id)) return { page: 'board', boardId: id as BoardId };
  }
  return { page: 'not-found' };
}

export const boardPath = (id: string): string => `/b/${encodeURIComponent(id)}`;

import { isValidId, type BoardId } from '@rejse/shared';

/** A board's views besides the map: the prioritised to-do list, the printable report, and the dunning time view. */
const BOARD_VIEWS = ['actions', 'report', 'time'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

/** `view` is absent for the map, so a plain board route reads as before. */
export type Route = { page: 'home' } | { page: 'board'; boardId: BoardId; view?: BoardView } | { page: 'not-found' };

const isBoardView = (value: string): value is BoardView => (BOARD_VIEWS as readonly string[]).includes(value);

/** The page for a path: `/`, `/b/<boardId>`, `/b/<boardId>/actions`, `/b/<boardId>/report`, or not found. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/b\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (match) {
    const id = decodeURIComponent(match[1] as string);
    const view = match[2];
    if (isValidId(id) && view === undefined) return { page: 'board', boardId: id as BoardId };
    if (isValidId(id) && view !== undefined && isBoardView(view)) return { page: 'board', boardId: id as BoardId, view };
  }
  return { page: 'not-found' };
}

export const boardPath = (id: string, view?: BoardView): string => `/b/${encodeURIComponent(id)}${view ? `/${view}` : ''}`;

import type { BoardId } from '@rejse/shared';
import { BoardSession } from '../doc/session.ts';
import type { BoardAccess } from '../facilitation/boardAccess.ts';
import { openEarlyLink, takeEarlyBoard } from './earlyBoard.ts';

/** A board being opened: its live session, and the question of this browser's role on it. */
export interface OpenedBoard {
  session: BoardSession;
  access: Promise<BoardAccess>;
}

/**
 * The opened board for the board page: the one the entry opened for this board (`earlyBoard.ts`,
 * taken once), else opened now; either way with its session around the board's link.
 */
export function takeOpenedBoard(boardId: BoardId): OpenedBoard {
  const { link, access } = takeEarlyBoard(boardId) ?? openEarlyLink(boardId);
  return { session: new BoardSession(boardId, link), access };
}

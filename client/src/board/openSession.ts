import type { BoardId } from '@rejse/shared';
import { wsBaseFor } from '../doc/connection.ts';
import { BoardSession } from '../doc/session.ts';
import { participantFor } from '../facilitation/participant.ts';
import { askBoardAccessEarly } from '../facilitation/useBoardAccess.ts';
import { knownToken, rememberBoard, takeTokenFromAddress } from '../routing/knownBoards.ts';

/** A session opened before the first render (see `openSessionEarly`), not yet taken by its page. */
let early: BoardSession | null = null;

function openBoardSession(boardId: BoardId): BoardSession {
  // A secret link brings its token in the address: keep it for this board, then hide it.
  const fromLink = takeTokenFromAddress(window.location, window.history);
  if (fromLink) rememberBoard({ id: boardId, token: fromLink, openedAt: Date.now() });
  return new BoardSession(boardId, wsBaseFor(window.location), fromLink ?? knownToken(boardId), participantFor(boardId));
}

/**
 * Opens the board's session as the app starts (main.tsx), before React renders anything, so
 * its socket connects and the board arrives while the page's first render runs instead of
 * after it; and asks for this browser's role on it at the same time.
 */
export function openSessionEarly(boardId: BoardId): void {
  early?.destroy();
  early = openBoardSession(boardId);
  // After the token is taken from the address (the question presents it).
  askBoardAccessEarly(boardId);
}

/** The session for the board page: the one opened early for this board (once), else a new one. */
export function takeBoardSession(boardId: BoardId): BoardSession {
  const found = early;
  early = null;
  if (found?.boardId === boardId) return found;
  found?.destroy();
  return openBoardSession(boardId);
}

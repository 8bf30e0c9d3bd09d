import type { BoardId } from '@rejse/shared';
import { wsBaseFor } from '../doc/connection.ts';
import { BoardSession } from '../doc/session.ts';
import { participantFor } from '../facilitation/participant.ts';
import { askBoardAccess, type BoardAccess } from '../facilitation/boardAccess.ts';
import { knownToken, rememberBoard, takeTokenFromAddress } from '../routing/knownBoards.ts';

/** A board being opened: its live session, and the question of this browser's role on it. */
export interface OpenedBoard {
  session: BoardSession;
  access: Promise<BoardAccess>;
}

/** A board opened before the first render (see `openBoardEarly`), not yet taken by its page. */
let early: OpenedBoard | null = null;

/**
 * Opens the board's socket and asks for the role at the same time: asked after the socket,
 * the question would queue behind the board's load on the server.
 */
function openBoard(boardId: BoardId): OpenedBoard {
  // A secret link brings its token in the address: keep it for this board, then hide it.
  const fromLink = takeTokenFromAddress(window.location, window.history);
  if (fromLink) rememberBoard({ id: boardId, token: fromLink, openedAt: Date.now() });
  // The role question leaves first: it reaches the server before the socket, which has the
  // server decode the board right after its first answer.
  const access = askBoardAccess(boardId);
  const session = new BoardSession(boardId, wsBaseFor(window.location), fromLink ?? knownToken(boardId), participantFor(boardId));
  return { session, access };
}

/**
 * Opens the board as the app starts (main.tsx), before React renders anything, so the board
 * and the role arrive while the page's first render runs instead of after it.
 */
export function openBoardEarly(boardId: BoardId): OpenedBoard {
  early?.session.destroy();
  early = openBoard(boardId);
  return early;
}

/**
 * Resolves once the session has the board, or can say why not (a closed door: not found, no
 * access, reload), or after `ms` — whichever comes first.
 */
export function loadedOrAfter(session: BoardSession, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const settled = () => {
      const { loaded, connection } = session.status.get();
      return loaded || ['not-found', 'denied', 'reload', 'refused'].includes(connection);
    };
    if (settled()) return resolve();
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = session.status.subscribe(() => {
      if (settled()) done();
    });
  });
}

/** The opened board for the board page: the one opened early for this board (once), else a new one. */
export function takeOpenedBoard(boardId: BoardId): OpenedBoard {
  const found = early;
  early = null;
  if (found?.session.boardId === boardId) return found;
  found?.session.destroy();
  return openBoard(boardId);
}

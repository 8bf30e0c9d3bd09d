import type { BoardId } from '@rejse/shared';
import { openBoardLink, type BoardLink } from '../doc/boardLink.ts';
import { wsBaseFor } from '../doc/connection.ts';
import { askBoardAccess, type BoardAccess } from '../facilitation/boardAccess.ts';
import { participantFor } from '../facilitation/participant.ts';
import { findKnownBoard, rememberBoard, takeTokenFromAddress } from '../routing/knownBoards.ts';

/**
 * Opening a board's socket and asking for the role, from the page's entry (`main.ts`), before
 * the app's code is evaluated: the board arrives, and Yjs applies it, while the rest of the page
 * loads. Imports no schema and no React, so the entry stays small (see client/CONTEXT.md).
 * The board page takes what was opened here (`openSession.ts`).
 */
export interface EarlyBoard {
  boardId: BoardId;
  link: BoardLink;
  access: Promise<BoardAccess>;
}

/** The board opened by the entry, until its page takes it. */
let early: EarlyBoard | null = null;

/** Opens the board: the role question first (it reaches the server before the socket), then the socket. */
export function openEarlyLink(boardId: BoardId): EarlyBoard {
  // A secret link brings its token in the address: keep it for this board, then hide it.
  const fromLink = takeTokenFromAddress(window.location, window.history);
  // Read (and written) once: the role question and the socket both present the board's token.
  const known = fromLink ? rememberBoard({ id: boardId, token: fromLink, openedAt: Date.now() }) : findKnownBoard(boardId);
  const access = askBoardAccess(boardId, known);
  const link = openBoardLink(boardId, wsBaseFor(window.location), known?.token ?? null, participantFor(boardId));
  return { boardId, link, access };
}

/** Opens the board as the page starts (main.ts). */
export function openBoardEarly(boardId: BoardId): EarlyBoard {
  early?.link.destroy();
  early = openEarlyLink(boardId);
  return early;
}

/** The board opened early, if it is this one (once); another board's is closed. */
export function takeEarlyBoard(boardId: BoardId): EarlyBoard | null {
  const found = early;
  early = null;
  if (found?.boardId === boardId) return found;
  found?.link.destroy();
  return null;
}

/**
 * Resolves once the board has arrived, or the connection was closed for good (not found, no
 * access, reload), or after `ms` — whichever comes first.
 */
export function loadedOrAfter(link: BoardLink, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const settled = () => link.everSynced() || link.fatalCode() !== null;
    if (settled()) return resolve();
    const done = () => {
      clearTimeout(timer);
      link.provider.off('sync', check);
      link.provider.off('connection-close', check);
      resolve();
    };
    // After the link's own listeners (registered first): they record what `settled` reads.
    const check = () => {
      if (settled()) done();
    };
    const timer = setTimeout(done, ms);
    link.provider.on('sync', check);
    link.provider.on('connection-close', check);
  });
}

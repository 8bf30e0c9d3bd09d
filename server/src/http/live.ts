import type * as Y from 'yjs';
import type { Role } from '@rejse/shared';

/** What the routes learn of an open connection: its role, how it was proven, and its participant if it named one. */
interface OpenConnection {
  role: Role;
  via: 'link' | 'admin';
  participantId?: string;
}

/**
 * What the HTTP routes may do to live boards (implemented by the sync layer, see
 * sync/live-boards.ts), so that http/ never reaches into rooms or sockets itself.
 */
export interface LiveBoards {
  /**
   * Runs `edit` on the board's document in one transaction with the server's origin: the
   * change is stored and broadcast like any client's update. Loads the board if no one is
   * connected. Undefined for an unknown board; throws if the board cannot be loaded or stored.
   */
  edit<T>(boardId: string, edit: (doc: Y.Doc) => T): T | undefined;
  /** Reads the live document (or a throw-away copy of the stored one). Undefined for an unknown board. */
  read<T>(boardId: string, read: (doc: Y.Doc) => T): T | undefined;
  /** Closes the board's open connections whose role matches; returns how many. */
  closeConnections(boardId: string, match: (access: OpenConnection) => boolean, reason: { code: number; reason: string }): number;
  /** How many of the board's open connections match (who a rotation with the same match would close). */
  countConnections(boardId: string, match: (access: OpenConnection) => boolean): number;
  /**
   * Copies every participant's private drafts into the board, empties them and ends private
   * mode. With `showAuthors` each card's text begins with its author's name from the board's
   * people directory ("Anders: …"); without, nothing says who wrote what. Returns the number
   * of cards revealed.
   */
  revealDrafts(boardId: string, options?: { showAuthors?: boolean }): number | undefined;
  /** How many private cards each participant holds now (by participant id; none are left out as 0). Never their text. */
  privateCounts(boardId: string): Map<string, number>;
}

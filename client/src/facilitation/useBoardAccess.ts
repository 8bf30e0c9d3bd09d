import { isRole, type Role } from '@rejse/shared';
import { useEffect, useState } from 'react';
import { knownToken, readKnownBoards, rememberBoard } from '../routing/knownBoards.ts';

export interface BoardAccess {
  token: string | null;
  role: Role;
}

/** Asks the server which role this browser's token grants on the board (remembered with it). */
function fetchAccess(boardId: string): Promise<BoardAccess> {
  const token = knownToken(boardId);
  const remembered = readKnownBoards().find((b) => b.id === boardId)?.role;
  const fallback: Role = isRole(remembered) ? remembered : 'viewer';
  return fetch(`/api/boards/${encodeURIComponent(boardId)}/access`, {
    headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  })
    .then(async (response) => {
      const body = (await response.json().catch(() => null)) as { role?: unknown } | null;
      return response.ok && isRole(body?.role) ? body.role : fallback;
    })
    .catch(() => fallback)
    .then((role) => {
      if (role !== remembered) rememberBoard({ id: boardId, role });
      return { token, role };
    });
}

/** Answers asked for before the page rendered, each taken once by `useBoardAccess`. */
const askedEarly = new Map<string, Promise<BoardAccess>>();

/**
 * Asks now, as the app starts (board/openSession.ts): the question then reaches the server
 * before the board's socket does, instead of queueing behind the board's load there, and the
 * page does not wait for the answer after the board has arrived.
 */
export function askBoardAccessEarly(boardId: string): void {
  if (!askedEarly.has(boardId)) askedEarly.set(boardId, fetchAccess(boardId));
}

/**
 * This browser's token for the board and the role it grants, asked of the server
 * (`GET /api/boards/:id/access`) and remembered with the board. Null while asking. When the
 * server cannot be asked, the remembered role is used; a refused token shows up on the
 * board's socket as "no access" anyway.
 */
export function useBoardAccess(boardId: string): BoardAccess | null {
  const [access, setAccess] = useState<BoardAccess | null>(null);
  useEffect(() => {
    let live = true;
    const early = askedEarly.get(boardId);
    askedEarly.delete(boardId);
    void (early ?? fetchAccess(boardId)).then((answer) => {
      if (live) setAccess(answer);
    });
    return () => {
      live = false;
    };
  }, [boardId]);
  return access;
}

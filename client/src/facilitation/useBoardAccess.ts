import { isRole, type Role } from '@rejse/shared';
import { useEffect, useState } from 'react';
import { knownToken, readKnownBoards, rememberBoard } from '../routing/knownBoards.ts';

export interface BoardAccess {
  token: string | null;
  role: Role;
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
    const token = knownToken(boardId);
    const remembered = readKnownBoards().find((b) => b.id === boardId)?.role;
    const fallback: Role = isRole(remembered) ? remembered : 'viewer';
    fetch(`/api/boards/${encodeURIComponent(boardId)}/access`, {
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as { role?: unknown } | null;
        return response.ok && isRole(body?.role) ? body.role : fallback;
      })
      .catch(() => fallback)
      .then((role) => {
        if (!live) return;
        if (role !== remembered) rememberBoard({ id: boardId, role });
        setAccess({ token, role });
      });
    return () => {
      live = false;
    };
  }, [boardId]);
  return access;
}

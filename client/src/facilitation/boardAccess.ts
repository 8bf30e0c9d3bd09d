import { isRole, type Role } from '@rejse/shared';
import { rememberBoard, type KnownBoard } from '../routing/knownBoards.ts';

export interface BoardAccess {
  token: string | null;
  role: Role;
}

/**
 * Asks the server which role this browser's token grants on the board
 * (`GET /api/boards/:id/access`), remembered with the board. When the server cannot be asked,
 * the remembered role is the answer; a refused token shows up on the board's socket as
 * "no access" anyway. Asked as the board opens (board/earlyBoard.ts), before its socket.
 */
export function askBoardAccess(
  boardId: string,
  /** What this browser remembers of the board (its token, its last role), read once by the caller. */
  known: KnownBoard | undefined,
): Promise<BoardAccess> {
  const asked = fetchBoardAccess(boardId, known);
  void asked.then((answer) => answers.set(asked, answer));
  return asked;
}

/** Answers already come, by question: a page that mounts after the answer renders with it at once. */
const answers = new WeakMap<Promise<BoardAccess>, BoardAccess>();

/** The answer to `asked` if it has come, else null. */
export const answerOf = (asked: Promise<BoardAccess>): BoardAccess | null => answers.get(asked) ?? null;

function fetchBoardAccess(boardId: string, known: KnownBoard | undefined): Promise<BoardAccess> {
  const token = known?.token ?? null;
  const remembered = known?.role;
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

import { CLOSE, PARTICIPANT_PARAM, PARTICIPANT_SECRET_PARAM } from '@rejse/shared';
import { verifyParticipant } from '../auth/participants.ts';
import type { BoardStore } from '../storage/store.ts';
import { accessFor, type ConnectionAccess } from './access.ts';
import type { CloseReason } from './connection.ts';

/**
 * A board socket may name its participant (`?participant=<id>&secret=<secret>`, the same
 * identity as votes and drafts, bound to the secret's hash on first use). Then the server
 * knows who writes: the permission table lets that connection write only its own comments
 * and people entry. Without them the connection works as before but cannot comment.
 * Someone else's id, or a malformed one, is refused (4403) rather than silently ignored.
 */
export function withParticipant(
  access: ConnectionAccess,
  params: URLSearchParams,
  boardId: string,
  store: BoardStore,
  now: number,
): ConnectionAccess | CloseReason {
  const participantId = params.get(PARTICIPANT_PARAM);
  if (participantId === null) return access;
  const check = verifyParticipant(store, boardId, participantId, params.get(PARTICIPANT_SECRET_PARAM), now);
  if (check !== 'ok') return CLOSE.FORBIDDEN;
  return accessFor(access.role, access.via, participantId);
}

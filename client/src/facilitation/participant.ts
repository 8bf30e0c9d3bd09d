import { createParticipantIdentity, isParticipantId, isParticipantSecret } from '@rejse/shared';

/**
 * This browser's participant identity on a board (votes, private drafts): made once, kept
 * in localStorage. The secret never leaves this browser except to this board's server.
 */
export interface ParticipantIdentity {
  id: string;
  secret: string;
}

const key = (boardId: string): string => `rejse.participant.${boardId}`;
/** When storage is blocked the identity lasts as long as the tab. */
const inMemory = new Map<string, ParticipantIdentity>();

export function participantFor(boardId: string): ParticipantIdentity {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(key(boardId)) ?? 'null');
    if (stored && typeof stored === 'object') {
      const { id, secret } = stored as Record<string, unknown>;
      if (isParticipantId(id) && isParticipantSecret(secret)) return { id, secret };
    }
  } catch {
    // Unreadable or blocked storage: fall through to a fresh identity.
  }
  const remembered = inMemory.get(boardId);
  if (remembered) return remembered;
  const fresh = createParticipantIdentity();
  inMemory.set(boardId, fresh);
  try {
    globalThis.localStorage?.setItem(key(boardId), JSON.stringify(fresh));
  } catch {
    // Not persisted: a reload makes a new identity (votes already cast stay counted).
  }
  return fresh;
}

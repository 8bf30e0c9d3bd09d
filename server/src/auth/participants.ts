import { isParticipantId, isParticipantSecret } from '@rejse/shared';
import type { BoardStore } from '../storage/store.ts';
import { hashSecret, sameHash } from './tokens.ts';

export type ParticipantCheck = 'ok' | 'invalid' | 'mismatch';

/**
 * Proves a participant identity (see `createParticipantIdentity` in shared): the first time
 * an id is seen on a board it is bound to the hash of the secret that came with it; after
 * that only the same secret is accepted. 'invalid' = malformed id or secret; 'mismatch' =
 * someone else's id.
 */
export function verifyParticipant(
  store: Pick<BoardStore, 'links'>,
  boardId: string,
  participantId: string | null | undefined,
  secret: string | null | undefined,
  now: number,
): ParticipantCheck {
  if (!isParticipantId(participantId) || !isParticipantSecret(secret)) return 'invalid';
  const hash = hashSecret(secret);
  const bound = store.links.participantSecretHash(boardId, participantId);
  if (bound) return sameHash(bound, hash) ? 'ok' : 'mismatch';
  store.links.addParticipant(boardId, participantId, hash, now);
  return 'ok';
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Role } from '@rejse/shared';

/**
 * Links that a facilitator can see again, on any device, without the server keeping them
 * readable. Next to the SHA-256 hash (which is what access is checked against), the editor's
 * and viewer's tokens are stored *sealed*: AES-256-GCM under a key derived (HKDF-SHA-256)
 * from the facilitator's token, which the server itself keeps only as a hash.
 *
 * The trade-off, in short:
 * - A copy of the database still hands out nothing: opening a seal needs the facilitator
 *   token, and that is stored only as a hash (192 random bits, so the hash cannot be reversed).
 * - Whoever holds the facilitator link can show the editor and viewer links again — which
 *   they could already replace at will, so nothing new is given away.
 * - The server sees the facilitator token in memory while a request runs (it already does on
 *   every request and connection); it never writes it, nor the opened tokens, anywhere.
 * - The operator's admin token cannot open the seals (it is not the facilitator token): a
 *   link made or replaced with the admin token is not sealed, and a replaced facilitator link
 *   leaves older seals unreadable. Those links show as "make a new link" instead.
 * The seal is bound to the board and role (GCM's associated data), so one cannot be moved to
 * another board or role.
 */
const SEAL_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_INFO = 'rejse: sealed shared links v1';

function keyFor(facilitatorToken: string, boardId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(facilitatorToken, 'utf8'), Buffer.from(boardId, 'utf8'), KEY_INFO, 32));
}

const associatedData = (boardId: string, role: Role): Buffer => Buffer.from(`${boardId}\u0000${role}`, 'utf8');

/** `token` sealed for whoever holds `facilitatorToken`: version ‖ nonce ‖ tag ‖ ciphertext. */
export function sealLink(facilitatorToken: string, boardId: string, role: Role, token: string): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(facilitatorToken, boardId), nonce);
  cipher.setAAD(associatedData(boardId, role));
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([SEAL_VERSION]), nonce, cipher.getAuthTag(), sealed]));
}

/** The token inside a seal, or undefined when this facilitator token (board, role) cannot open it. */
export function openSealedLink(facilitatorToken: string, boardId: string, role: Role, sealed: Uint8Array): string | undefined {
  if (sealed.byteLength <= 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== SEAL_VERSION) return undefined;
  const bytes = Buffer.from(sealed);
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(facilitatorToken, boardId), nonce);
    decipher.setAAD(associatedData(boardId, role));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

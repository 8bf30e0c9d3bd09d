import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@rejse/shared';
import type { BoardStore } from '../storage/store.ts';
import { openSealedLink, sealLink } from './sealed-links.ts';

/**
 * Secret links. Each board has one token per role (facilitator, editor, viewer): 192 random
 * bits from the OS CSPRNG, base64url. Only SHA-256 hashes are stored, and they are compared
 * in constant time, so a copy of the database does not hand out access and a timing probe
 * learns nothing. The token itself is shown when the board is created, or when the
 * facilitator rotates a link (which revokes the old one at once); the editor's and viewer's
 * are also kept sealed for the facilitator, who can see them again (auth/sealed-links.ts).
 */
const TOKEN_BYTES = 24;
/** What a token can look like; anything else is refused before hashing. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

export const createSecretToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

export const hashSecret = (secret: string): Uint8Array => new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());

/** Constant-time equality of two hashes (different lengths are simply unequal). */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

const isTokenShaped = (value: unknown): value is string => typeof value === 'string' && TOKEN_PATTERN.test(value);

/** How a request proved its role: with the board's own link, or with the server's admin token. */
export type AccessVia = 'link' | 'admin';

export interface BoardAccess {
  role: Role;
  via: AccessVia;
}

/** Issues all three links of a new board and returns the tokens; the editor's and viewer's are sealed for the facilitator. */
export function issueBoardTokens(store: Pick<BoardStore, 'links'>, boardId: string, now: number): Record<Role, string> {
  const facilitator = createSecretToken();
  const tokens: Record<Role, string> = { facilitator, editor: createSecretToken(), viewer: createSecretToken() };
  for (const role of ROLES) {
    const sealed = role === 'facilitator' ? null : sealLink(facilitator, boardId, role, tokens[role]);
    store.links.setToken(boardId, role, hashSecret(tokens[role]), now, sealed);
  }
  return tokens;
}

/**
 * Replaces one role's link; the old token stops working at once. Returns the new token. Given
 * the facilitator's token (a facilitator rotating with their own link), an editor's or viewer's
 * new token is sealed so it can be shown again; with the admin token it cannot be.
 */
export function rotateBoardToken(
  store: Pick<BoardStore, 'links'>,
  boardId: string,
  role: Role,
  now: number,
  facilitatorToken: string | null = null,
): string {
  const token = createSecretToken();
  const sealed = role !== 'facilitator' && facilitatorToken ? sealLink(facilitatorToken, boardId, role, token) : null;
  store.links.setToken(boardId, role, hashSecret(token), now, sealed);
  return token;
}

/** The board's links as tokens, opened with the facilitator's token; null where a link cannot be shown again. */
export function showBoardTokens(
  store: Pick<BoardStore, 'links'>,
  boardId: string,
  facilitatorToken: string | null,
): Record<Role, string | null> {
  const shown: Record<Role, string | null> = { facilitator: facilitatorToken, editor: null, viewer: null };
  if (!facilitatorToken) return shown;
  for (const stored of store.links.tokens(boardId)) {
    if ((stored.role === 'editor' || stored.role === 'viewer') && stored.sealed) {
      const token = openSealedLink(facilitatorToken, boardId, stored.role, stored.sealed);
      // Only a seal that still matches the live hash is shown (a stale seal would show a dead link).
      if (token && sameHash(hashSecret(token), stored.tokenHash)) shown[stored.role] = token;
    }
  }
  return shown;
}

/**
 * The role a token grants on a board, or undefined. The server's admin token (when set)
 * acts as the facilitator on every board, so an operator can recover boards whose links
 * were lost. Every stored hash is compared, without stopping at the first match.
 */
export function resolveBoardToken(
  store: Pick<BoardStore, 'links'>,
  boardId: string,
  token: string | null | undefined,
  adminToken: string | null,
): BoardAccess | undefined {
  if (!isTokenShaped(token)) return undefined;
  const hash = hashSecret(token);
  if (adminToken && sameHash(hash, hashSecret(adminToken))) return { role: 'facilitator', via: 'admin' };
  let found: Role | undefined;
  for (const stored of store.links.tokens(boardId)) {
    if (sameHash(stored.tokenHash, hash) && (ROLES as readonly string[]).includes(stored.role)) found = stored.role as Role;
  }
  return found ? { role: found, via: 'link' } : undefined;
}

/** True when `token` is the admin token (constant time). */
export function isAdminToken(token: string | null | undefined, adminToken: string | null): boolean {
  if (!adminToken || !isTokenShaped(token)) return false;
  return sameHash(hashSecret(token), hashSecret(adminToken));
}

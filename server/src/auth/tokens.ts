import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@rejse/shared';
import type { BoardStore } from '../storage/store.ts';

/**
 * Secret links. Each board has one token per role (facilitator, editor, viewer): 192 random
 * bits from the OS CSPRNG, base64url. Only SHA-256 hashes are stored, and they are compared
 * in constant time, so a copy of the database does not hand out access and a timing probe
 * learns nothing. The token itself is shown once: when the board is created, or when the
 * facilitator rotates a link (which revokes the old one at once).
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

export const isTokenShaped = (value: unknown): value is string => typeof value === 'string' && TOKEN_PATTERN.test(value);

/** How a request proved its role: with the board's own link, or with the server's admin token. */
export type AccessVia = 'link' | 'admin';

export interface BoardAccess {
  role: Role;
  via: AccessVia;
}

/** Issues all three links of a new board and returns the tokens (the only time they exist in clear). */
export function issueBoardTokens(store: Pick<BoardStore, 'links'>, boardId: string, now: number): Record<Role, string> {
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const token = createSecretToken();
    store.links.setToken(boardId, role, hashSecret(token), now);
    tokens[role] = token;
  }
  return tokens;
}

/** Replaces one role's link; the old token stops working at once. Returns the new token. */
export function rotateBoardToken(store: Pick<BoardStore, 'links'>, boardId: string, role: Role, now: number): string {
  const token = createSecretToken();
  store.links.setToken(boardId, role, hashSecret(token), now);
  return token;
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

/**
 * Who a person is on a board, by the secret link they opened. The server decides what each
 * role may do (see server/src/sync/access.ts); the client only hides what it would refuse.
 */
export const ROLES = ['viewer', 'editor', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

/** The roles whose links the facilitator can rotate (the facilitator link itself is permanent). */
export const SHARED_ROLES = ['editor', 'viewer'] as const;
export type SharedRole = (typeof SHARED_ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
export const isSharedRole = (value: unknown): value is SharedRole =>
  typeof value === 'string' && (SHARED_ROLES as readonly string[]).includes(value);

/** True when `role` has at least the rights of `needed` (viewer < editor < facilitator). */
export const roleAtLeast = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/**
 * A participant is one browser on one board: a random id plus a secret only that browser
 * knows. The server binds the id to the secret's hash on first use, so votes and private
 * drafts cannot be cast or read in someone else's name.
 */
export const PARTICIPANT_HEADER = 'X-Rejse-Participant';
export const PARTICIPANT_SECRET_HEADER = 'X-Rejse-Participant-Secret';
/** Query parameter carrying the participant secret on the drafts WebSocket (browsers cannot set headers there). */
export const PARTICIPANT_SECRET_PARAM = 'secret';
/** Query parameter carrying the participant id on the board WebSocket (with the secret: whose comments it may write). */
export const PARTICIPANT_PARAM = 'participant';

const PARTICIPANT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** At least 128 bits in base64url, at most a generous bound for a header. */
const PARTICIPANT_SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

export const isParticipantId = (value: unknown): value is string => typeof value === 'string' && PARTICIPANT_ID_PATTERN.test(value);
export const isParticipantSecret = (value: unknown): value is string => typeof value === 'string' && PARTICIPANT_SECRET_PATTERN.test(value);

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `bytes` random bytes from the platform CSPRNG as base64url (no padding). */
export function randomBase64Url(bytes: number): string {
  const raw = new Uint8Array(bytes);
  crypto.getRandomValues(raw);
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of raw) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64URL[(buffer >> bits) & 63];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE64URL[(buffer << (6 - bits)) & 63];
  return out;
}

/** A fresh participant identity (id 96 bits, secret 192 bits), made once per browser and board. */
export function createParticipantIdentity(): { id: string; secret: string } {
  return { id: randomBase64Url(18), secret: randomBase64Url(24) };
}

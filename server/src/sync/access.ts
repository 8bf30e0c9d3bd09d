/**
 * What one connection may do on its board. Resolved once when the connection opens; the
 * sync layer asks it before applying anything the client sends.
 *
 * Today every connection that knows a board's id may edit it (the id is the secret).
 * Roles from `?token=` (viewer, editor, facilitator) slot in here: `resolveAccess` gets
 * the token, and a viewer gets `canEditDocument: false`.
 */
export interface ConnectionAccess {
  /** Apply this connection's document updates (a viewer's are refused). */
  canEditDocument: boolean;
  /** Relay this connection's presence (cursor, selection) to the others. */
  canSharePresence: boolean;
}

export const FULL_ACCESS: ConnectionAccess = Object.freeze({ canEditDocument: true, canSharePresence: true });

export interface AccessRequest {
  boardId: string;
  /** The `?token=` query parameter, if any (reserved; accepted and not checked yet). */
  token: string | null;
}

export type AccessDecision = { ok: true; access: ConnectionAccess } | { ok: false; close: { code: number; reason: string } };

export function resolveAccess(_request: AccessRequest): AccessDecision {
  return { ok: true, access: FULL_ACCESS };
}

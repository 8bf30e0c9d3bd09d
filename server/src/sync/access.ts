import type * as Y from 'yjs';
import {
  CLOSE,
  describeUpdate,
  judgeChanges,
  readPermissionState,
  refusalReason,
  roleIsUnrestricted,
  type Role,
  type UpdateChange,
} from '@rejse/shared';
import { resolveBoardToken, type AccessVia } from '../auth/tokens.ts';
import type { BoardStore } from '../storage/store.ts';

/**
 * What one connection may do on its board, and the check every document update from it
 * passes before it is applied, stored or broadcast. What each role may change, and which
 * locks and modes stop it, is the permission table in shared/src/permissions/table.ts
 * (in short: viewers nothing — an update that changes nothing, like the empty sync step 2
 * every client sends, is fine —; editors the board's content unless locked, not the
 * facilitator's state or settings; facilitators everything).
 *
 * A refused update closes the connection with CLOSE.FORBIDDEN: the client's document now
 * holds something the server never will, and later updates would depend on it.
 */
export interface ConnectionAccess {
  role: Role;
  /** How the role was proven (a rotated link closes only connections that used that link). */
  via: AccessVia;
  /** False for viewers: their updates are refused unless they change nothing. */
  canEditDocument: boolean;
  /** Relay this connection's presence (cursor, selection) to the others. */
  canSharePresence: boolean;
  /**
   * The participant proven on this connection (its id and secret on the socket URL): on a
   * board socket it is whose comments and people entry this connection may write; on a
   * drafts socket whose private drafts document this is.
   */
  participantId?: string;
}

export function accessFor(role: Role, via: AccessVia, participantId?: string): ConnectionAccess {
  return Object.freeze({
    role,
    via,
    canEditDocument: role !== 'viewer',
    canSharePresence: true,
    ...(participantId ? { participantId } : {}),
  });
}

export interface AccessRequest {
  boardId: string;
  /** The `?token=` query parameter, if any. */
  token: string | null;
}

export type AccessDecision = { ok: true; access: ConnectionAccess } | { ok: false; close: { code: number; reason: string } };

export interface AccessDeps {
  store: BoardStore;
  /** REJSE_ADMIN_TOKEN: facilitator on every board. */
  adminToken: string | null;
}

/** The role a connection's token grants: an unknown board is UNKNOWN_BOARD, no token or a wrong one UNAUTHORIZED. */
export function resolveAccess(request: AccessRequest, deps: AccessDeps): AccessDecision {
  if (!deps.store.documents.exists(request.boardId)) return { ok: false, close: CLOSE.UNKNOWN_BOARD };
  const found = resolveBoardToken(deps.store, request.boardId, request.token, deps.adminToken);
  if (!found) return { ok: false, close: CLOSE.UNAUTHORIZED };
  return { ok: true, access: accessFor(found.role, found.via) };
}

export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

const OK: UpdateVerdict = Object.freeze({ ok: true });

/**
 * Whether `access` may make `changes` (an update described by `describeUpdate`) on `doc`,
 * decided without applying them — by the shared permission table (shared/src/permissions),
 * the same one the client's command guard asks. An update that changes nothing passes.
 *
 * Given the raw update instead, it describes it first (and throws if it cannot be decoded:
 * the caller treats that as a malformed frame); a role the table never refuses skips that.
 */
export function checkDocumentUpdate(access: ConnectionAccess, doc: Y.Doc, changes: readonly UpdateChange[] | Uint8Array): UpdateVerdict {
  if (changes instanceof Uint8Array) {
    if (roleIsUnrestricted(access.role)) return OK;
    return checkDocumentUpdate(access, doc, describeUpdate(doc, changes));
  }
  if (changes.length === 0) return OK;
  const verdict = judgeChanges(access.role, readPermissionState(doc, access.participantId ?? null), changes);
  return verdict.ok ? OK : { ok: false, reason: refusalReason(verdict.refusal) };
}

/**
 * Whether a presence state (awareness JSON) may be relayed for this connection: a state that
 * names a role (`user.role`) must name the connection's own, so the participant list never
 * shows a viewer as the facilitator. States without a role (other clients, tests) pass.
 */
export function presenceMatchesRole(json: string, access: ConnectionAccess): boolean {
  if (!json.includes('"role"')) return true;
  try {
    const state: unknown = JSON.parse(json);
    if (!state || typeof state !== 'object') return true;
    const user = (state as { user?: unknown }).user;
    if (!user || typeof user !== 'object' || !('role' in user)) return true;
    return (user as { role: unknown }).role === access.role;
  } catch {
    return false;
  }
}

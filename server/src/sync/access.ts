import type * as Y from 'yjs';
import {
  CARDS,
  CLOSE,
  FACILITATION,
  FACILITATOR_META_KEYS,
  LANES,
  LINKS,
  META,
  PERSONAS,
  STAGES,
  cardsMap,
  describeUpdate,
  readLocks,
  readPrivateMode,
  type Role,
  type UpdateChange,
} from '@rejse/shared';
import { resolveBoardToken, type AccessVia } from '../auth/tokens.ts';
import type { BoardStore } from '../storage/store.ts';

/**
 * What one connection may do on its board, and the check every document update from it
 * passes before it is applied, stored or broadcast.
 *
 * - viewer: nothing may change (an update that changes nothing, like the empty sync step 2
 *   every client sends, is fine);
 * - editor: the board's content, except facilitator-only state (the `facilitation` map and
 *   the `meta` keys in FACILITATOR_META_KEYS), the structure (stages, lanes) while it is
 *   locked, anything while the whole board is locked, a locked card's position or existence,
 *   and new cards while private mode is on (they belong in the editor's drafts). Top-level
 *   maps outside the board layout are refused too (add a new root to EDITOR_ROOTS);
 * - facilitator: everything.
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
  /** Drafts connections only: whose private drafts document this is. */
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

/** The top-level maps of the board layout that editors may write (subject to the rules above). */
export const EDITOR_ROOTS: ReadonlySet<string> = new Set([META, STAGES, LANES, CARDS, LINKS, PERSONAS]);

export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

const OK: UpdateVerdict = Object.freeze({ ok: true });

/** Why an editor may not make this one change, or undefined if they may. */
function editorRefusal(change: UpdateChange, doc: Y.Doc, locks: ReturnType<typeof readLocks>, privateMode: boolean): string | undefined {
  if (change.root === FACILITATION) return 'facilitator-only state';
  if (!EDITOR_ROOTS.has(change.root)) return `unknown part of the document "${change.root.slice(0, 40)}"`;
  if (change.root === META && change.recordId !== undefined && FACILITATOR_META_KEYS.has(change.recordId)) {
    return `board setting "${change.recordId}" is the facilitator's`;
  }
  if ((change.root === STAGES || change.root === LANES) && locks.structure) return 'the structure is locked';
  if (change.root === CARDS && change.recordId !== undefined) {
    const recordChange = change.field === undefined;
    if (locks.cards.has(change.recordId) && (recordChange || change.field === 'cell')) return 'the card is locked';
    if (privateMode && recordChange && change.kind === 'insert' && !cardsMap(doc).has(change.recordId)) {
      return 'new cards go to private drafts while private mode is on';
    }
  }
  return undefined;
}

/**
 * Whether `access` may apply `update` to `doc`, decided without applying it. Throws if the
 * update cannot be decoded (the caller treats that as a malformed frame).
 */
export function checkDocumentUpdate(access: ConnectionAccess, doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  if (access.role === 'facilitator') return OK;
  const changes = describeUpdate(doc, update);
  if (changes.length === 0) return OK;
  if (!access.canEditDocument) return { ok: false, reason: 'viewers cannot change the board' };
  const locks = readLocks(doc);
  if (locks.board) return { ok: false, reason: 'the board is locked' };
  const privateMode = readPrivateMode(doc);
  for (const change of changes) {
    const refusal = editorRefusal(change, doc, locks, privateMode);
    if (refusal) return { ok: false, reason: refusal };
  }
  return OK;
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

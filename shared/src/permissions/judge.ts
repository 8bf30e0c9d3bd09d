import type * as Y from 'yjs';
import type { UpdateChange } from '../doc/inspect.ts';
import { COMMENTS, PEOPLE, recordOwner } from '../comments/layout.ts';
import { CADENCE_RULES, CARDS, cardsMap, LANES, LINKS, META, PERSONAS, SCENARIOS, STAGES } from '../doc/layout.ts';
import { FACILITATION, FACILITATOR_META_KEYS, readLocks, readPrivateMode, type Locks } from '../facilitation/layout.ts';
import type { Role } from '../facilitation/roles.ts';
import { BLOCKS, CAPABILITIES, PERMISSIONS, type Block, type Capability } from './table.ts';

/** The board's locks and modes, as far as permissions depend on them. */
export interface PermissionState {
  locks: Locks;
  privateMode: boolean;
  /** Whether the card is on the board now: setting a card id it does not hold creates a card. */
  hasCard(id: string): boolean;
  /** The participant the server knows behind the connection (null: none proven), for records owned by one person. */
  participantId: string | null;
}

export function readPermissionState(doc: Y.Doc, participantId: string | null = null): PermissionState {
  const cards = cardsMap(doc);
  return { locks: readLocks(doc), privateMode: readPrivateMode(doc), hasCard: (id) => cards.has(id), participantId };
}

/** Whether a change touches a record owned by someone other than the writer (comments, people entries). */
function isOthersRecord(change: UpdateChange | undefined, participantId: string | null): boolean {
  if (!change) return false;
  const owner = recordOwner(change.root, change.recordId);
  return owner !== undefined && (owner === null || owner !== participantId);
}

/** The `meta` key of the active persona: choosing whose journey it is counts as a persona edit. */
const ACTIVE_PERSONA_KEY = 'activePersonaId';

type CapabilityOf = (change: UpdateChange, state: PermissionState) => Capability;

/** Root map → capability of a change in it. A Map, so a root named "constructor" finds nothing. */
const BY_ROOT: ReadonlyMap<string, CapabilityOf> = new Map<string, CapabilityOf>([
  [FACILITATION, () => 'facilitate'],
  [
    META,
    ({ recordId }) =>
      recordId !== undefined && FACILITATOR_META_KEYS.has(recordId)
        ? 'boardSettings'
        : recordId === ACTIVE_PERSONA_KEY
          ? 'personas'
          : 'content',
  ],
  [STAGES, () => 'structure'],
  [LANES, () => 'structure'],
  [
    CARDS,
    ({ recordId, field, kind }, state) => {
      if (recordId === undefined) return 'content';
      if (field === undefined) return kind === 'insert' && !state.hasCard(recordId) ? 'cardCreate' : 'cardRemove';
      return field === 'cell' ? 'cardPlace' : 'content';
    },
  ],
  [LINKS, () => 'content'],
  [PERSONAS, () => 'personas'],
  [
    COMMENTS,
    (change, state) => {
      if (change.field === 'resolved') return 'commentResolve';
      return change.kind === 'delete' && isOthersRecord(change, state.participantId) ? 'commentModerate' : 'comment';
    },
  ],
  [PEOPLE, () => 'profile'],
  [SCENARIOS, () => 'dunning'],
  [CADENCE_RULES, () => 'dunning'],
]);

/** Which capability a described change uses (maps outside the layout: `unknownRoot`). */
export function capabilityOf(change: UpdateChange, state: PermissionState): Capability {
  return (BY_ROOT.get(change.root) ?? (() => 'unknownRoot'))(change, state);
}

/** Whether each block holds for one change right now. */
const BLOCK_HOLDS: Readonly<Record<Block, (state: PermissionState, change: UpdateChange | undefined) => boolean>> = {
  boardLock: (state) => state.locks.board,
  structureLock: (state) => state.locks.structure,
  cardLock: (state, change) => change?.recordId !== undefined && state.locks.cards.has(change.recordId),
  privateMode: (state) => state.privateMode,
  othersRecord: (state, change) => isOthersRecord(change, state.participantId),
};

/** Why a change was refused: the role may never use the capability, or a block holds. */
export interface Refusal {
  role: Role;
  capability: Capability;
  cause: 'role' | Block;
  /** The refused change (absent when a capability was asked about directly). */
  change?: UpdateChange;
}

export type PermissionVerdict = { ok: true } | { ok: false; refusal: Refusal };

const ALLOWED: PermissionVerdict = Object.freeze({ ok: true });

/** Lower explains more: a missing right first, then the blocks in BLOCKS order. */
const rank = (cause: Refusal['cause']): number => (cause === 'role' ? 0 : 1 + BLOCKS.indexOf(cause));

function refusalOf(role: Role, state: PermissionState, capability: Capability, change: UpdateChange | undefined): Refusal | undefined {
  const blocks = PERMISSIONS[capability][role];
  const base = { role, capability, ...(change ? { change } : {}) };
  if (!blocks) return { ...base, cause: 'role' };
  const holding = blocks.filter((block) => BLOCK_HOLDS[block](state, change));
  if (holding.length === 0) return undefined;
  return { ...base, cause: holding.reduce((a, b) => (rank(a) <= rank(b) ? a : b)) };
}

/**
 * Whether `role` may make all of `changes` on a board in `state`. The one check behind the
 * server's admission and the client's guard. When several changes are refused the verdict
 * names the most telling cause, whatever order the changes came in, so both sides say the same.
 */
export function judgeChanges(role: Role, state: PermissionState, changes: readonly UpdateChange[]): PermissionVerdict {
  let worst: Refusal | undefined;
  for (const change of changes) {
    const refusal = refusalOf(role, state, capabilityOf(change, state), change);
    if (refusal && (!worst || rank(refusal.cause) < rank(worst.cause))) worst = refusal;
    if (worst?.cause === 'role') break;
  }
  return worst ? { ok: false, refusal: worst } : ALLOWED;
}

/** The same question for a capability whose exact changes cannot be known in advance (undo). */
export function judgeCapability(role: Role, state: PermissionState, capability: Capability): PermissionVerdict {
  const refusal = refusalOf(role, state, capability, undefined);
  return refusal ? { ok: false, refusal } : ALLOWED;
}

/** True when the table refuses this role nothing (the server can skip describing its updates). */
export const roleIsUnrestricted = (role: Role): boolean => CAPABILITIES.every((capability) => PERMISSIONS[capability][role]?.length === 0);

/**
 * True when the table refuses this role nothing on the board itself — at most writing as
 * someone else (`othersRecord`), which no board command does. The client's guard lets such a
 * role's board commands through unwrapped; the server still describes its updates.
 */
export const roleMayChangeBoardFreely = (role: Role): boolean =>
  CAPABILITIES.every((capability) => PERMISSIONS[capability][role]?.every((block) => block === 'othersRecord') === true);

/** True when the table allows this role no change at all (a view-only link). */
export const roleMayChangeNothing = (role: Role): boolean =>
  CAPABILITIES.every((capability) => PERMISSIONS[capability][role] === undefined);

const BLOCK_REASONS: Readonly<Record<Block, string>> = {
  boardLock: 'the board is locked',
  structureLock: 'the structure is locked',
  cardLock: 'the card is locked',
  privateMode: 'new cards go to private drafts while private mode is on',
  othersRecord: 'that record belongs to another participant',
};

/** A short English reason for the server's log and close frame (the client words its own, translated). */
export function refusalReason(refusal: Refusal): string {
  if (refusal.cause !== 'role') return BLOCK_REASONS[refusal.cause];
  if (roleMayChangeNothing(refusal.role)) return `${refusal.role}s cannot change the board`;
  const key = (refusal.change?.recordId ?? '').slice(0, 40);
  switch (refusal.capability) {
    case 'facilitate':
      return 'facilitator-only state';
    case 'boardSettings':
      return `board setting "${key}" is the facilitator's`;
    case 'unknownRoot':
      return `unknown part of the document "${(refusal.change?.root ?? '').slice(0, 40)}"`;
    default:
      return `${refusal.role}s may not change ${refusal.capability}`;
  }
}

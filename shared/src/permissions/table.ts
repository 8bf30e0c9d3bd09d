import type { Role } from '../facilitation/roles.ts';

/**
 * THE permission table: what each role may change on a board, and which of the
 * facilitator's locks and modes stop it. The server's admission and the client's command
 * guard both read this table (through `judgeChanges`), so they cannot disagree.
 *
 * A change to the document is first given a capability (see `capabilityOf` in judge.ts),
 * then looked up here: a role missing from a row may never make that change; a role listed
 * may, unless one of its blocks holds right now. Adding a permission is adding a row.
 */
export const CAPABILITIES = [
  /** Facilitator-only state: the `facilitation` map (timer, locks, focus, voting…). */
  'facilitate',
  /** Board settings that only the facilitator (or the server) sets: FACILITATOR_META_KEYS. */
  'boardSettings',
  /** Top-level maps outside the board layout (a hostile or newer client's invention). */
  'unknownRoot',
  /** Stages and lanes: add, rename, reorder, remove. */
  'structure',
  /** A new card on the board. */
  'cardCreate',
  /** A card's place (its `cell`: stage, lane, order). */
  'cardPlace',
  /** Deleting (or replacing) a whole card record. */
  'cardRemove',
  /** Everything else on the board: the title, card fields other than the place, links. */
  'content',
  /** Personas and which one is active. */
  'personas',
  /** Writing one's own comments (`comments` records keyed by the writer's participant id). */
  'comment',
  /** Resolving or reopening any comment thread. */
  'commentResolve',
  /** Removing someone else's comment (moderation). */
  'commentModerate',
  /** One's own entry in the people directory (the name others see on comments and @mentions). */
  'profile',
  /** Saving a named version of the board (the version history; not a change of the document). */
  'snapshotTake',
  /** Putting a saved version, or one card of it, back on the board (the version history). */
  'snapshotRestore',
  /** The dunning model: debtor scenarios and cadence rules. They frame the map like stages do. */
  'dunning',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * Conditions the facilitator switches on that stop a role from using a capability. Listed
 * in the order in which a refusal names them (the board lock explains more than a card lock).
 * `othersRecord` is not a switch but who is asking: it holds when a record that belongs to one
 * participant (a comment, a people entry) is not the writer's own — even for the facilitator,
 * who may remove others' comments but never write as someone else.
 */
export const BLOCKS = ['boardLock', 'structureLock', 'cardLock', 'privateMode', 'othersRecord'] as const;
export type Block = (typeof BLOCKS)[number];

/** Per capability: the roles that may use it, each with the blocks that stop it. */
export type PermissionRow = Readonly<Partial<Record<Role, readonly Block[]>>>;

const FACILITATOR_ONLY: PermissionRow = { facilitator: [] };

export const PERMISSIONS: Readonly<Record<Capability, PermissionRow>> = {
  facilitate: FACILITATOR_ONLY,
  boardSettings: FACILITATOR_ONLY,
  unknownRoot: FACILITATOR_ONLY,
  structure: { facilitator: [], editor: ['boardLock', 'structureLock'] },
  // A locked card's id names it even before it exists (a deleted card brought back by undo).
  cardCreate: { facilitator: [], editor: ['boardLock', 'cardLock', 'privateMode'] },
  cardPlace: { facilitator: [], editor: ['boardLock', 'cardLock'] },
  cardRemove: { facilitator: [], editor: ['boardLock', 'cardLock'] },
  content: { facilitator: [], editor: ['boardLock'] },
  personas: { facilitator: [], editor: ['boardLock'] },
  // Comments are talk about the board, not the board: locks and private mode leave them open.
  comment: { facilitator: ['othersRecord'], editor: ['othersRecord'] },
  commentResolve: { facilitator: [], editor: [] },
  commentModerate: FACILITATOR_ONLY,
  profile: { facilitator: ['othersRecord'], editor: ['othersRecord'] },
  snapshotTake: { facilitator: [], editor: [] },
  snapshotRestore: FACILITATOR_ONLY,
  dunning: { facilitator: [], editor: ['boardLock', 'structureLock'] },
};

/**
 * Version history of a board: named copies of its whole state, kept by the server.
 *
 *   manual   someone with an editor's or the facilitator's link saved one with a name
 *   phase    the run-sheet ended a phase
 *   session  the run-sheet ended a session (named after it)
 *   auto     at most every SNAPSHOT_INTERVAL while the board is edited
 *   restore  the board just before a restore, so the restore itself can be undone
 */
export const SNAPSHOT_KINDS = ['manual', 'phase', 'session', 'auto', 'restore'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** Longest snapshot name (a phase or session name plus a date fits). */
export const SNAPSHOT_NAME_LENGTH = 120;

/** Snapshot ids: `h_` and 12 random characters. */
export const SNAPSHOT_ID_PATTERN = /^h_[a-z0-9]{12}$/;
export const isSnapshotId = (value: unknown): value is string => typeof value === 'string' && SNAPSHOT_ID_PATTERN.test(value);

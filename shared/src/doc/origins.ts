/**
 * Transaction origins, in one place. Y.UndoManager tracks only `LOCAL_ORIGIN`, so
 * everything listed here besides it can never be undone by a user.
 */
/** The local user's own edits: the only origin the undo manager tracks. */
export const LOCAL_ORIGIN = 'rejse:local';
/** Seeding a new board (defaults or a template): part of the board's birth, never undone. */
export const SEED_ORIGIN = 'rejse:seed';
/** Schema migrations run on load: structural upgrades, never undone. */
export const MIGRATION_ORIGIN = 'rejse:migration';
/** Applying updates from storage on the server: replay, not an edit. */
export const STORAGE_ORIGIN = 'rejse:storage';
/** Changes the server makes itself (timer, vote results, revealed drafts): broadcast and stored like edits, never undone. */
export const SERVER_ORIGIN = 'rejse:server';
/** On the server, updates another instance stored and published (Redis fan-out): sent to this instance's clients, never stored again. */
export const PEER_ORIGIN = 'rejse:peer';

import type { Migration } from './index.ts';

/**
 * Version 4: a touchpoint may feel different for each persona (`personaEmotions`, persona id →
 * emotion; see doc/persona-emotions.ts), so the map overlays one emotion curve per persona.
 *
 * An older board has no per-persona values: every persona's curve follows the shared
 * `emotion` until someone drags one of its points, so nothing is rewritten, in a file or in a
 * stored document. A board file's `personaEmotions` keys that name no persona of the board
 * cannot exist before this version, so there is nothing to clean either. The version moves
 * so that an older Rejse refuses a board whose per-persona values it would silently strip.
 */
export const personaEmotions: Migration = {
  version: 4,
  name: 'persona-emotions',
  migrateJson: (board) => ({ ...board, schemaVersion: 4 }),
  migrateDoc: () => {},
};

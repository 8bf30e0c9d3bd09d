import * as Y from 'yjs';
import { cardsMap, lanesMap, personasMap, stagesMap, CARDS, LANES, PERSONAS, STAGES } from '../doc/layout.ts';
import { createText, TEXT_FIELDS } from '../doc/text.ts';
import type { Migration } from './index.ts';

/**
 * Version 3: the words people type together — a card's text and thought, a stage's and a
 * lane's title, a persona's name — become Y.Text under the same keys (see doc/text.ts), so
 * two people typing into one card merge instead of the later replacing the other.
 *
 * A board file (JSON) holds plain strings in both versions: only its version number moves.
 * A stored document gets each plain string replaced by a Y.Text holding the same words.
 */
export const collaborativeText: Migration = {
  version: 3,
  name: 'collaborative-text',
  migrateJson: (board) => ({ ...board, schemaVersion: 3 }),
  migrateDoc(doc) {
    const roots = [
      [CARDS, cardsMap(doc)],
      [STAGES, stagesMap(doc)],
      [LANES, lanesMap(doc)],
      [PERSONAS, personasMap(doc)],
    ] as const;
    for (const [root, map] of roots) {
      const fields = TEXT_FIELDS[root] ?? [];
      map.forEach((record) => {
        if (!(record instanceof Y.Map)) return;
        for (const field of fields) {
          const value = record.get(field);
          // Only plain strings: a record typed into after this migration already holds a Y.Text.
          if (typeof value === 'string') record.set(field, createText(value));
        }
      });
    }
  },
};

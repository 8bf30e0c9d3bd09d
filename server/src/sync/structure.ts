import * as Y from 'yjs';
import {
  CADENCE_RULES,
  CARDS,
  LANES,
  PERSONAS,
  SCENARIOS,
  STAGES,
  cadenceRulesMap,
  cardsMap,
  lanesMap,
  personasMap,
  scenariosMap,
  stagesMap,
  type UpdateAnalysis,
} from '@rejse/shared';

/**
 * Why an update must not be applied to a board, or null when it may — read from the one
 * analysis of the update (`analyzeUpdate`):
 *
 * - it holds list items or right neighbours. The board document holds only maps (see
 *   layout.ts), so every item a client sends is a map entry; such items, placed against the
 *   wrong neighbours, merge differently depending on the order replicas see them in, and a
 *   client that edits while one arrives ends up with a board nobody else has;
 * - it writes something other than a Y.Map record directly into the stages, lanes, cards,
 *   personas, scenarios or cadenceRules map (every reader and edit operation expects records there; a string in the
 *   cards map makes adding a card throw on every client);
 * - it would leave the board with no stage record or no lane record — it overwrites or
 *   deletes every one and adds none, after which every reader sees an empty board.
 *
 * No client operation does any of these: stages and lanes are removed as tombstones, and
 * undoing an added one leaves the others. Crafted or corrupted updates can.
 */
export function structureViolation(doc: Y.Doc, analysis: UpdateAnalysis): string | null {
  if (analysis.listItem) return analysis.listItem;
  const roots = [
    [STAGES, stagesMap(doc), true],
    [LANES, lanesMap(doc), true],
    [CARDS, cardsMap(doc), false],
    [PERSONAS, personasMap(doc), false],
    [SCENARIOS, scenariosMap(doc), false],
    [CADENCE_RULES, cadenceRulesMap(doc), false],
  ] as const;
  for (const [rootName, map, isGrid] of roots) {
    const direct = analysis.writes.filter((write) => write.root === rootName && write.keys.length === 1);
    if (direct.some((write) => !write.isRecord)) return `writes a value that is not a record into "${rootName}"`;
    const touched = new Set([...(analysis.touchedKeys.get(rootName) ?? []), ...(analysis.newKeys.get(rootName) ?? [])]);
    if (!isGrid || map.size === 0 || touched.size === 0 || direct.length > 0) continue;
    let untouched = 0;
    (map as Y.Map<unknown>).forEach((value, key) => {
      if (!touched.has(key) && value instanceof Y.Map) untouched++;
    });
    if (untouched === 0) return `would leave the board without ${rootName}`;
  }
  return null;
}

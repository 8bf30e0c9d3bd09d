import * as Y from 'yjs';

/**
 * The Yjs document layout of one board — the single description of what is stored where.
 *
 *   meta      Y.Map<scalar>     title, schemaVersion, locale, currency, activePersonaId, channel@<name>…
 *   stages    Y.Map<id, Y.Map>  { title*, order, removed? }       columns, sorted by (order, id)
 *   lanes     Y.Map<id, Y.Map>  { title*, kind, order, removed? } rows, sorted by (order, id)
 *   cards     Y.Map<id, Y.Map>  { kind, text*, thought*, cell, …fields }   cell = { stageId, laneId, order }
 *   links     Y.Map<id, object> { from, to }                      immutable: create or delete
 *   personas  Y.Map<id, Y.Map>  { name*, description, segment, order }
 *   scenarios     Y.Map<id, Y.Map>  { name, outcome, vulnerable, order }   debtor scenarios (schema v2)
 *   cadenceRules  Y.Map<id, Y.Map>  { kind, limit?, windowDays?, channel?, days?, step?, amount?, order }
 *
 * Fields marked * are Y.Text (schema version 3, see text.ts): people type into them together,
 * and keystrokes merge. Every other field is one plain value, written whole.
 *
 * A touchpoint's dunning fields (dayOffset, dunningStep, fee, scenarioIds, scenarioEmotions,
 * checkpoint) are card fields like any other. `scenarioEmotions` is one coarse value: two
 * people setting two scenarios' emotions on one card at the same instant keep one of them.
 * Per-persona emotions (schema 4) are one card key per persona, `emotion@<personaId>`
 * (persona-emotions.ts), so two personas' values set at once both stay. The board's own
 * channels are one meta key per name, `channel@<name>` (custom-channels.ts), so two added
 * at once both stay.
 *
 * Beside the board itself: `facilitation` (facilitation/layout.ts: timer, locks, voting, the
 * run-sheet), `comments` and `people` (comments/layout.ts: threads, and who is who).
 *
 * Why maps keyed by id with an `order` number rather than Y.Arrays: a reorder or a move is
 * one key write, so concurrent moves converge without duplicates. A card's cell is one
 * coarse value so a move is atomic, while its text and other fields are separate keys so
 * a move and a concurrent text edit both survive.
 *
 * Removed stages and lanes stay as tombstones (`removed: true`) instead of being deleted,
 * so two users removing the last two stages at once cannot leave a board without a grid:
 * the reader brings the tombstones back when no live one remains.
 *
 * The board id is not in the document: it is the room name.
 */
export const META = 'meta';
/** Meta key of the board's own channels as older boards hold them: an array written whole. Read, never written (custom-channels.ts). */
export const LEGACY_CUSTOM_CHANNELS_KEY = 'customChannels';
export const STAGES = 'stages';
export const LANES = 'lanes';
export const CARDS = 'cards';
export const LINKS = 'links';
export const PERSONAS = 'personas';
export const SCENARIOS = 'scenarios';
export const CADENCE_RULES = 'cadenceRules';

export interface CellValue {
  stageId: string;
  laneId: string;
  order: number;
}

export interface LinkValue {
  from: string;
  to: string;
}

export type RecordMap = Y.Map<unknown>;
/** What reading a record needs of it: a Y.Map, or the plain copy of its entries `readCard` takes once. */
export interface FieldReader {
  get(key: string): unknown;
  forEach(visit: (value: unknown, key: string) => void): void;
}

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(META);
export const stagesMap = (doc: Y.Doc) => doc.getMap<RecordMap>(STAGES);
export const lanesMap = (doc: Y.Doc) => doc.getMap<RecordMap>(LANES);
export const cardsMap = (doc: Y.Doc) => doc.getMap<RecordMap>(CARDS);
export const linksMap = (doc: Y.Doc) => doc.getMap<LinkValue>(LINKS);
export const personasMap = (doc: Y.Doc) => doc.getMap<RecordMap>(PERSONAS);
export const scenariosMap = (doc: Y.Doc) => doc.getMap<RecordMap>(SCENARIOS);
export const cadenceRulesMap = (doc: Y.Doc) => doc.getMap<RecordMap>(CADENCE_RULES);

/** Every map a user edits on the board: what the client's undo manager tracks. */
export const boardContentMaps = (doc: Y.Doc): Y.Map<unknown>[] =>
  [META, STAGES, LANES, CARDS, LINKS, PERSONAS, SCENARIOS, CADENCE_RULES].map((name) => doc.getMap<unknown>(name));

/** Builds a nested record map from plain fields, skipping undefined values. */
export function recordFrom(fields: Record<string, unknown>): RecordMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
  return map;
}

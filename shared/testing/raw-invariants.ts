import * as Y from 'yjs';
import { isValidId } from '../src/ids.ts';
import { CURRENCIES } from '../src/schema/board.ts';
import { cardSchema, CARD_KINDS } from '../src/schema/card.ts';
import { LANE_KINDS } from '../src/schema/lane.ts';
import { CADENCE_RULES, CARDS, LANES, LINKS, META, PERSONAS, SCENARIOS, STAGES } from '../src/doc/layout.ts';
import { cadenceRuleSchema, scenarioSchema } from '../src/schema/dunning.ts';
import type { RepairKind } from '../src/doc/repairs.ts';
import { TEXT_FIELDS } from '../src/doc/text.ts';
import { LIMITS } from '../src/schema/limits.ts';
import { FACILITATION, FACILITATION_KEYS, ROUND_KEY_PREFIX } from '../src/facilitation/layout.ts';
import { readTimerValue } from '../src/facilitation/timer.ts';
import { isVoteTarget } from '../src/facilitation/voting.ts';
import { isRankBy, MAX_TOP_N, PRIORITY_KEYS } from '../src/prioritize/settings.ts';

/**
 * Invariants on the RAW document: the Yjs maps read directly, never through `docToBoard`
 * (which repairs what it finds). Two tiers:
 *
 * - **Shape** (`rawShapeViolations`): holds on every replica at every moment, whoever edited
 *   concurrently — only the known maps and keys, every record a map under a valid id, every
 *   stored value of its type (cells, links, timer, rounds, locks…; the typed words — card
 *   text and thought, stage and lane titles, persona names — a Y.Text, see doc/text.ts), at
 *   least one stage and one lane record. No merge of honest edits can break these.
 * - **References** (`rawReferenceViolations`): holds whenever one replica made every edit
 *   (undo and redo included). Concurrent edits can break exactly these, and each broken one
 *   is what the reader repairs (see `REPAIR_OF_RULE` and shared/src/doc/repairs.ts).
 *
 * Left alone on purpose (not violations): `lockedCards` may name deleted cards and
 * `focusStageId` a removed stage (a facilitator's undo of the deletion brings them back with
 * their lock/focus; readers ignore unknown ids); closed rounds' totals may name deleted cards;
 * tombstoned stages and lanes stay for good.
 */
export type RawRule =
  // shape
  | 'unknown-root'
  | 'unknown-key'
  | 'bad-record'
  | 'bad-value'
  | 'no-stage-record'
  | 'no-lane-record'
  // references
  | 'missing-field'
  | 'text-too-long'
  | 'no-live-stage'
  | 'no-live-lane'
  | 'card-outside-grid'
  | 'dangling-link'
  | 'duplicate-link'
  | 'missing-active-persona';

export interface RawViolation {
  rule: RawRule;
  /** `map/id[/field]`, as in the reader's repairs. */
  path: string;
}

/**
 * The reader's repair for each reference rule. `duplicate-link` (two users linking the same
 * two cards at once) has none: the board shows both links, which is harmless.
 */
export const REPAIR_OF_RULE: Partial<Record<RawRule, RepairKind>> = {
  'missing-field': 'field-defaulted',
  'text-too-long': 'text-cut',
  'no-live-stage': 'axis-revived',
  'no-live-lane': 'axis-revived',
  'card-outside-grid': 'card-rehomed',
  'dangling-link': 'link-dropped',
  'missing-active-persona': 'active-persona-cleared',
};

const ROOTS = new Set([META, STAGES, LANES, CARDS, LINKS, PERSONAS, SCENARIOS, CADENCE_RULES, FACILITATION]);
const META_KEYS = new Set(['title', 'schemaVersion', 'locale', 'currency', 'activePersonaId']);
const STAGE_KEYS = new Set(['title', 'order', 'removed']);
const LANE_KEYS = new Set(['title', 'kind', 'order', 'removed']);
const PERSONA_KEYS = new Set(['name', 'description', 'segment', 'order']);
const CARD_FIELD_SCHEMAS = cardSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
const CARD_POSITION_KEYS = new Set(['id', 'stageId', 'laneId', 'order']);

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType);
const recordsOf = (doc: Y.Doc, name: string): Array<[string, unknown]> => [...doc.getMap<unknown>(name).entries()];

function checkRecordMaps(doc: Y.Doc, name: string, keys: ReadonlySet<string> | null, out: RawViolation[]): Array<[string, Y.Map<unknown>]> {
  const good: Array<[string, Y.Map<unknown>]> = [];
  for (const [id, record] of recordsOf(doc, name)) {
    if (!isValidId(id) || !(record instanceof Y.Map)) {
      out.push({ rule: 'bad-record', path: `${name}/${id}` });
      continue;
    }
    if (keys) for (const key of record.keys()) if (!keys.has(key)) out.push({ rule: 'unknown-key', path: `${name}/${id}/${key}` });
    good.push([id, record]);
  }
  return good;
}

function checkValue(ok: boolean, path: string, out: RawViolation[]): void {
  if (!ok) out.push({ rule: 'bad-value', path });
}

const optional = (value: unknown, test: (v: unknown) => boolean): boolean => value === undefined || test(value);
const isString = (v: unknown): boolean => typeof v === 'string';
const isText = (v: unknown): boolean => v instanceof Y.Text;
/** Whether `field` of a record in `root` holds collaborative text (a Y.Text, never a plain string). */
const isTextField = (root: string, field: string): boolean => TEXT_FIELDS[root]?.includes(field) ?? false;
/** Each text field's limit: what the reader cuts to (see doc/read.ts). */
const TEXT_LIMIT: Readonly<Record<string, number>> = {
  [CARDS]: LIMITS.cardTextLength,
  [STAGES]: LIMITS.titleLength,
  [LANES]: LIMITS.titleLength,
  [PERSONAS]: LIMITS.titleLength,
};
const isCell = (v: unknown): boolean => isPlain(v) && isValidId(v.stageId) && isValidId(v.laneId) && finite(v.order);

function checkAxis(doc: Y.Doc, name: typeof STAGES | typeof LANES, out: RawViolation[]): void {
  const records = checkRecordMaps(doc, name, name === STAGES ? STAGE_KEYS : LANE_KEYS, out);
  if (records.length === 0) out.push({ rule: name === STAGES ? 'no-stage-record' : 'no-lane-record', path: name });
  for (const [id, record] of records) {
    const path = `${name}/${id}`;
    checkValue(optional(record.get('title'), isText), `${path}/title`, out);
    checkValue(optional(record.get('order'), finite), `${path}/order`, out);
    checkValue(
      optional(record.get('removed'), (v) => v === true),
      `${path}/removed`,
      out,
    );
    if (name === LANES)
      checkValue(
        optional(record.get('kind'), (v) => (LANE_KINDS as readonly unknown[]).includes(v)),
        `${path}/kind`,
        out,
      );
  }
}

function checkFacilitation(doc: Y.Doc, out: RawViolation[]): void {
  const known = new Set<string>([...Object.values(FACILITATION_KEYS), ...Object.values(PRIORITY_KEYS)]);
  for (const [key, value] of doc.getMap<unknown>(FACILITATION).entries()) {
    const path = `${FACILITATION}/${key}`;
    if (key.startsWith(ROUND_KEY_PREFIX)) {
      checkValue(isRound(value, true) && (value as { id: unknown }).id === key.slice(ROUND_KEY_PREFIX.length), path, out);
      continue;
    }
    if (!known.has(key)) {
      out.push({ rule: 'unknown-key', path });
      continue;
    }
    const ok = ((): boolean => {
      switch (key) {
        case FACILITATION_KEYS.lockStructure:
        case FACILITATION_KEYS.lockBoard:
        case FACILITATION_KEYS.privateMode:
          return typeof value === 'boolean';
        case FACILITATION_KEYS.lockedCards:
          return Array.isArray(value) && value.every(isValidId) && value.every((id, i) => i === 0 || (value[i - 1] as string) < id);
        case FACILITATION_KEYS.focusStageId:
          return value === null || isValidId(value);
        case FACILITATION_KEYS.summon:
          return isPlain(value) && finite(value.x) && finite(value.y) && finite(value.zoom) && typeof value.nonce === 'string';
        case FACILITATION_KEYS.voting:
          return value === null || isRound(value, false);
        case FACILITATION_KEYS.timer:
          return isPlain(value) && JSON.stringify(readTimerValue(value)) === JSON.stringify(value);
        case PRIORITY_KEYS.rankBy:
          return isRankBy(value);
        default: // PRIORITY_KEYS.topN
          return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_TOP_N;
      }
    })();
    checkValue(ok, path, out);
  }
}

function isRound(value: unknown, closed: boolean): boolean {
  if (!isPlain(value) || typeof value.id !== 'string' || !isVoteTarget(value.target)) return false;
  if (!Number.isInteger(value.votesPerPerson) || typeof value.allowMultiplePerCard !== 'boolean' || !finite(value.startedAt)) return false;
  if (!closed) return true;
  return (
    finite(value.closedAt) &&
    Number.isInteger(value.voters) &&
    isPlain(value.totals) &&
    Object.entries(value.totals).every(([id, n]) => isValidId(id) && Number.isInteger(n) && (n as number) > 0)
  );
}

/** Shape invariants: every replica, every moment, concurrent edits or not. */
export function rawShapeViolations(doc: Y.Doc): RawViolation[] {
  const out: RawViolation[] = [];
  for (const root of doc.share.keys()) if (!ROOTS.has(root)) out.push({ rule: 'unknown-root', path: root });
  for (const [key, value] of recordsOf(doc, META)) {
    const path = `${META}/${key}`;
    if (!META_KEYS.has(key)) out.push({ rule: 'unknown-key', path });
    else if (key === 'title') checkValue(isString(value), path, out);
    else if (key === 'schemaVersion') checkValue(Number.isInteger(value), path, out);
    else if (key === 'locale') checkValue(typeof value === 'string' && value.length >= 2, path, out);
    else if (key === 'currency') checkValue((CURRENCIES as readonly unknown[]).includes(value), path, out);
    else checkValue(value === null || isValidId(value), path, out);
  }
  checkAxis(doc, STAGES, out);
  checkAxis(doc, LANES, out);
  for (const [id, record] of checkRecordMaps(doc, PERSONAS, PERSONA_KEYS, out)) {
    for (const key of ['name', 'description', 'segment']) {
      checkValue(optional(record.get(key), isTextField(PERSONAS, key) ? isText : isString), `${PERSONAS}/${id}/${key}`, out);
    }
    checkValue(optional(record.get('order'), finite), `${PERSONAS}/${id}/order`, out);
  }
  // Debtor scenarios and cadence rules: every record, with its order, passes its schema.
  for (const [name, schema] of [
    [SCENARIOS, scenarioSchema],
    [CADENCE_RULES, cadenceRuleSchema],
  ] as const) {
    for (const [id, record] of checkRecordMaps(doc, name, null, out)) {
      const { order, ...fields } = Object.fromEntries(record.entries());
      checkValue(finite(order), `${name}/${id}/order`, out);
      checkValue(schema.safeParse({ vulnerable: false, ...fields, id }).success, `${name}/${id}`, out);
    }
  }
  for (const [id, record] of checkRecordMaps(doc, CARDS, null, out)) {
    for (const [key, value] of record.entries()) {
      const path = `${CARDS}/${id}/${key}`;
      if (key === 'cell') checkValue(isCell(value), path, out);
      else if (isTextField(CARDS, key)) checkValue(isText(value), path, out);
      else if (!CARD_FIELD_SCHEMAS[key] || CARD_POSITION_KEYS.has(key)) out.push({ rule: 'unknown-key', path });
      else checkValue(CARD_FIELD_SCHEMAS[key].safeParse(value).success, path, out);
    }
    checkValue((CARD_KINDS as readonly unknown[]).includes(record.get('kind')), `${CARDS}/${id}/kind`, out);
  }
  for (const [id, link] of recordsOf(doc, LINKS)) {
    const ok =
      isValidId(id) &&
      isPlain(link) &&
      Object.keys(link).length === 2 &&
      isValidId(link.from) &&
      isValidId(link.to) &&
      link.from !== link.to;
    if (!ok) out.push({ rule: 'bad-record', path: `${LINKS}/${id}` });
  }
  checkFacilitation(doc, out);
  return out;
}

const recordMapsOf = (doc: Y.Doc, name: string): Array<[string, Y.Map<unknown>]> =>
  recordsOf(doc, name).filter((entry): entry is [string, Y.Map<unknown>] => isValidId(entry[0]) && entry[1] instanceof Y.Map);

/**
 * The stages or lanes a card may stand in: the live ones, or — when every one is a tombstone —
 * all of them (the documented rule of layout.ts, reported as `no-live-…`).
 */
function gridAxis(doc: Y.Doc, name: typeof STAGES | typeof LANES, out: RawViolation[]): Array<[string, Y.Map<unknown>]> {
  const all = recordMapsOf(doc, name);
  const live = all.filter(([, record]) => record.get('removed') !== true);
  if (live.length > 0 || all.length === 0) return live;
  out.push({ rule: name === STAGES ? 'no-live-stage' : 'no-live-lane', path: name });
  return all;
}

function requireFields(record: Y.Map<unknown>, path: string, fields: readonly string[], out: RawViolation[]): void {
  for (const field of fields) if (record.get(field) === undefined) out.push({ rule: 'missing-field', path: `${path}/${field}` });
}

/**
 * Reference invariants: hold whenever one replica made every edit (undo and redo included).
 * Under concurrency, each violation (but `duplicate-link`) is one the reader repairs.
 */
export function rawReferenceViolations(doc: Y.Doc): RawViolation[] {
  const out: RawViolation[] = [];
  if (doc.getMap<unknown>(META).get('title') === undefined) out.push({ rule: 'missing-field', path: `${META}/title` });
  for (const name of [STAGES, LANES] as const) {
    for (const [id, record] of recordMapsOf(doc, name)) requireFields(record, `${name}/${id}`, ['order'], out);
  }
  const stages = gridAxis(doc, STAGES, out);
  const lanes = gridAxis(doc, LANES, out);
  for (const [id, record] of stages) requireFields(record, `${STAGES}/${id}`, ['title'], out);
  for (const [id, record] of lanes) requireFields(record, `${LANES}/${id}`, ['title', 'kind'], out);
  const personas = recordMapsOf(doc, PERSONAS);
  for (const [id, record] of personas) requireFields(record, `${PERSONAS}/${id}`, ['name', 'description', 'segment', 'order'], out);
  const stageIds = new Set(stages.map(([id]) => id));
  const laneIds = new Set(lanes.map(([id]) => id));
  const cards = recordMapsOf(doc, CARDS);
  for (const [id, record] of cards) {
    requireFields(record, `${CARDS}/${id}`, ['text'], out);
    const cell = record.get('cell');
    if (!isPlain(cell) || !stageIds.has(cell.stageId as string) || !laneIds.has(cell.laneId as string)) {
      out.push({ rule: 'card-outside-grid', path: `${CARDS}/${id}` });
    }
  }
  const cardIds = new Set(cards.map(([id]) => id));
  const pairs = new Set<string>();
  for (const [id, link] of recordsOf(doc, LINKS)) {
    if (!isValidId(id) || !isPlain(link)) continue;
    const { from, to } = link as { from: string; to: string };
    if (!cardIds.has(from) || !cardIds.has(to)) out.push({ rule: 'dangling-link', path: `${LINKS}/${id}` });
    const pair = from < to ? `${from}|${to}` : `${to}|${from}`;
    if (pairs.has(pair)) out.push({ rule: 'duplicate-link', path: `${LINKS}/${id}` });
    pairs.add(pair);
  }
  // The records the reader reads: live stages and lanes (see gridAxis), every persona and card.
  const read = [
    [STAGES, stages],
    [LANES, lanes],
    [PERSONAS, personas],
    [CARDS, cards],
  ] as const;
  for (const [root, records] of read) {
    for (const [id, record] of records) {
      for (const field of TEXT_FIELDS[root] ?? []) {
        const value = record.get(field);
        if (value instanceof Y.Text && value.length > TEXT_LIMIT[root]!)
          out.push({ rule: 'text-too-long', path: `${root}/${id}/${field}` });
      }
    }
  }
  const active = doc.getMap<unknown>(META).get('activePersonaId');
  if (typeof active === 'string' && !personas.some(([id]) => id === active)) {
    out.push({ rule: 'missing-active-persona', path: `${META}/activePersonaId` });
  }
  return out;
}

/** Both tiers, as readable lines (the form the older `boardInvariantViolations` used). */
export function rawDocViolations(doc: Y.Doc): string[] {
  return [...rawShapeViolations(doc), ...rawReferenceViolations(doc)].map((v) => `${v.rule} at ${v.path}`);
}

/**
 * What the reader should repair in this document: the reference violations it has a repair
 * for, as `kind path` lines, sorted. The fuzz compares this with what the reader reports.
 */
export function expectedRepairs(doc: Y.Doc): string[] {
  return rawReferenceViolations(doc)
    .flatMap((v) => (REPAIR_OF_RULE[v.rule] ? [`${REPAIR_OF_RULE[v.rule]} ${v.path}`] : []))
    .sort();
}

/**
 * Siblings sharing one order number (live stages, live lanes, personas, cards of one cell).
 * Not a violation — siblings sort by (order, id), so a tie still has one order — but counted
 * by the fuzz: two users inserting at one place at once produce them, and so do ~52 inserts
 * into one gap by one user (float orders run out; see the `it.fails` in convergence.test.ts).
 */
export function orderTies(doc: Y.Doc): number {
  const groups = new Map<string, Set<number>>();
  let ties = 0;
  const add = (group: string, order: unknown) => {
    if (!finite(order)) return;
    const seen = groups.get(group) ?? new Set<number>();
    if (seen.has(order)) ties += 1;
    seen.add(order);
    groups.set(group, seen);
  };
  for (const name of [STAGES, LANES] as const) {
    for (const [, record] of recordMapsOf(doc, name)) if (record.get('removed') !== true) add(name, record.get('order'));
  }
  for (const [, record] of recordMapsOf(doc, PERSONAS)) add(PERSONAS, record.get('order'));
  for (const [, record] of recordMapsOf(doc, CARDS)) {
    const cell = record.get('cell');
    if (isPlain(cell)) add(`${cell.stageId}|${cell.laneId}`, cell.order);
  }
  return ties;
}

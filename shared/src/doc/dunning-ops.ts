import type * as Y from 'yjs';
import { createCadenceRuleId, createScenarioId, type CadenceRuleId, type ScenarioId } from '../ids.ts';
import { CADENCE_PRESET_RULES, defaultScenarios, dunningLanguage, type CadencePreset } from '../dunning/defaults.ts';
import { cadenceRuleSchema, scenarioSchema, type CadenceRuleFields, type Scenario } from '../schema/dunning.ts';
import { LIMITS } from '../schema/limits.ts';
import { cadenceRulesMap, metaMap, recordFrom, scenariosMap, type RecordMap } from './layout.ts';
import { BoardOpError } from './ops.ts';
import { LOCAL_ORIGIN } from './origins.ts';
import { compareOrdered, orderAtIndex, type Ordered } from './order.ts';

/**
 * Edit operations of the board's dunning model: debtor scenarios and cadence rules. Like
 * every op in ops.ts, each is one transaction (one undo step, one update on the wire).
 * Touchpoints' dunning fields change through `updateCard`.
 */
export type ScenarioFields = Omit<Scenario, 'id'>;

function ordered(map: Y.Map<RecordMap>): Ordered[] {
  const out: Ordered[] = [];
  map.forEach((record, id) => {
    out.push({ id, order: Number(record.get('order')) || 0 });
  });
  return out.sort(compareOrdered);
}

function requireRecord(map: Y.Map<RecordMap>, id: string, what: string): RecordMap {
  const record = map.get(id);
  if (!record || typeof record.get !== 'function') throw new BoardOpError('not-found', `${what} "${id}" does not exist`);
  return record;
}

function checkScenario(fields: Partial<ScenarioFields>): void {
  const partial = scenarioSchema.omit({ id: true }).partial().safeParse(fields);
  if (partial.success) return;
  if (typeof fields.name === 'string' && fields.name.length > LIMITS.titleLength) {
    throw new BoardOpError('too-long', `name is longer than ${LIMITS.titleLength} characters`);
  }
  throw new BoardOpError('invalid', `not a valid scenario: ${partial.error.issues[0]?.message ?? ''}`);
}

function roomFor(map: Y.Map<RecordMap>, adding: number, max: number, what: string): void {
  if (map.size + adding > max) throw new BoardOpError('too-many', `a board holds at most ${max} ${what}`);
}

// ───────────────────────────── scenarios ─────────────────────────────

export function addScenario(doc: Y.Doc, fields: ScenarioFields, origin: unknown = LOCAL_ORIGIN): ScenarioId {
  checkScenario(fields);
  const map = scenariosMap(doc);
  roomFor(map, 1, LIMITS.scenarios, 'scenarios');
  const id = createScenarioId();
  const all = ordered(map);
  const { name, outcome, vulnerable } = fields;
  doc.transact(() => map.set(id, recordFrom({ name, outcome, vulnerable, order: orderAtIndex(all, all.length) })), origin);
  return id;
}

/** Adds the five default scenarios ("forgot" … "vulnerable customer"), named in the board's language. */
export function addDefaultScenarios(doc: Y.Doc, origin: unknown = LOCAL_ORIGIN): ScenarioId[] {
  const map = scenariosMap(doc);
  const defaults = defaultScenarios(dunningLanguage(String(metaMap(doc).get('locale') ?? 'en')));
  roomFor(map, defaults.length, LIMITS.scenarios, 'scenarios');
  const all = ordered(map);
  const last = all[all.length - 1]?.order ?? 0;
  const ids = defaults.map(() => createScenarioId());
  doc.transact(() => {
    defaults.forEach(({ name, outcome, vulnerable }, index) => {
      map.set(ids[index] as string, recordFrom({ name, outcome, vulnerable, order: last + index + 1 }));
    });
  }, origin);
  return ids;
}

export function updateScenario(doc: Y.Doc, id: ScenarioId, patch: Partial<ScenarioFields>, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireRecord(scenariosMap(doc), id, 'scenario');
  checkScenario(patch);
  doc.transact(() => {
    for (const key of ['name', 'outcome', 'vulnerable'] as const) {
      const value = patch[key];
      if (value !== undefined && record.get(key) !== value) record.set(key, value);
    }
  }, origin);
}

/** Removes a scenario; cards that named it stop naming it when read (see read.ts), so nothing else is rewritten. */
export function removeScenario(doc: Y.Doc, id: ScenarioId, origin: unknown = LOCAL_ORIGIN): void {
  requireRecord(scenariosMap(doc), id, 'scenario');
  doc.transact(() => scenariosMap(doc).delete(id), origin);
}

// ───────────────────────────── cadence rules ─────────────────────────────

const RULE_KEYS = ['kind', 'limit', 'windowDays', 'channel', 'days', 'step', 'amount'] as const;

function checkRule(fields: CadenceRuleFields): void {
  const result = cadenceRuleSchema.safeParse({ ...fields, id: 'r_check' });
  if (!result.success) throw new BoardOpError('invalid', `not a valid cadence rule: ${result.error.issues[0]?.message ?? ''}`);
}

/** The rule's own fields only (a caller's extra keys are not stored). */
const ruleValues = (fields: CadenceRuleFields): Record<string, unknown> =>
  Object.fromEntries(RULE_KEYS.map((key) => [key, (fields as Record<string, unknown>)[key]]).filter(([, v]) => v !== undefined));

export function addCadenceRule(doc: Y.Doc, fields: CadenceRuleFields, origin: unknown = LOCAL_ORIGIN): CadenceRuleId {
  return addCadenceRules(doc, [fields], origin)[0] as CadenceRuleId;
}

/** Adds a preset's rules (standard cadence, Danish or Swedish law) in one step. */
export const addCadencePreset = (doc: Y.Doc, preset: CadencePreset, origin: unknown = LOCAL_ORIGIN): CadenceRuleId[] =>
  addCadenceRules(doc, CADENCE_PRESET_RULES[preset], origin);

function addCadenceRules(doc: Y.Doc, rules: readonly CadenceRuleFields[], origin: unknown): CadenceRuleId[] {
  rules.forEach(checkRule);
  const map = cadenceRulesMap(doc);
  roomFor(map, rules.length, LIMITS.cadenceRules, 'cadence rules');
  const last = ordered(map).at(-1)?.order ?? 0;
  const ids = rules.map(() => createCadenceRuleId());
  doc.transact(() => {
    rules.forEach((rule, index) => {
      map.set(ids[index] as string, recordFrom({ ...ruleValues(rule), order: last + index + 1 }));
    });
  }, origin);
  return ids;
}

/** Replaces a rule's settings (its kind may change too); keys the new settings lack are removed. */
export function updateCadenceRule(doc: Y.Doc, id: CadenceRuleId, fields: CadenceRuleFields, origin: unknown = LOCAL_ORIGIN): void {
  const record = requireRecord(cadenceRulesMap(doc), id, 'cadence rule');
  checkRule(fields);
  const values = ruleValues(fields);
  doc.transact(() => {
    for (const key of RULE_KEYS) {
      const value = values[key];
      if (value === undefined) {
        if (record.has(key)) record.delete(key);
      } else if (record.get(key) !== value) record.set(key, value);
    }
  }, origin);
}

export function removeCadenceRule(doc: Y.Doc, id: CadenceRuleId, origin: unknown = LOCAL_ORIGIN): void {
  requireRecord(cadenceRulesMap(doc), id, 'cadence rule');
  doc.transact(() => cadenceRulesMap(doc).delete(id), origin);
}

export { RULE_KEYS as CADENCE_RULE_KEYS };

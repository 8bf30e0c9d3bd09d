import type * as Y from 'yjs';
import type { CadenceRuleId, CardId, LaneId, LinkId, PersonaId, ScenarioId, StageId } from '../ids.ts';
import { CADENCE_PRESET_RULES, DEFAULT_SCENARIO_KEYS, type CadencePreset } from '../dunning/defaults.ts';
import type { CadenceRuleFields } from '../schema/dunning.ts';
import { customChannelKey, readBoardChannels } from '../doc/custom-channels.ts';
import type { Persona } from '../schema/persona.ts';
import type { UpdateChange } from '../doc/inspect.ts';
import {
  CADENCE_RULES,
  cadenceRulesMap,
  CARDS,
  cardsMap,
  LANES,
  LINKS,
  linksMap,
  META,
  metaMap,
  PERSONAS,
  personasMap,
  SCENARIOS,
  scenariosMap,
  STAGES,
  type RecordMap,
} from '../doc/layout.ts';
import { CADENCE_RULE_KEYS, type ScenarioFields } from '../doc/dunning-ops.ts';
import type { AddCardInput, CardDisposition, CardPatch, CardTextField, MoveTarget } from '../doc/ops.ts';
import { readCellOf } from '../doc/read.ts';
import { COMMENTS, commentsMap, PEOPLE, PERSON_NAME_LENGTH, peopleMap } from '../comments/layout.ts';
import { newCommentFields, normalizeMentions, type NewComment } from '../comments/ops.ts';
import { hasText, isTextField, textValue, type TextEdit } from '../doc/text.ts';
import { personaEmotionField, spreadPersonaEmotions } from '../doc/persona-emotions.ts';
import type { Emotion } from '../schema/card.ts';

/**
 * What each edit operation of doc/ops.ts will change, as the same `UpdateChange`s that
 * `describeUpdate` finds in the update it then sends — computed without running it, so the
 * client can ask the permission table before a command runs. Each entry mirrors its op; the
 * property test in tests/roles/permissions.test.ts runs both and fails when they part.
 *
 * A record the op will create has no id yet: NEW_RECORD stands for it (never a valid id).
 */
const NEW_RECORD = '(new)';

const change = (
  root: string,
  recordId: string | undefined,
  field: string | undefined,
  kind: UpdateChange['kind'] = 'insert',
): UpdateChange => ({
  root,
  recordId,
  field,
  kind,
});

/** A new record: the record itself and each of its fields. */
const recordInsert = (root: string, id: string, fields: readonly string[]): UpdateChange[] => [
  change(root, id, undefined),
  ...fields.map((field) => change(root, id, field)),
];

/** Deleting a record deletes its live fields too. */
function recordDelete(map: Y.Map<RecordMap>, root: string, id: string): UpdateChange[] {
  const record = map.get(id);
  if (!record) return [];
  return [change(root, id, undefined, 'delete'), ...[...record.keys()].map((field) => change(root, id, field, 'delete'))];
}

function deleteCards(doc: Y.Doc, ids: readonly CardId[]): UpdateChange[] {
  const gone = new Set<string>(ids);
  const out = [...gone].flatMap((id) => recordDelete(cardsMap(doc), CARDS, id));
  for (const [linkId, link] of linksMap(doc).entries()) {
    if (gone.has(link.from) || gone.has(link.to)) out.push(change(LINKS, linkId, undefined, 'delete'));
  }
  return out;
}

function removeAxis(doc: Y.Doc, root: typeof STAGES | typeof LANES, id: string, disposition: CardDisposition | undefined): UpdateChange[] {
  const out = [change(root, id, 'removed')];
  // Without a disposition the op refuses a stage or lane that holds cards.
  if (!disposition) return out;
  const key = root === STAGES ? 'stageId' : 'laneId';
  const affected: CardId[] = [];
  cardsMap(doc).forEach((record, cardId) => {
    if (readCellOf(record)?.[key] === id) affected.push(cardId as CardId);
  });
  if (disposition.cards === 'move') return [...out, ...affected.map((cardId) => change(CARDS, cardId, 'cell'))];
  return [...out, ...deleteCards(doc, affected)];
}

const AXIS_FIELDS = ['title', 'order'];

const SCENARIO_FIELDS = ['name', 'outcome', 'vulnerable', 'order'];

const ruleFields = (rule: CadenceRuleFields): string[] => [
  ...CADENCE_RULE_KEYS.filter((key) => (rule as Record<string, unknown>)[key] !== undefined),
  'order',
];

/** What `updateCadenceRule` sets or deletes on an existing rule. */
function updateRule(doc: Y.Doc, id: CadenceRuleId, fields: CadenceRuleFields): UpdateChange[] {
  const record = cadenceRulesMap(doc).get(id);
  if (!record) return [];
  const out: UpdateChange[] = [];
  for (const key of CADENCE_RULE_KEYS) {
    const value = (fields as Record<string, unknown>)[key];
    if (value === undefined) {
      if (record.has(key)) out.push(change(CADENCE_RULES, id, key, 'delete'));
    } else if (record.get(key) !== value) out.push(change(CADENCE_RULES, id, key));
  }
  return out;
}

export const PLANNED_CHANGES = {
  setBoardTitle: (_doc: Y.Doc, _title: string) => [change(META, 'title', undefined)],

  addCustomChannel(doc: Y.Doc, name: string): UpdateChange[] {
    const key = customChannelKey(name);
    return readBoardChannels(metaMap(doc)).names.some((n) => customChannelKey(n) === key) ? [] : [change(META, key, undefined)];
  },

  addCard(_doc: Y.Doc, input: AddCardInput): UpdateChange[] {
    const { stageId: _stage, laneId: _lane, index: _index, id, ...fields } = input;
    const set = Object.entries(spreadPersonaEmotions(fields))
      .filter(([, value]) => value !== undefined)
      .map(([field]) => field);
    return recordInsert(CARDS, id ?? NEW_RECORD, [...new Set(['text', ...set, 'cell'])]);
  },

  updateCard(doc: Y.Doc, id: CardId, patch: CardPatch): UpdateChange[] {
    const record = cardsMap(doc).get(id);
    if (!record) return [];
    const out: UpdateChange[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (value === null && record.has(field)) out.push(change(CARDS, id, field, 'delete'));
      else if (typeof value === 'string' && isTextField(CARDS, field)) {
        // Text is edited in its Y.Text: a change only when the words differ.
        if (!hasText(record, field) || textValue(record.get(field)) !== value) out.push(change(CARDS, id, field));
      } else if (value !== null && value !== undefined && record.get(field) !== value) out.push(change(CARDS, id, field));
    }
    return out;
  },

  setPersonaEmotion(doc: Y.Doc, id: CardId, personaId: PersonaId, emotion: Emotion | null): UpdateChange[] {
    const record = cardsMap(doc).get(id);
    const field = personaEmotionField(personaId);
    if (!record || !personasMap(doc).has(personaId) || (record.get(field) ?? null) === emotion) return [];
    return [change(CARDS, id, field, emotion === null ? 'delete' : 'insert')];
  },

  editCardText: (doc: Y.Doc, id: CardId, field: CardTextField, edit: TextEdit) =>
    cardsMap(doc).has(id) && (edit.remove > 0 || edit.insert !== '') ? [change(CARDS, id, field)] : [],

  moveCards: (_doc: Y.Doc, ids: readonly CardId[], _to: MoveTarget) => ids.map((id) => change(CARDS, id, 'cell')),

  deleteCards,

  linkCards(doc: Y.Doc, from: CardId, to: CardId): UpdateChange[] {
    for (const link of linksMap(doc).values()) {
      if ((link.from === from && link.to === to) || (link.from === to && link.to === from)) return [];
    }
    return [change(LINKS, NEW_RECORD, undefined)];
  },

  unlinkCards: (doc: Y.Doc, id: LinkId) => (linksMap(doc).has(id) ? [change(LINKS, id, undefined, 'delete')] : []),

  addStage: (_doc: Y.Doc, _title: string, _index?: number) => recordInsert(STAGES, NEW_RECORD, AXIS_FIELDS),
  renameStage: (_doc: Y.Doc, id: StageId, _title: string) => [change(STAGES, id, 'title')],
  moveStage: (_doc: Y.Doc, id: StageId, _toIndex: number) => [change(STAGES, id, 'order')],
  removeStage: (doc: Y.Doc, id: StageId, disposition?: CardDisposition) => removeAxis(doc, STAGES, id, disposition),
  addLane: (_doc: Y.Doc, _title: string) => recordInsert(LANES, NEW_RECORD, [...AXIS_FIELDS, 'kind']),
  renameLane: (_doc: Y.Doc, id: LaneId, _title: string) => [change(LANES, id, 'title')],
  moveLane: (_doc: Y.Doc, id: LaneId, _toIndex: number) => [change(LANES, id, 'order')],
  removeLane: (doc: Y.Doc, id: LaneId, disposition?: CardDisposition) => removeAxis(doc, LANES, id, disposition),

  addPersona(doc: Y.Doc, fields: Omit<Persona, 'id'>): UpdateChange[] {
    const out = recordInsert(PERSONAS, NEW_RECORD, [...Object.keys(fields), 'order']);
    if (!metaMap(doc).get('activePersonaId')) out.push(change(META, 'activePersonaId', undefined));
    return out;
  },
  updatePersona: (_doc: Y.Doc, id: PersonaId, patch: Partial<Omit<Persona, 'id'>>) =>
    Object.entries(patch)
      .filter(([, value]) => typeof value === 'string')
      .map(([field]) => change(PERSONAS, id, field)),
  removePersona(doc: Y.Doc, id: PersonaId): UpdateChange[] {
    const out = recordDelete(personasMap(doc), PERSONAS, id);
    if (out.length > 0 && metaMap(doc).get('activePersonaId') === id) out.push(change(META, 'activePersonaId', undefined));
    return out;
  },
  setActivePersona: (_doc: Y.Doc, _id: PersonaId | null) => [change(META, 'activePersonaId', undefined)],

  // comments/ops.ts: the new comment's id starts with its author's id, so its owner is known before it exists.
  addComment: (_doc: Y.Doc, authorId: string, input: NewComment) =>
    recordInsert(COMMENTS, input.id ?? `${authorId}.${NEW_RECORD}`, Object.keys(newCommentFields(input, 0))),
  editComment(doc: Y.Doc, id: string, text: string, mentions: readonly string[]): UpdateChange[] {
    const record = commentsMap(doc).get(id);
    if (!record) return [];
    // An overwrite deletes the old value too, and for someone else's comment a deletion is moderation.
    const write = (field: string) => [change(COMMENTS, id, field), ...(record.has(field) ? [change(COMMENTS, id, field, 'delete')] : [])];
    const out = write('editedAt');
    if (record.get('text') !== text.trim()) out.push(...write('text'));
    if (JSON.stringify(record.get('mentions')) !== JSON.stringify(normalizeMentions(mentions))) out.push(...write('mentions'));
    return out;
  },
  setThreadResolved(doc: Y.Doc, rootId: string, resolved: boolean): UpdateChange[] {
    const record = commentsMap(doc).get(rootId);
    return record && (record.get('resolved') === true) !== resolved ? [change(COMMENTS, rootId, 'resolved')] : [];
  },
  removeComment: (doc: Y.Doc, id: string) => recordDelete(commentsMap(doc), COMMENTS, id),
  setPersonDone(doc: Y.Doc, participantId: string, phase: string | null): UpdateChange[] {
    const record = peopleMap(doc).get(participantId);
    if (!record) return phase === null ? recordInsert(PEOPLE, participantId, []) : recordInsert(PEOPLE, participantId, ['done']);
    if (phase === null) return record.has('done') ? [change(PEOPLE, participantId, 'done', 'delete')] : [];
    return record.get('done') === phase ? [] : [change(PEOPLE, participantId, 'done')];
  },
  setPersonName(doc: Y.Doc, participantId: string, name: string): UpdateChange[] {
    const record = peopleMap(doc).get(participantId);
    if (!record) return recordInsert(PEOPLE, participantId, ['name']);
    return record.get('name') === name.trim().slice(0, PERSON_NAME_LENGTH) ? [] : [change(PEOPLE, participantId, 'name')];
  },
  // ── the dunning model (doc/dunning-ops.ts) ──
  addScenario: (_doc: Y.Doc, _fields: ScenarioFields) => recordInsert(SCENARIOS, NEW_RECORD, SCENARIO_FIELDS),
  addDefaultScenarios: (_doc: Y.Doc) => DEFAULT_SCENARIO_KEYS.flatMap(() => recordInsert(SCENARIOS, NEW_RECORD, SCENARIO_FIELDS)),
  updateScenario(doc: Y.Doc, id: ScenarioId, patch: Partial<ScenarioFields>): UpdateChange[] {
    const record = scenariosMap(doc).get(id);
    if (!record) return [];
    return (['name', 'outcome', 'vulnerable'] as const)
      .filter((key) => patch[key] !== undefined && record.get(key) !== patch[key])
      .map((key) => change(SCENARIOS, id, key));
  },
  removeScenario: (doc: Y.Doc, id: ScenarioId) => recordDelete(scenariosMap(doc), SCENARIOS, id),
  addCadenceRule: (_doc: Y.Doc, fields: CadenceRuleFields) => recordInsert(CADENCE_RULES, NEW_RECORD, ruleFields(fields)),
  addCadencePreset: (_doc: Y.Doc, preset: CadencePreset) =>
    CADENCE_PRESET_RULES[preset].flatMap((rule) => recordInsert(CADENCE_RULES, NEW_RECORD, ruleFields(rule))),
  updateCadenceRule: updateRule,
  removeCadenceRule: (doc: Y.Doc, id: CadenceRuleId) => recordDelete(cadenceRulesMap(doc), CADENCE_RULES, id),
} satisfies Record<string, (doc: Y.Doc, ...args: never[]) => UpdateChange[]>;

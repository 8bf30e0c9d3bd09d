import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { smallBoard } from '../../testing/fixtures.ts';
import { emotionCurve } from '../emotion.ts';
import { cardsMap, metaMap } from '../doc/layout.ts';
import { addPersona } from '../doc/personas.ts';
import { personaEmotionField, setPersonaEmotion } from '../doc/persona-emotions.ts';
import { docToBoard, readBoardWithRepairs } from '../doc/read.ts';
import { boardToDoc } from '../doc/write.ts';
import type { CardId, PersonaId } from '../ids.ts';
import { migrateBoardJson, migrateDoc } from './index.ts';
import { describeUpdate } from '../doc/analyze.ts';
import { judgeChanges, readPermissionState } from '../permissions/judge.ts';
import { PLANNED_CHANGES } from '../permissions/planned.ts';

const withPersonas = () => {
  const board = smallBoard();
  return {
    ...board,
    personas: [
      { id: 'p_young' as PersonaId, name: 'Young payer', description: '', segment: '' },
      { id: 'p_firm' as PersonaId, name: 'Small firm', description: '', segment: '' },
    ],
    activePersonaId: 'p_young' as PersonaId,
  };
};

describe('migration 4: per-persona emotions', () => {
  it('a version-3 file with personas imports; every persona curve follows the shared emotions until set', () => {
    const v3 = { ...withPersonas(), schemaVersion: 3 };
    const result = migrateBoardJson(v3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemaVersion).toBe(4);
    expect(result.value.cards.some((c) => c.personaEmotions)).toBe(false);
    const shared = emotionCurve(result.value);
    expect(emotionCurve(result.value, 'p_young')).toEqual(shared);
    expect(emotionCurve(result.value, 'p_firm')).toEqual(shared);
  });

  it('a stored version-3 document moves to 4 and reads the same board', () => {
    const doc = boardToDoc(withPersonas());
    metaMap(doc).set('schemaVersion', 3);
    const before = docToBoard(doc, 'b');
    expect(migrateDoc(doc)).toEqual([4]);
    expect(docToBoard(doc, 'b')).toEqual({ ...before, schemaVersion: 4 });
  });

  it('a file naming an unknown persona is refused; a known one round-trips through the document', () => {
    const board = withPersonas();
    const touchpoint = board.cards.find((c) => c.kind === 'touchpoint')!;
    const cards = board.cards.map((c) => (c.id === touchpoint.id ? { ...c, personaEmotions: { p_firm: -2 as const } } : c));
    expect(migrateBoardJson({ ...board, cards: cards.map((c) => ({ ...c, personaEmotions: { p_gone: 1 } })) }).ok).toBe(false);
    const imported = migrateBoardJson({ ...board, cards });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const doc = boardToDoc(imported.value);
    // One key per persona in the document, the object in the file.
    expect(cardsMap(doc).get(touchpoint.id)!.get(personaEmotionField('p_firm'))).toBe(-2);
    expect(docToBoard(doc, imported.value.id)).toEqual(imported.value);
    expect(emotionCurve(imported.value, 'p_firm')).not.toEqual(emotionCurve(imported.value, 'p_young'));
  });

  it('two people setting two personas of one touchpoint at once both keep their value', () => {
    const a = boardToDoc(withPersonas());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const id = docToBoard(a, 'x').cards.find((c) => c.kind === 'touchpoint')!.id as CardId;
    setPersonaEmotion(a, id, 'p_young' as PersonaId, 2);
    setPersonaEmotion(b, id, 'p_firm' as PersonaId, -2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const card = docToBoard(a, 'x').cards.find((c) => c.id === id)!;
    expect(card.personaEmotions).toEqual({ p_young: 2, p_firm: -2 });
    expect(docToBoard(b, 'x')).toEqual(docToBoard(a, 'x'));
    // Cleared: back to the shared emotion.
    setPersonaEmotion(a, id, 'p_young' as PersonaId, null);
    expect(docToBoard(a, 'x').cards.find((c) => c.id === id)!.personaEmotions).toEqual({ p_firm: -2 });
  });

  it('the reader drops a removed persona and reports a value that is not an emotion', () => {
    const doc = boardToDoc(withPersonas());
    const id = docToBoard(doc, 'x').cards.find((c) => c.kind === 'touchpoint')!.id;
    const record = cardsMap(doc).get(id)!;
    record.set(personaEmotionField('p_gone'), 1);
    record.set(personaEmotionField('p_firm'), 7);
    const extra = addPersona(doc, { name: 'Third', description: '', segment: '' });
    record.set(personaEmotionField(extra), 1);
    const { board, repairs } = readBoardWithRepairs(doc, 'x');
    expect(board.cards.find((c) => c.id === id)!.personaEmotions).toEqual({ [extra]: 1 });
    expect(repairs.map((r) => r.path)).toContain(`cards/${id}/${personaEmotionField('p_firm')}`);
  });
});

describe('per-persona emotions and permissions', () => {
  it("an editor may set a persona's emotion (like the shared emotion), a viewer may not, and the board lock stops the editor", () => {
    const doc = boardToDoc(withPersonas());
    const id = docToBoard(doc, 'x').cards.find((c) => c.kind === 'touchpoint')!.id as CardId;
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(replica);
    setPersonaEmotion(replica, id, 'p_firm' as PersonaId, 1);
    const changes = describeUpdate(doc, Y.encodeStateAsUpdate(replica, before));
    expect(changes).toEqual([{ root: 'cards', recordId: id, field: personaEmotionField('p_firm'), kind: 'insert' }]);
    // The plan the client asks before running the op names the same change.
    expect(PLANNED_CHANGES.setPersonaEmotion(doc, id, 'p_firm' as PersonaId, 1)).toEqual(changes);
    const state = readPermissionState(doc);
    expect(judgeChanges('editor', state, changes).ok).toBe(true);
    expect(judgeChanges('viewer', state, changes).ok).toBe(false);
    const locked = { ...state, locks: { ...state.locks, board: true } };
    expect(judgeChanges('editor', locked, changes)).toMatchObject({ ok: false, refusal: { cause: 'boardLock' } });
    expect(judgeChanges('facilitator', locked, changes).ok).toBe(true);
  });
});

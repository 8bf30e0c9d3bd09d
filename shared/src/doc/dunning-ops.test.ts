import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { docOf, smallBoard, syncDocs } from '../../testing/fixtures.ts';
import type { CardId } from '../ids.ts';
import { PLANNED_CHANGES } from '../permissions/planned.ts';
import { describeUpdate } from './inspect.ts';
import {
  addCadencePreset,
  addCadenceRule,
  addDefaultScenarios,
  addScenario,
  removeCadenceRule,
  removeScenario,
  updateCadenceRule,
  updateScenario,
} from './dunning-ops.ts';
import { boardContentMaps, cadenceRulesMap, metaMap } from './layout.ts';
import { BoardOpError, updateCard } from './ops.ts';
import { LOCAL_ORIGIN } from './origins.ts';
import { docToBoard } from './read.ts';

const read = (doc: Y.Doc) => docToBoard(doc, 'board1');

describe('dunning ops', () => {
  it('adds the five default scenarios in the board’s language, renameable, in one undo step', () => {
    const doc = docOf(smallBoard());
    metaMap(doc).set('locale', 'da-DK');
    const undo = new Y.UndoManager(boardContentMaps(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const ids = addDefaultScenarios(doc);
    expect(read(doc).scenarios.map((s) => s.name)).toEqual([
      'Glemte det',
      'Midlertidige betalingsproblemer',
      'Bestrider kravet',
      'Vil ikke betale',
      'Sårbar kunde',
    ]);
    expect(
      read(doc)
        .scenarios.filter((s) => s.vulnerable)
        .map((s) => s.id),
    ).toEqual([ids[4]]);
    undo.stopCapturing();
    updateScenario(doc, ids[0]!, { name: 'Har glemt fakturaen' });
    expect(read(doc).scenarios[0]?.name).toBe('Har glemt fakturaen');
    undo.undo();
    expect(read(doc).scenarios[0]?.name).toBe('Glemte det');
    undo.undo();
    expect(read(doc).scenarios).toEqual([]);
  });

  it('a removed scenario disappears from the touchpoints that named it, and comes back with undo', () => {
    const doc = docOf(smallBoard());
    const undo = new Y.UndoManager(boardContentMaps(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const vulnerable = addScenario(doc, { name: 'Vulnerable', outcome: 'payment-plan', vulnerable: true });
    const forgot = addScenario(doc, { name: 'Forgot', outcome: 'paid', vulnerable: false });
    updateCard(doc, 'c_letter' as CardId, {
      scenarioIds: [vulnerable, forgot],
      scenarioEmotions: { [vulnerable]: -2 },
      dayOffset: 13,
      checkpoint: 'breathing-space',
    });
    undo.stopCapturing();
    removeScenario(doc, vulnerable);
    const letter = () => read(doc).cards.find((c) => c.id === 'c_letter')!;
    expect(letter()).toMatchObject({ scenarioIds: [forgot], dayOffset: 13, checkpoint: 'breathing-space' });
    expect(letter().scenarioEmotions).toBeUndefined();
    undo.undo();
    expect(letter()).toMatchObject({ scenarioIds: [vulnerable, forgot], scenarioEmotions: { [vulnerable]: -2 } });
  });

  it('refuses a bad scenario, rule, day or too many of them with a clear error, changing nothing', () => {
    const doc = docOf(smallBoard());
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => addScenario(doc, { name: 'x'.repeat(201), outcome: 'paid', vulnerable: false })).toThrow(BoardOpError);
    expect(() => addScenario(doc, { name: 'x', outcome: 'jail' as never, vulnerable: false })).toThrow(/not a valid scenario/);
    expect(() => addCadenceRule(doc, { kind: 'max-contacts', limit: 0, windowDays: 7 })).toThrow(/not a valid cadence rule/);
    expect(() => updateCard(doc, 'c_letter' as CardId, { dayOffset: 2.5 })).toThrow(/not a valid dayOffset/);
    expect(() => updateCard(doc, 'c_letter' as CardId, { dayOffset: 99_999 })).toThrow(BoardOpError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    addDefaultScenarios(doc);
    addDefaultScenarios(doc);
    expect(() => addDefaultScenarios(doc)).toThrow(/at most 12 scenarios/);
  });

  it('replaces a rule’s settings whole, and presets add the law’s rules', () => {
    const doc = docOf(smallBoard());
    const id = addCadenceRule(doc, { kind: 'max-contacts', limit: 3, windowDays: 7, channel: 'sms' });
    updateCadenceRule(doc, id, { kind: 'promise-quiet', days: 5 });
    expect(read(doc).cadenceRules).toEqual([{ id, kind: 'promise-quiet', days: 5 }]);
    expect([...cadenceRulesMap(doc).get(id)!.keys()].sort()).toEqual(['days', 'kind', 'order']);
    addCadencePreset(doc, 'denmark');
    expect(read(doc).cadenceRules.map((r) => r.kind)).toEqual([
      'promise-quiet',
      'reminder-spacing',
      'reminder-count',
      'fee-cap',
      'fee-cap',
    ]);
    removeCadenceRule(doc, id);
    expect(read(doc).cadenceRules).toHaveLength(4);
  });

  it('two replicas renaming and adding scenarios concurrently converge', () => {
    const a = docOf(smallBoard());
    const b = new Y.Doc();
    syncDocs(a, b);
    const id = addScenario(a, { name: 'Forgot', outcome: 'paid', vulnerable: false });
    syncDocs(a, b);
    updateScenario(a, id, { name: 'Forgot the invoice' });
    updateScenario(b, id, { outcome: 'payment-plan' });
    addScenario(b, { name: 'Won’t pay', outcome: 'collection', vulnerable: false });
    syncDocs(a, b);
    expect(read(a)).toEqual(read(b));
    expect(read(a).scenarios[0]).toMatchObject({ name: 'Forgot the invoice', outcome: 'payment-plan' });
  });

  it('each op’s planned changes are exactly what its update touches', () => {
    const doc = docOf(smallBoard());
    const id = addScenario(doc, { name: 'Forgot', outcome: 'paid', vulnerable: false });
    const ruleId = addCadenceRule(doc, { kind: 'max-contacts', limit: 3, windowDays: 7 });
    const cases: Array<[() => unknown, () => unknown[]]> = [
      [() => PLANNED_CHANGES.updateScenario(doc, id, { name: 'Glemte' }), () => updateScenario(doc, id, { name: 'Glemte' }) as never],
      [
        () => PLANNED_CHANGES.updateCadenceRule(doc, ruleId, { kind: 'promise-quiet', days: 3 }),
        () => updateCadenceRule(doc, ruleId, { kind: 'promise-quiet', days: 3 }) as never,
      ],
      [() => PLANNED_CHANGES.removeScenario(doc, id), () => removeScenario(doc, id) as never],
    ];
    for (const [planned, run] of cases) {
      const plan = planned() as Array<{ root: string; recordId?: string; field?: string }>;
      const updates: Uint8Array[] = [];
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const capture = (u: Uint8Array) => updates.push(u);
      doc.on('update', capture);
      run();
      doc.off('update', capture);
      const described = describeUpdate(copy, Y.mergeUpdates(updates));
      const key = (c: { root: string; recordId?: string; field?: string }) => `${c.root}/${c.recordId}/${c.field}`;
      expect(new Set(described.map(key))).toEqual(new Set(plan.map(key)));
    }
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { cardsMap, lanesMap, metaMap, personasMap, recordFrom, stagesMap } from '../doc/layout.ts';
import { docToBoard } from '../doc/read.ts';
import { smallBoard, docOf } from '../../testing/fixtures.ts';
import { CURRENT_SCHEMA_VERSION } from '../schema/board.ts';
import { MAX_IMPORT_DEPTH, MIGRATIONS, migrateBoardJson, migrateDoc, type Migration } from './index.ts';

/**
 * Before/after fixtures, one per migration in MIGRATIONS. Adding a migration without a
 * fixture here fails the first test below.
 */
const V1_BOARD = {
  id: 'board1',
  title: 'Collection letters',
  schemaVersion: 1,
  locale: 'en',
  currency: 'DKK',
  personas: [],
  activePersonaId: null,
  stages: [{ id: 's_invoice', title: 'Invoice' }],
  lanes: [{ id: 'l_touch', title: 'Touchpoints', kind: 'touchpoints' }],
  cards: [
    {
      id: 'c_letter',
      kind: 'touchpoint',
      stageId: 's_invoice',
      laneId: 'l_touch',
      order: 1,
      text: 'Reminder',
      channel: 'letter',
    },
  ],
  links: [],
};

const FIXTURES: Record<number, { before: unknown; after: unknown }> = {
  2: { before: V1_BOARD, after: { ...V1_BOARD, schemaVersion: 2, scenarios: [], cadenceRules: [] } },
  // Collaborative text: a file keeps its plain strings, only the version moves.
  3: { before: { ...smallBoard(), schemaVersion: 2 }, after: { ...smallBoard(), schemaVersion: 3 } },
  // Per-persona emotions: nothing to rewrite (each persona follows the shared emotion), only the version moves.
  4: { before: { ...smallBoard(), schemaVersion: 3 }, after: { ...smallBoard(), schemaVersion: 4 } },
};

/** A document as a version-1 or -2 server stored it: every text a plain string. */
function plainTextDoc(version: 1 | 2): Y.Doc {
  const board = smallBoard();
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('title', board.title);
    metaMap(doc).set('schemaVersion', version);
    board.stages.forEach((s, i) => {
      stagesMap(doc).set(s.id, recordFrom({ title: s.title, order: i + 1 }));
    });
    board.lanes.forEach((l, i) => {
      lanesMap(doc).set(l.id, recordFrom({ title: l.title, kind: l.kind, order: i + 1 }));
    });
    for (const { id, stageId, laneId, order, ...fields } of board.cards) {
      cardsMap(doc).set(id, recordFrom({ ...fields, cell: { stageId, laneId, order } }));
    }
    personasMap(doc).set('p_1', recordFrom({ name: 'Young payer', description: 'd', segment: 's', order: 1 }));
  });
  return doc;
}

describe('migrations', () => {
  it('every registered migration has a before/after fixture that it reproduces', () => {
    for (const migration of MIGRATIONS) {
      const fixture = FIXTURES[migration.version];
      expect(fixture, `migration ${migration.version} (${migration.name}) has no fixture`).toBeDefined();
      expect(migration.migrateJson(structuredClone(fixture!.before) as Record<string, unknown>)).toEqual(fixture!.after);
    }
    expect(Object.keys(FIXTURES).map(Number).sort()).toEqual(MIGRATIONS.map((m) => m.version).sort());
  });

  it('a current-version board passes through unchanged', () => {
    const board = smallBoard();
    const result = migrateBoardJson(structuredClone(board));
    expect(result).toMatchObject({ ok: true, value: board, fromVersion: CURRENT_SCHEMA_VERSION });
  });

  it('a version-1 board (before the dunning journey) imports with no scenarios and no cadence rules', () => {
    const result = migrateBoardJson(structuredClone(V1_BOARD));
    expect(result).toMatchObject({
      ok: true,
      fromVersion: 1,
      value: { schemaVersion: CURRENT_SCHEMA_VERSION, scenarios: [], cadenceRules: [] },
    });
    if (result.ok) expect(result.value.cards[0]).toMatchObject({ id: 'c_letter', channel: 'letter' });
  });

  it('a stored version-1 document is upgraded (2, 3, then 4) and reads with empty scenarios and rules', () => {
    const doc = docOf(smallBoard());
    metaMap(doc).set('schemaVersion', 1);
    expect(migrateDoc(doc)).toEqual([2, 3, 4]);
    expect(metaMap(doc).get('schemaVersion')).toBe(4);
    expect(docToBoard(doc, 'board1')).toMatchObject({ scenarios: [], cadenceRules: [] });
  });

  it('a version 1 file (plain strings, no dunning journey) still imports at the current version', () => {
    const board = smallBoard();
    const { scenarios, cadenceRules, ...v1 } = structuredClone(board);
    expect(scenarios).toEqual([]);
    expect(cadenceRules).toEqual([]);
    const result = migrateBoardJson({ ...v1, schemaVersion: 1 });
    expect(result).toMatchObject({ ok: true, value: board, fromVersion: 1 });
  });

  it('a version 2 file (plain strings) still imports, unchanged but for its version', () => {
    const board = smallBoard();
    const result = migrateBoardJson({ ...structuredClone(board), schemaVersion: 2 });
    expect(result).toMatchObject({ ok: true, value: board, fromVersion: 2 });
  });

  it.each([
    { version: 1 as const, applied: [2, 3, 4] },
    { version: 2 as const, applied: [3, 4] },
  ])(
    "version 3 turns a stored version-$version board's typed words into Y.Text that two people can edit together",
    ({ version, applied }) => {
      const doc = plainTextDoc(version);
      const before = docToBoard(doc, 'board1');
      expect(migrateDoc(doc)).toEqual(applied);
      expect(metaMap(doc).get('schemaVersion')).toBe(4);
      // The same board, word for word…
      expect(docToBoard(doc, 'board1')).toEqual(before);
      // …but its card texts, thoughts, stage and lane titles and persona names are Y.Text now.
      const letter = cardsMap(doc).get('c_letter')!;
      expect(letter.get('text')).toBeInstanceOf(Y.Text);
      expect([...stagesMap(doc).values()].every((s) => s.get('title') instanceof Y.Text)).toBe(true);
      expect([...lanesMap(doc).values()].every((l) => l.get('title') instanceof Y.Text)).toBe(true);
      expect(personasMap(doc).get('p_1')!.get('name')).toBeInstanceOf(Y.Text);
      expect(personasMap(doc).get('p_1')!.get('description')).toBe('d');
      // Two replicas type into the migrated text at once; both keystrokes stay.
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      (cardsMap(doc).get('c_letter')!.get('text') as Y.Text).insert(0, '[A] ');
      const otherText = cardsMap(other).get('c_letter')!.get('text') as Y.Text;
      otherText.insert(otherText.length, ' [B]');
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
      expect(docToBoard(doc, 'b').cards.find((c) => c.id === 'c_letter')!.text).toBe(
        `[A] ${before.cards.find((c) => c.id === 'c_letter')!.text} [B]`,
      );
      expect(docToBoard(other, 'b')).toEqual(docToBoard(doc, 'b'));
    },
  );

  it('a board from a newer Rejse is refused with a message that says so', () => {
    const result = migrateBoardJson({ ...smallBoard(), schemaVersion: 7 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/version 7, newer than this Rejse/);
    expect(result).toMatchObject({ refusal: 'newer-version' });
  });

  it('a file nested 100,000 levels deep is refused with a clear message instead of overflowing the stack', () => {
    const depth = 100_000;
    const arrays = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
    const objects = JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
    for (const deep of [arrays, objects]) {
      const result = migrateBoardJson({ ...smallBoard(), personas: deep });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([expect.stringContaining(`more than ${MAX_IMPORT_DEPTH} levels deep`)]);
      expect(result).toMatchObject({ refusal: 'too-deep' });
    }
    // A real board, far shallower, is not affected.
    expect(migrateBoardJson(smallBoard()).ok).toBe(true);
  });

  it('a file without a schema version or without an object is refused', () => {
    const { schemaVersion: _drop, ...unversioned } = smallBoard();
    expect(migrateBoardJson(unversioned)).toMatchObject({
      ok: false,
      refusal: 'no-version',
      errors: [expect.stringMatching(/^schemaVersion/)],
    });
    expect(migrateBoardJson([1, 2])).toMatchObject({ ok: false, refusal: 'not-a-board' });
    expect(migrateBoardJson(null)).toMatchObject({ ok: false, refusal: 'not-a-board' });
    // A board the schema refuses has no reason of its own: its problems are the message.
    expect(migrateBoardJson({ ...smallBoard(), stages: [] })).not.toHaveProperty('refusal');
  });

  // The machinery itself, with a migration that exists only in this test: the next version renames
  // every stage to upper case (JSON) and does the same to a live document.
  const NEXT = CURRENT_SCHEMA_VERSION + 1;
  const upperStages: Migration = {
    version: NEXT,
    name: 'upper-case-stage-titles',
    migrateJson: (board) => ({
      ...board,
      schemaVersion: NEXT,
      stages: (board.stages as Array<{ title: string }>).map((s) => ({ ...s, title: s.title.toUpperCase() })),
    }),
    migrateDoc: (doc) =>
      stagesMap(doc).forEach((stage) => {
        stage.set('title', String(stage.get('title')).toUpperCase());
      }),
  };

  it('applies pending migrations to a JSON board in order before validating it', () => {
    const result = migrateBoardJson(smallBoard(), [upperStages]);
    // The next version is not the schema this code validates, so validation names the version.
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/schemaVersion/);
    expect(upperStages.migrateJson(smallBoard() as never).stages).toEqual([
      { id: 's_invoice', title: 'INVOICE' },
      { id: 's_reminder', title: 'REMINDER' },
      { id: 's_paid', title: 'PAID' },
    ]);
  });

  it('upgrades a stored document once and records the new version', () => {
    const doc = docOf(smallBoard());
    expect(migrateDoc(doc, [upperStages])).toEqual([NEXT]);
    expect(metaMap(doc).get('schemaVersion')).toBe(NEXT);
    expect(docToBoard(doc, 'board1').stages.map((s) => s.title)).toEqual(['INVOICE', 'REMINDER', 'PAID']);
    expect(migrateDoc(doc, [upperStages])).toEqual([]);
  });

  it('never touches a document newer than the code', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 9);
    expect(() => migrateDoc(doc)).toThrow(/newer than this server/);
  });
});

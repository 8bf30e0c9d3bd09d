import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { metaMap, stagesMap } from '../doc/layout.ts';
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
  cards: [{ id: 'c_letter', kind: 'touchpoint', stageId: 's_invoice', laneId: 'l_touch', order: 1, text: 'Reminder', channel: 'letter' }],
  links: [],
};

const FIXTURES: Record<number, { before: unknown; after: unknown }> = {
  2: { before: V1_BOARD, after: { ...V1_BOARD, schemaVersion: 2, scenarios: [], cadenceRules: [] } },
};

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
    expect(result).toMatchObject({ ok: true, fromVersion: 1, value: { schemaVersion: 2, scenarios: [], cadenceRules: [] } });
    if (result.ok) expect(result.value.cards[0]).toMatchObject({ id: 'c_letter', channel: 'letter' });
  });

  it('a stored version-1 document is upgraded to version 2 and reads with empty scenarios and rules', () => {
    const doc = docOf(smallBoard());
    metaMap(doc).set('schemaVersion', 1);
    expect(migrateDoc(doc)).toEqual([2]);
    expect(metaMap(doc).get('schemaVersion')).toBe(2);
    expect(docToBoard(doc, 'board1')).toMatchObject({ scenarios: [], cadenceRules: [] });
  });

  it('a board from a newer Rejse is refused with a message that says so', () => {
    const result = migrateBoardJson({ ...smallBoard(), schemaVersion: 7 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/version 7, newer than this Rejse/);
  });

  it('a file nested 100,000 levels deep is refused with a clear message instead of overflowing the stack', () => {
    const depth = 100_000;
    const arrays = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
    const objects = JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
    for (const deep of [arrays, objects]) {
      const result = migrateBoardJson({ ...smallBoard(), personas: deep });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([expect.stringContaining(`more than ${MAX_IMPORT_DEPTH} levels deep`)]);
    }
    // A real board, far shallower, is not affected.
    expect(migrateBoardJson(smallBoard()).ok).toBe(true);
  });

  it('a file without a schema version or without an object is refused', () => {
    const { schemaVersion: _drop, ...unversioned } = smallBoard();
    expect(migrateBoardJson(unversioned)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^schemaVersion/)] });
    expect(migrateBoardJson([1, 2])).toMatchObject({ ok: false });
    expect(migrateBoardJson(null)).toMatchObject({ ok: false });
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
    migrateDoc: (doc) => stagesMap(doc).forEach((stage) => stage.set('title', String(stage.get('title')).toUpperCase())),
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

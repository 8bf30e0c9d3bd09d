import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { metaMap, stagesMap } from '../doc/layout.ts';
import { docToBoard } from '../doc/read.ts';
import { smallBoard, docOf } from '../test/fixtures.ts';
import { MAX_IMPORT_DEPTH, MIGRATIONS, migrateBoardJson, migrateDoc, type Migration } from './index.ts';

/**
 * Before/after fixtures, one per migration in MIGRATIONS. Adding a migration without a
 * fixture here fails the first test below.
 */
const FIXTURES: Record<number, { before: unknown; after: unknown }> = {};

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
    expect(result).toMatchObject({ ok: true, value: board, fromVersion: 1 });
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

  // The machinery itself, with a migration that exists only in this test: version 2 renames
  // every stage to upper case (JSON) and does the same to a live document.
  const upperStages: Migration = {
    version: 2,
    name: 'upper-case-stage-titles',
    migrateJson: (board) => ({
      ...board,
      schemaVersion: 2,
      stages: (board.stages as Array<{ title: string }>).map((s) => ({ ...s, title: s.title.toUpperCase() })),
    }),
    migrateDoc: (doc) => stagesMap(doc).forEach((stage) => stage.set('title', String(stage.get('title')).toUpperCase())),
  };

  it('applies pending migrations to a JSON board in order before validating it', () => {
    const result = migrateBoardJson(smallBoard(), [upperStages]);
    // Version 2 is not the schema this code validates, so validation names the version.
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
    expect(migrateDoc(doc, [upperStages])).toEqual([2]);
    expect(metaMap(doc).get('schemaVersion')).toBe(2);
    expect(docToBoard(doc, 'board1').stages.map((s) => s.title)).toEqual(['INVOICE', 'REMINDER', 'PAID']);
    expect(migrateDoc(doc, [upperStages])).toEqual([]);
  });

  it('never touches a document newer than the code', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 9);
    expect(() => migrateDoc(doc)).toThrow(/newer than this server/);
  });
});

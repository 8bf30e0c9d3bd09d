import type * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, validateBoard, type Board, type ValidationResult } from '../schema/board.ts';
import { metaMap } from '../doc/layout.ts';
import { MIGRATION_ORIGIN } from '../doc/origins.ts';
import { collaborativeText } from './v3-collaborative-text.ts';
import { personaEmotions } from './v4-persona-emotions.ts';
import type { ImportRefusalReason } from './refusals.ts';

export { IMPORT_REFUSAL_REASONS, type ImportRefusalReason } from './refusals.ts';

/**
 * Numbered, named migrations. Migration `n` upgrades a board from version `n - 1` to `n`,
 * both as plain JSON (imports, exported files) and as a live Y.Doc (stored boards).
 *
 * How to add one: bump CURRENT_SCHEMA_VERSION, append a migration here with the next
 * number, and add its before/after fixture to `migrations.test.ts` (a test fails if any
 * migration has no fixture).
 */
export interface Migration {
  /** The version this migration produces. */
  version: number;
  name: string;
  migrateJson(board: Record<string, unknown>): Record<string, unknown>;
  migrateDoc(doc: Y.Doc): void;
}

/** Version 1 is the first released schema, so nothing upgrades to it. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // The dunning journey: debtor scenarios and cadence rules on the board. A board from
    // before them has neither; its cards' new optional fields are simply absent. Live
    // documents need no rewrite: the two maps are created by the first scenario or rule.
    // The version moves so that an older Rejse refuses a board it would silently strip.
    version: 2,
    name: 'dunning-scenarios-and-cadence-rules',
    migrateJson: (board) => ({
      ...board,
      schemaVersion: 2,
      scenarios: Array.isArray(board.scenarios) ? board.scenarios : [],
      cadenceRules: Array.isArray(board.cadenceRules) ? board.cadenceRules : [],
    }),
    migrateDoc: () => {},
  },
  collaborativeText,
  personaEmotions,
];

export type MigrationResult = ValidationResult<Board> & { fromVersion?: number; refusal?: ImportRefusalReason };

/**
 * How deeply an imported file may nest arrays and objects. A real board is about six
 * levels deep; copying or validating a much deeper value recursively overflows the stack.
 */
export const MAX_IMPORT_DEPTH = 64;

/** Whether `value` nests arrays/objects deeper than `limit`, found without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    for (const child of Object.values(next.value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
    }
  }
  return false;
}

/** Upgrades an imported board of any known version and validates it against the current schema. */
export function migrateBoardJson(raw: unknown, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, refusal: 'not-a-board', errors: ['the file does not contain a board (expected a JSON object)'] };
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  const latest = Math.max(CURRENT_SCHEMA_VERSION, ...migrations.map((m) => m.version));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, refusal: 'no-version', errors: ['schemaVersion: missing or not a positive whole number'] };
  }
  if (version > latest) {
    return {
      ok: false,
      refusal: 'newer-version',
      errors: [`schemaVersion: the board is version ${version}, newer than this Rejse (version ${latest}); update Rejse`],
    };
  }
  if (nestsDeeperThan(raw, MAX_IMPORT_DEPTH)) {
    return {
      ok: false,
      refusal: 'too-deep',
      errors: [`the file nests arrays or objects more than ${MAX_IMPORT_DEPTH} levels deep; a board is far shallower`],
    };
  }
  let board = structuredClone(raw) as Record<string, unknown>;
  for (const migration of pending(version, migrations)) board = migration.migrateJson(board);
  return { ...validateBoard(board), fromVersion: version };
}

function pending(fromVersion: number, migrations: readonly Migration[]): Migration[] {
  return [...migrations].filter((m) => m.version > fromVersion).sort((a, b) => a.version - b.version);
}

/**
 * Upgrades a stored document in place. Returns the versions applied. A document newer than
 * this code is left untouched and reported, so an old server never rewrites a newer board.
 */
export function migrateDoc(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const meta = metaMap(doc);
  const stored = meta.get('schemaVersion');
  const version = typeof stored === 'number' ? stored : CURRENT_SCHEMA_VERSION;
  const latest = Math.max(CURRENT_SCHEMA_VERSION, ...migrations.map((m) => m.version));
  if (version > latest) throw new Error(`board schema version ${version} is newer than this server (${latest})`);
  const applied: number[] = [];
  for (const migration of pending(version, migrations)) {
    doc.transact(() => {
      migration.migrateDoc(doc);
      meta.set('schemaVersion', migration.version);
    }, MIGRATION_ORIGIN);
    applied.push(migration.version);
  }
  return applied;
}

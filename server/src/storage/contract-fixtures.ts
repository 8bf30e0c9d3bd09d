/**
 * What every storage contract suite runs against: each implementation of the stores, and
 * small helpers. A new backend adds one entry to `STORE_IMPLEMENTATIONS` and every suite
 * (`documents`, `links`, `votes`, `drafts`, `tone`, `snapshots`) then runs against it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe } from 'vitest';
import * as Y from 'yjs';
import { startTestPostgres, type Started, type TestPostgres } from '../../testing/engines.ts';
import type { BoardMeta } from './documents.ts';
import { createMemoryStore } from './memory-store.ts';
import { createPostgresStore } from './postgres-store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import type { BoardStore } from './store.ts';

export interface StoreFixture {
  store: BoardStore;
  /** A second store over the same data (a restart), where the store is persistent. */
  reopen?: () => BoardStore;
  cleanup: () => void;
}

export interface StoreImplementation {
  name: string;
  persistent: boolean;
  open: () => StoreFixture;
  /** Why this implementation cannot run on this machine (its suites are skipped, saying so), if it cannot. */
  unavailable?: () => string | undefined;
}

/**
 * One throwaway PostgreSQL server per test process, started when a suite first asks for it
 * and stopped when the process exits; each fixture gets a schema of its own.
 */
let postgres: Started<TestPostgres> | undefined;
function testPostgres(): Started<TestPostgres> {
  if (!postgres) {
    postgres = startTestPostgres();
    if (postgres.ok) {
      const server = postgres.engine;
      process.once('exit', () => server.stop());
    }
  }
  return postgres;
}

export const STORE_IMPLEMENTATIONS: readonly StoreImplementation[] = [
  {
    name: 'memory',
    persistent: false,
    open: () => ({ store: createMemoryStore(), cleanup: () => {} }),
  },
  {
    name: 'SQLite',
    persistent: true,
    open: () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'rejse-store-'));
      const file = path.join(dir, 'rejse.sqlite');
      return {
        store: createSqliteStore(file),
        reopen: () => createSqliteStore(file),
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    persistent: true,
    unavailable: () => {
      const started = testPostgres();
      return started.ok ? undefined : started.reason;
    },
    open: () => {
      const started = testPostgres();
      if (!started.ok) throw new Error(started.reason);
      const url = started.engine.freshSchemaUrl();
      return { store: createPostgresStore(url), reopen: () => createPostgresStore(url), cleanup: () => {} };
    },
  },
];

/**
 * `describe` for one implementation's contract suite; an implementation that cannot run
 * here is skipped with its reason in the suite's name and on stderr (never silently).
 */
export function describeContract(impl: StoreImplementation, contract: string, suite: () => void): void {
  const reason = impl.unavailable?.();
  if (reason !== undefined) {
    console.warn(`[${contract} contract] ${impl.name} skipped: ${reason}`);
    describe.skip(`${contract} contract: ${impl.name} (skipped: ${reason})`, suite);
    return;
  }
  describe(`${contract} contract: ${impl.name}`, suite);
}

/**
 * A fresh store of `impl` for each test of a suite, holding the empty boards `boards`, closed and
 * removed after it. `store()` is the current store; `reopen()` closes it and opens a second one
 * over the same data (a restart; persistent implementations only).
 */
export function storeEachTest(impl: StoreImplementation, boards: readonly string[] = []) {
  let fixture: StoreFixture | undefined;
  let current: BoardStore | undefined;
  beforeEach(() => {
    fixture = impl.open();
    current = fixture.store;
    for (const id of boards) current.documents.create(boardMeta(id), EMPTY_STATE);
  });
  afterEach(() => {
    current?.close();
    fixture?.cleanup();
    fixture = current = undefined;
  });
  const store = (): BoardStore => {
    if (!current) throw new Error('no store outside a test');
    return current;
  };
  return {
    store,
    reopen(): BoardStore {
      if (!fixture?.reopen) throw new Error(`${impl.name} cannot be reopened`);
      store().close();
      current = fixture.reopen();
      return current;
    },
  };
}

export const boardMeta = (id: string, at = 1_000): BoardMeta => ({
  id,
  title: `Board ${id}`,
  createdAt: at,
  updatedAt: at,
});

/** An (empty-document) board for suites that only need one to exist. */
export const EMPTY_STATE = new Uint8Array([0, 0]);

/** A Yjs update setting one key, so stored states can be checked by applying them. */
export function updateSetting(doc: Y.Doc, key: string, value: string): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', capture);
  doc.getMap('m').set(key, value);
  doc.off('update', capture);
  if (!update) throw new Error('no update');
  return update;
}

/** The map `m` of a stored state, replayed the way a room loads it. */
export function replay(state: { snapshot: Uint8Array; updates: Uint8Array[] }): Record<string, unknown> {
  const doc = new Y.Doc();
  doc.transact(() => {
    Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
  });
  const json = doc.getMap('m').toJSON();
  doc.destroy();
  return json;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from './memory-store.ts';
import { LATEST_SCHEMA_VERSION } from './sqlite-schema.ts';
import { createSqliteStore } from './sqlite-store.ts';
import type { BoardMeta, BoardStore } from './store.ts';

interface StoreFixture {
  store: BoardStore;
  /** A second store over the same data (a restart), where the store is persistent. */
  reopen?: () => BoardStore;
  cleanup: () => void;
}

const implementations: { name: string; persistent: boolean; open: () => StoreFixture }[] = [
  {
    name: 'memory store',
    persistent: false,
    open: () => ({ store: createMemoryStore(), cleanup: () => {} }),
  },
  {
    name: 'SQLite store',
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
];

const meta = (id: string, at = 1_000): BoardMeta => ({ id, title: `Board ${id}`, createdAt: at, updatedAt: at });

/** A Yjs update setting one key, so stored states can be checked by applying them. */
function updateSetting(doc: Y.Doc, key: string, value: string): Uint8Array {
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

function replay(state: { snapshot: Uint8Array; updates: Uint8Array[] }): Record<string, unknown> {
  const doc = new Y.Doc();
  doc.transact(() => {
    Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
  });
  const json = doc.getMap('m').toJSON();
  doc.destroy();
  return json;
}

for (const impl of implementations) {
  describe(`BoardStore contract: ${impl.name}`, () => {
    let fixture: StoreFixture;
    let store: BoardStore;
    beforeEach(() => {
      fixture = impl.open();
      store = fixture.store;
    });
    afterEach(() => {
      store.close();
      fixture.cleanup();
    });

    it('a created board exists, has its metadata and loads its initial state as the snapshot', () => {
      const doc = new Y.Doc();
      doc.getMap('m').set('a', '1');
      store.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      expect(store.exists('b1')).toBe(true);
      expect(store.getMeta('b1')).toEqual(meta('b1'));
      const state = store.load('b1');
      expect(state?.updates).toEqual([]);
      expect(replay(state!)).toEqual({ a: '1' });
    });

    it('an unknown board does not exist and loads as undefined', () => {
      expect(store.exists('nope')).toBe(false);
      expect(store.getMeta('nope')).toBeUndefined();
      expect(store.load('nope')).toBeUndefined();
      expect(store.stats('nope')).toBeUndefined();
    });

    it('creating a board twice is refused and keeps the first one', () => {
      store.create(meta('b1'), new Uint8Array([0, 0]));
      expect(() => store.create({ ...meta('b1'), title: 'other' }, new Uint8Array([0, 0]))).toThrow(/already exists/);
      expect(store.getMeta('b1')?.title).toBe('Board b1');
    });

    it('appended updates load in order after the snapshot, with increasing sequence numbers', () => {
      const doc = new Y.Doc();
      store.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      const seqs = ['x', 'y', 'z'].map((v) => store.appendUpdate('b1', updateSetting(doc, 'k', v)));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      const state = store.load('b1')!;
      expect(state.updates).toHaveLength(3);
      expect(state.lastSeq).toBe(seqs[2]);
      expect(replay(state)).toEqual({ k: 'z' });
    });

    it('appending to an unknown board throws', () => {
      expect(() => store.appendUpdate('nope', new Uint8Array([0, 0]))).toThrow(/unknown board/);
    });

    it('updates of one board never appear in another', () => {
      const a = new Y.Doc();
      const b = new Y.Doc();
      store.create(meta('a'), Y.encodeStateAsUpdate(a));
      store.create(meta('b'), Y.encodeStateAsUpdate(b));
      store.appendUpdate('a', updateSetting(a, 'who', 'a'));
      store.appendUpdate('b', updateSetting(b, 'who', 'b'));
      expect(replay(store.load('a')!)).toEqual({ who: 'a' });
      expect(replay(store.load('b')!)).toEqual({ who: 'b' });
    });

    it('compaction replaces the snapshot and deletes only the updates it folded in', () => {
      const doc = new Y.Doc();
      store.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      store.appendUpdate('b1', updateSetting(doc, 'a', '1'));
      const through = store.appendUpdate('b1', updateSetting(doc, 'b', '2'));
      const snapshot = Y.encodeStateAsUpdate(doc);
      // An update that arrives after the snapshot was taken stays in the log.
      store.appendUpdate('b1', updateSetting(doc, 'c', '3'));
      store.compact('b1', snapshot, through);
      const state = store.load('b1')!;
      expect(state.updates).toHaveLength(1);
      expect(replay(state)).toEqual({ a: '1', b: '2', c: '3' });
      expect(store.stats('b1')).toMatchObject({ updateRows: 1, snapshotBytes: snapshot.byteLength });
    });

    it('compacting an unknown board throws', () => {
      expect(() => store.compact('nope', new Uint8Array([0, 0]), 1)).toThrow(/unknown board/);
    });

    it('stats count the update rows and their bytes', () => {
      const doc = new Y.Doc();
      store.create(meta('b1'), Y.encodeStateAsUpdate(doc));
      const u1 = updateSetting(doc, 'a', '1');
      const u2 = updateSetting(doc, 'b', '2');
      store.appendUpdate('b1', u1);
      store.appendUpdate('b1', u2);
      expect(store.stats('b1')).toMatchObject({ updateRows: 2, updateBytes: u1.byteLength + u2.byteLength });
    });

    it('touch changes the title and updatedAt, and the list is ordered by most recent update', () => {
      store.create(meta('old', 1_000), new Uint8Array([0, 0]));
      store.create(meta('new', 2_000), new Uint8Array([0, 0]));
      expect(store.list().map((b) => b.id)).toEqual(['new', 'old']);
      store.touch('old', { title: 'Renamed', updatedAt: 3_000 });
      expect(store.list()).toEqual([
        { id: 'old', title: 'Renamed', createdAt: 1_000, updatedAt: 3_000 },
        { id: 'new', title: 'Board new', createdAt: 2_000, updatedAt: 2_000 },
      ]);
    });

    it('touching an unknown board throws', () => {
      expect(() => store.touch('nope', { updatedAt: 1 })).toThrow(/unknown board/);
    });

    it('stored bytes are not aliased by the caller', () => {
      const initial = new Uint8Array([0, 0]);
      store.create(meta('b1'), initial);
      initial[0] = 9;
      const update = new Uint8Array([0, 0]);
      store.appendUpdate('b1', update);
      update[1] = 9;
      const state = store.load('b1')!;
      expect([...state.snapshot]).toEqual([0, 0]);
      expect([...state.updates[0]!]).toEqual([0, 0]);
    });

    it('a board keeps one token hash per role, and setting it again replaces it', () => {
      store.create(meta('b1'), new Uint8Array([0, 0]));
      expect(store.accessTokens('b1')).toEqual([]);
      store.setAccessToken('b1', 'editor', new Uint8Array([1, 2, 3]), 10);
      store.setAccessToken('b1', 'viewer', new Uint8Array([4]), 10);
      store.setAccessToken('b1', 'editor', new Uint8Array([9, 9]), 20);
      expect(store.accessTokens('b1')).toEqual([
        { role: 'editor', tokenHash: new Uint8Array([9, 9]), createdAt: 20 },
        { role: 'viewer', tokenHash: new Uint8Array([4]), createdAt: 10 },
      ]);
      expect(store.accessTokens('nope')).toEqual([]);
      expect(() => store.setAccessToken('nope', 'editor', new Uint8Array([1]), 1)).toThrow(/unknown board/);
    });

    it('a participant id is bound once per board to its secret hash', () => {
      store.create(meta('b1'), new Uint8Array([0, 0]));
      store.create(meta('b2'), new Uint8Array([0, 0]));
      expect(store.participantSecretHash('b1', 'p1')).toBeUndefined();
      store.addParticipant('b1', 'p1', new Uint8Array([7, 7]), 1);
      expect(store.participantSecretHash('b1', 'p1')).toEqual(new Uint8Array([7, 7]));
      expect(() => store.addParticipant('b1', 'p1', new Uint8Array([8]), 2)).toThrow();
      expect(store.participantSecretHash('b1', 'p1')).toEqual(new Uint8Array([7, 7]));
      expect(store.participantSecretHash('b2', 'p1')).toBeUndefined();
    });

    it('vote rounds open and close, and votes are kept per participant and card', () => {
      store.create(meta('b1'), new Uint8Array([0, 0]));
      const round = { id: 'r1', target: 'ideas', votesPerPerson: 3, allowMultiplePerCard: true, startedAt: 100, closedAt: null };
      store.createVoteRound('b1', round);
      expect(() => store.createVoteRound('b1', round)).toThrow();
      expect(store.openVoteRound('b1')).toEqual(round);
      store.setVote('b1', 'r1', 'p1', 'c_a', 2);
      store.setVote('b1', 'r1', 'p1', 'c_b', 1);
      store.setVote('b1', 'r1', 'p2', 'c_a', 1);
      store.setVote('b1', 'r1', 'p1', 'c_b', 0);
      expect(store.participantVotes('b1', 'r1', 'p1')).toEqual(new Map([['c_a', 2]]));
      expect(store.participantVotes('b1', 'r1', 'p3')).toEqual(new Map());
      expect(store.roundVotes('b1', 'r1')).toEqual([
        { participantId: 'p1', cardId: 'c_a', count: 2 },
        { participantId: 'p2', cardId: 'c_a', count: 1 },
      ]);
      store.closeVoteRound('b1', 'r1', 200);
      expect(store.openVoteRound('b1')).toBeUndefined();
      expect(store.voteRound('b1', 'r1')).toEqual({ ...round, closedAt: 200 });
      store.createVoteRound('b1', { ...round, id: 'r2', startedAt: 300 });
      expect(store.voteRounds('b1').map((r) => r.id)).toEqual(['r1', 'r2']);
      expect(() => store.closeVoteRound('b1', 'nope', 1)).toThrow();
      expect(() => store.createVoteRound('nope', round)).toThrow(/unknown board/);
    });

    it('private drafts are kept per participant, replaced whole and deleted', () => {
      store.create(meta('b1'), new Uint8Array([0, 0]));
      expect(store.loadDraft('b1', 'p1')).toBeUndefined();
      store.saveDraft('b1', 'p1', new Uint8Array([1]), 1);
      store.saveDraft('b1', 'p1', new Uint8Array([2, 2]), 2);
      store.saveDraft('b1', 'p2', new Uint8Array([3]), 2);
      expect(store.loadDraft('b1', 'p1')).toEqual(new Uint8Array([2, 2]));
      expect(store.listDrafts('b1')).toEqual([
        { participantId: 'p1', state: new Uint8Array([2, 2]) },
        { participantId: 'p2', state: new Uint8Array([3]) },
      ]);
      store.deleteDraft('b1', 'p1');
      expect(store.listDrafts('b1').map((d) => d.participantId)).toEqual(['p2']);
      expect(() => store.saveDraft('nope', 'p1', new Uint8Array([1]), 1)).toThrow(/unknown board/);
    });

    if (impl.persistent) {
      it('everything written is there after reopening the store', () => {
        const doc = new Y.Doc();
        store.create(meta('b1'), Y.encodeStateAsUpdate(doc));
        store.appendUpdate('b1', updateSetting(doc, 'a', '1'));
        store.touch('b1', { title: 'Kept', updatedAt: 5_000 });
        store.setAccessToken('b1', 'viewer', new Uint8Array([5]), 1);
        store.createVoteRound('b1', { id: 'r1', target: 'pains', votesPerPerson: 2, allowMultiplePerCard: false, startedAt: 1, closedAt: null });
        store.setVote('b1', 'r1', 'p1', 'c_a', 1);
        store.close();
        store = fixture.reopen!();
        expect(store.getMeta('b1')).toEqual({ id: 'b1', title: 'Kept', createdAt: 1_000, updatedAt: 5_000 });
        expect(store.accessTokens('b1')).toEqual([{ role: 'viewer', tokenHash: new Uint8Array([5]), createdAt: 1 }]);
        expect(store.participantVotes('b1', 'r1', 'p1')).toEqual(new Map([['c_a', 1]]));
        expect(replay(store.load('b1')!)).toEqual({ a: '1' });
      });
    }
  });
}

describe('SQLite store database file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rejse-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created in WAL mode at the latest schema version, with missing directories created', () => {
    const file = path.join(dir, 'nested', 'rejse.sqlite');
    createSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer server and leaves it untouched', () => {
    const file = path.join(dir, 'rejse.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createSqliteStore(file)).toThrow(/newer than this server/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    check.close();
  });

  it('can be read by a read-only store while a writer has it open', () => {
    const file = path.join(dir, 'rejse.sqlite');
    const writer = createSqliteStore(file);
    writer.create(meta('b1'), new Uint8Array([0, 0]));
    writer.appendUpdate('b1', new Uint8Array([0, 0]));
    const reader = createSqliteStore(file, { readonly: true });
    expect(reader.stats('b1')?.updateRows).toBe(1);
    reader.close();
    writer.close();
  });
});

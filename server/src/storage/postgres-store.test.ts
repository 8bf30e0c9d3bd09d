/**
 * PostgreSQL beyond the contract suites: what only a database shared by several instances
 * can show (a compaction by one never drops what another appended) and a connection that
 * breaks under the server. Skipped, saying why, when PostgreSQL cannot be started here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestPostgres } from '../../testing/engines.ts';
import { EMPTY_STATE, boardMeta, replay, updateSetting } from './contract-fixtures.ts';
import { connectPostgres, sessionSettings, withSafetyParams } from './postgres-connection.ts';
import { createPostgresStore } from './postgres-store.ts';

describe('PostgreSQL connection settings', () => {
  it('adds timeouts and keepalives without re-encoding what the operator wrote', () => {
    const url = 'postgresql://u:p%40ss@db:5432/rejse?options=-c%20synchronous_commit%3Don&connect_timeout=2';
    const safe = withSafetyParams(url);
    expect(safe.startsWith(url)).toBe(true);
    expect(safe).toContain('tcp_user_timeout=10000');
    expect(safe).not.toContain('connect_timeout=5');
  });

  it('turns waiting for the WAL flush off unless DATABASE_URL sets synchronous_commit', () => {
    expect(sessionSettings('postgresql://db/rejse')).toContain('SET synchronous_commit = off');
    expect(sessionSettings('postgresql://db/rejse?options=-c%20synchronous_commit%3Don')).not.toContain('SET synchronous_commit = off');
  });
});

const postgres = startTestPostgres();
if (!postgres.ok) console.warn(`[postgres store] skipped: ${postgres.reason}`);
afterAll(() => {
  if (postgres.ok) postgres.engine.stop();
});

describe.skipIf(!postgres.ok)('PostgreSQL shared by several instances', () => {
  it('a compaction by one instance keeps what another appended meanwhile, and an older snapshot never replaces a newer one', () => {
    if (!postgres.ok) return;
    const url = postgres.engine.freshSchemaUrl();
    const one = createPostgresStore(url);
    const two = createPostgresStore(url);
    try {
      const docOne = new Y.Doc();
      const docTwo = new Y.Doc();
      one.documents.create(boardMeta('b'), Y.encodeStateAsUpdate(docOne));
      const seqOne = one.documents.append('b', updateSetting(docOne, 'from-one', '1'));
      // Instance two stores an edit that instance one has not received yet…
      const seqTwo = two.documents.append('b', updateSetting(docTwo, 'from-two', '2'));
      expect(seqTwo).toBe(seqOne + 1);
      // …and instance one compacts through the latest seq it knows of (its own is older, but
      // a peer's publication may have told it a later one).
      one.documents.compact('b', Y.encodeStateAsUpdate(docOne), seqTwo);
      expect(replay(one.documents.load('b')!)).toEqual({ 'from-one': '1', 'from-two': '2' });
      // Instance two compacts with its own stale view: instance one's edit stays.
      two.documents.compact('b', Y.encodeStateAsUpdate(docTwo), seqTwo);
      expect(replay(two.documents.load('b')!)).toEqual({ 'from-one': '1', 'from-two': '2' });
      expect(two.documents.stats('b')?.updateRows).toBe(0);
    } finally {
      one.close();
      two.close();
    }
  });

  it('appends from two instances to one board get consecutive seqs, and the tail after one brings the rest', () => {
    if (!postgres.ok) return;
    const url = postgres.engine.freshSchemaUrl();
    const one = createPostgresStore(url);
    const two = createPostgresStore(url);
    try {
      const doc = new Y.Doc();
      one.documents.create(boardMeta('b'), Y.encodeStateAsUpdate(doc));
      const seqs = ['a', 'b', 'c', 'd'].map((key, i) => (i % 2 === 0 ? one : two).documents.append('b', updateSetting(doc, key, key)));
      expect(seqs).toEqual([1, 2, 3, 4]);
      const tail = two.documents.tail('b', 2)!;
      expect(tail.snapshot).toBeUndefined();
      expect(tail.updates).toHaveLength(2);
      expect(tail.lastSeq).toBe(4);
    } finally {
      one.close();
      two.close();
    }
  });

  it('a database from before tone rounds and the version history (schema 1) gets their tables at start, its boards kept', () => {
    if (!postgres.ok) return;
    const url = postgres.engine.freshSchemaUrl();
    const first = createPostgresStore(url);
    first.documents.create(boardMeta('b_old'), EMPTY_STATE);
    first.close();
    const raw = connectPostgres(url);
    try {
      // What a schema-1 database has: none of step 2's tables.
      raw.query('DROP TABLE tone_ratings, tone_rounds, board_versions, board_activity');
      raw.query('ALTER TABLE board_tokens DROP COLUMN sealed_token');
      raw.query('DELETE FROM rejse_schema WHERE version > 1');
    } finally {
      raw.close();
    }
    const upgraded = createPostgresStore(url);
    try {
      expect(upgraded.documents.exists('b_old')).toBe(true);
      const round = { id: 't1', cardId: 'c_letter', startedAt: 1, closedAt: null };
      upgraded.tone.createRound('b_old', round);
      expect(upgraded.tone.openRound('b_old')).toEqual(round);
      upgraded.snapshots.addSnapshot(
        'b_old',
        {
          id: 'h_1',
          name: 'Before',
          kind: 'manual',
          createdAt: 1,
          byRole: null,
          byParticipant: null,
          changes: { added: 0, removed: 0, edited: 0 },
        },
        EMPTY_STATE,
        10,
      );
      expect(upgraded.snapshots.listSnapshots('b_old').map((s) => s.id)).toEqual(['h_1']);
    } finally {
      upgraded.close();
    }
  });

  it('a connection the database drops fails the query that saw it and reconnects on the next one', () => {
    if (!postgres.ok) return;
    const url = postgres.engine.freshSchemaUrl();
    const store = createPostgresStore(url);
    const admin = connectPostgres(postgres.engine.url);
    try {
      store.documents.create(boardMeta('b'), new Uint8Array([0, 0]));
      admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rejse' AND pid <> pg_backend_pid()");
      expect(() => store.documents.exists('b')).toThrow();
      expect(store.documents.exists('b')).toBe(true);
    } finally {
      admin.close();
      store.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EMPTY_STATE, STORE_IMPLEMENTATIONS, boardMeta, describeContract, type StoreFixture } from './contract-fixtures.ts';
import { createSqliteStore } from './sqlite-store.ts';
import type { BoardStore } from './store.ts';
import type { StoredToneRound, ToneStore } from './tone.ts';

/** The ToneStore contract, run against every implementation (`contract-fixtures.ts`). */
const round: StoredToneRound = { id: 't1', cardId: 'c_letter', startedAt: 100, closedAt: null };

for (const impl of STORE_IMPLEMENTATIONS) {
  describeContract(impl, 'ToneStore', () => {
    let fixture: StoreFixture;
    let store: BoardStore;
    let tone: ToneStore;
    beforeEach(() => {
      fixture = impl.open();
      store = fixture.store;
      tone = store.tone;
      for (const id of ['b1', 'b2']) store.documents.create(boardMeta(id), EMPTY_STATE);
    });
    afterEach(() => {
      store.close();
      fixture.cleanup();
    });

    it('a round opens once, closes, and the next one is listed after it', () => {
      tone.createRound('b1', round);
      expect(() => tone.createRound('b1', round)).toThrow();
      expect(tone.openRound('b1')).toEqual(round);
      tone.closeRound('b1', 't1', 200);
      expect(tone.openRound('b1')).toBeUndefined();
      expect(tone.round('b1', 't1')).toEqual({ ...round, closedAt: 200 });
      tone.createRound('b1', { ...round, id: 't2', startedAt: 300 });
      expect(tone.rounds('b1').map((r) => r.id)).toEqual(['t1', 't2']);
      expect(tone.openRound('b1')?.id).toBe('t2');
    });

    it('rounds belong to their board', () => {
      tone.createRound('b1', round);
      expect(tone.round('b2', 't1')).toBeUndefined();
      expect(tone.rounds('b2')).toEqual([]);
      expect(tone.openRound('b2')).toBeUndefined();
    });

    it('keeps one rating per participant and variant; a new rating replaces the old one', () => {
      tone.createRound('b1', round);
      tone.setRating('b1', 't1', 'p2', 'b', 4);
      tone.setRating('b1', 't1', 'p1', 'b', 5);
      tone.setRating('b1', 't1', 'p1', 'a', 1);
      tone.setRating('b1', 't1', 'p1', 'a', 2);
      expect(tone.participantRatings('b1', 't1', 'p1')).toEqual(
        new Map([
          ['a', 2],
          ['b', 5],
        ]),
      );
      expect(tone.participantRatings('b1', 't1', 'p3')).toEqual(new Map());
      expect(tone.roundRatings('b1', 't1')).toEqual([
        { participantId: 'p1', variant: 'a', rating: 2 },
        { participantId: 'p1', variant: 'b', rating: 5 },
        { participantId: 'p2', variant: 'b', rating: 4 },
      ]);
    });

    it('refuses an unknown board or round', () => {
      expect(() => tone.createRound('nope', round)).toThrow(/unknown board/);
      expect(() => tone.closeRound('b1', 'nope', 1)).toThrow(/unknown tone round/);
      expect(() => tone.setRating('b1', 'nope', 'p1', 'a', 3)).toThrow(/unknown tone round/);
      tone.createRound('b1', round);
      expect(() => tone.setRating('b2', 't1', 'p1', 'a', 3)).toThrow(/unknown tone round/);
      expect(tone.roundRatings('b1', 'nope')).toEqual([]);
    });

    if (impl.persistent) {
      it('rounds and ratings are there after reopening the store', () => {
        tone.createRound('b1', round);
        tone.setRating('b1', 't1', 'p1', 'a', 3);
        store.close();
        store = fixture.reopen!();
        expect(store.tone.round('b1', 't1')).toEqual(round);
        expect(store.tone.participantRatings('b1', 't1', 'p1')).toEqual(new Map([['a', 3]]));
      });

      // The SQLite file's own upgrade path (PostgreSQL's schema has tone rounds from its step 2).
      it.runIf(impl.name === 'SQLite')(
        'a database from before tone rounds (schema 2) gets their tables on opening, its boards kept',
        () => {
          store.close();
          const dir = mkdtempSync(path.join(tmpdir(), 'rejse-tone-old-'));
          try {
            const old = path.join(dir, 'rejse.sqlite');
            const first = createSqliteStore(old);
            first.documents.create(boardMeta('b_old'), EMPTY_STATE);
            first.close();
            const db = new Database(old);
            // A schema-2 database has none of the later steps' tables.
            db.exec(
              'DROP TABLE tone_ratings; DROP TABLE tone_rounds; DROP TABLE board_versions; DROP TABLE board_activity; ALTER TABLE board_tokens DROP COLUMN sealed_token;',
            );
            db.pragma('user_version = 2');
            db.close();
            const upgraded = createSqliteStore(old);
            expect(upgraded.documents.exists('b_old')).toBe(true);
            upgraded.tone.createRound('b_old', round);
            expect(upgraded.tone.openRound('b_old')).toEqual(round);
            upgraded.close();
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
          store = fixture.reopen!();
        },
      );
    }
  });
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  facilitationMap,
  readFacilitation,
  readLocks,
  readOpenRound,
  readRounds,
  readSummon,
  readVoteCounts,
  setCardsLocked,
  setFocus,
  setLocks,
  setPrivateMode,
  summonTo,
  writeOpenRound,
  writeRoundResult,
  writeTimer,
  EMPTY_FACILITATION,
} from './layout.ts';
import { isParticipantId, isParticipantSecret, createParticipantIdentity, roleAtLeast } from './roles.ts';
import type { VoteRoundResult } from './voting.ts';

const ORIGIN = 'test';

const round = (id: string, target: 'ideas' | 'pains', closedAt: number, totals: Record<string, number>): VoteRoundResult => ({
  id,
  target,
  votesPerPerson: 3,
  allowMultiplePerCard: false,
  startedAt: closedAt - 1000,
  closedAt,
  totals,
  voters: 2,
});

describe('facilitation state in the document', () => {
  it('an empty document reads as no timer, no locks, no focus, no round', () => {
    const doc = new Y.Doc();
    expect(readFacilitation(doc)).toEqual(EMPTY_FACILITATION);
  });

  it('locks, focus, private mode and the timer read back as written', () => {
    const doc = new Y.Doc();
    setLocks(doc, { structure: true }, ORIGIN);
    setCardsLocked(doc, ['c_b', 'c_a'], true, ORIGIN);
    setCardsLocked(doc, ['c_b'], false, ORIGIN);
    setFocus(doc, 's_1', ORIGIN);
    setPrivateMode(doc, true, ORIGIN);
    writeTimer(doc, { state: 'running', endsAt: 5000, remainingMs: 1000, durationMs: 1000 }, ORIGIN);
    const state = readFacilitation(doc);
    expect(state.locks).toEqual({ structure: true, board: false, cards: new Set(['c_a']) });
    expect(state.focusStageId).toBe('s_1');
    expect(state.privateMode).toBe(true);
    expect(state.timer).toMatchObject({ state: 'running', endsAt: 5000 });
    setFocus(doc, null, ORIGIN);
    expect(readFacilitation(doc).focusStageId).toBeNull();
  });

  it('values of the wrong type from a hostile client read as their defaults', () => {
    const doc = new Y.Doc();
    const map = facilitationMap(doc);
    map.set('lockStructure', 'yes');
    map.set('lockedCards', [1, 'c_a', null]);
    map.set('focusStageId', 'not an id!');
    map.set('summon', { x: 1, y: 2 });
    map.set('voting', { id: 'r1', target: 'everything' });
    map.set('round:r2', { id: 'r2' });
    expect(readLocks(doc)).toEqual({ structure: false, board: false, cards: new Set(['c_a']) });
    expect(readFacilitation(doc).focusStageId).toBeNull();
    expect(readSummon(doc)).toBeNull();
    expect(readOpenRound(doc)).toBeNull();
    expect(readRounds(doc)).toEqual([]);
  });

  it('a summon carries a fresh nonce each time', () => {
    const doc = new Y.Doc();
    const first = summonTo(doc, { x: 10, y: 20, zoom: 0.5 }, ORIGIN);
    const second = summonTo(doc, { x: 10, y: 20, zoom: 0.5 }, ORIGIN);
    expect(first).not.toBe(second);
    expect(readSummon(doc)).toEqual({ x: 10, y: 20, zoom: 0.5, nonce: second });
  });

  it('closing the open round stores its results and ends it; past rounds are kept in order', () => {
    const doc = new Y.Doc();
    writeOpenRound(doc, { id: 'r1', target: 'ideas', votesPerPerson: 3, allowMultiplePerCard: false, startedAt: 1 }, ORIGIN);
    expect(readOpenRound(doc)?.id).toBe('r1');
    writeRoundResult(doc, round('r1', 'ideas', 2000, { c_a: 2 }), ORIGIN);
    expect(readOpenRound(doc)).toBeNull();
    writeRoundResult(doc, round('r0', 'pains', 1000, { c_p: 1 }), ORIGIN);
    expect(readRounds(doc).map((r) => r.id)).toEqual(['r0', 'r1']);
  });

  it('vote counts come from the latest closed round of each target', () => {
    const doc = new Y.Doc();
    writeRoundResult(doc, round('r1', 'ideas', 1000, { c_a: 2, c_b: 1 }), ORIGIN);
    writeRoundResult(doc, round('r2', 'pains', 2000, { c_p: 4 }), ORIGIN);
    writeRoundResult(doc, round('r3', 'ideas', 3000, { c_b: 5 }), ORIGIN);
    expect(readVoteCounts(doc)).toEqual(
      new Map([
        ['c_b', 5],
        ['c_p', 4],
      ]),
    );
  });
});

describe('roles and participant identities', () => {
  it('roles are ordered viewer < editor < facilitator', () => {
    expect(roleAtLeast('facilitator', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
  });

  it('a fresh participant identity is well-formed and unique', () => {
    const a = createParticipantIdentity();
    const b = createParticipantIdentity();
    expect(isParticipantId(a.id)).toBe(true);
    expect(isParticipantSecret(a.secret)).toBe(true);
    expect(a.secret.length).toBeGreaterThanOrEqual(32);
    expect(a.id).not.toBe(b.id);
    expect(isParticipantId('short')).toBe(false);
    expect(isParticipantSecret('has spaces in it which are not allowed')).toBe(false);
  });
});

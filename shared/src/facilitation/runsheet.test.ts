import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CATALOGUES } from '../i18n/catalogue.ts';
import { defaultRunSheet } from './runsheet-default.ts';
import {
  NO_SETTINGS,
  phaseKey,
  phaseTransition,
  planSchedule,
  readRunSheet,
  readRunSheetValue,
  writeRunSheet,
  type RunSession,
  type RunState,
} from './runsheet.ts';

const MIN = 60_000;
const session: RunSession = {
  id: 'se_1',
  name: 'Session',
  phases: [
    { id: 'a', name: 'A', durationMs: 10 * MIN, instructions: '', settings: NO_SETTINGS },
    { id: 'b', name: 'B', durationMs: 20 * MIN, instructions: '', settings: NO_SETTINGS },
    { id: 'c', name: 'C', durationMs: 5 * MIN, instructions: '', settings: NO_SETTINGS },
  ],
};

describe('the run-sheet', () => {
  it('shifts the remaining phases when one runs long, and shows the overrun', () => {
    const state: RunState = {
      sessionId: 'se_1',
      phaseIndex: 1,
      sessionStartedAt: 0,
      phaseStartedAt: 12 * MIN,
      done: [{ phaseId: 'a', startedAt: 0, endedAt: 12 * MIN }],
    };
    const onTime = planSchedule(session, state, 20 * MIN);
    expect(onTime.overrunMs).toBe(0);
    expect(onTime.phases.map((p) => [p.status, p.startAt / MIN, p.endAt / MIN])).toEqual([
      ['done', 0, 12],
      ['running', 12, 32],
      ['planned', 32, 37],
    ]);
    expect(onTime.lateByMs).toBe(2 * MIN);
    const late = planSchedule(session, state, 40 * MIN);
    expect(late.overrunMs).toBe(8 * MIN);
    expect(late.phases[2]).toMatchObject({ startAt: 40 * MIN, endAt: 45 * MIN });
    expect(late.lateByMs).toBe(10 * MIN);
    expect(phaseKey(state)).toBe(`se_1/1/${12 * MIN}`);
  });

  it('switches off what the ending phase switched on and on what the next one needs', () => {
    const privateIdeas = { ...NO_SETTINGS, privateMode: true, lockStructure: true };
    const vote = {
      ...NO_SETTINGS,
      voting: { target: 'ideas' as const, votesPerPerson: 3, allowMultiplePerCard: false },
    };
    expect(phaseTransition(NO_SETTINGS, privateIdeas, false)).toEqual({
      revealDrafts: false,
      privateMode: true,
      closeVoting: false,
      openVoting: null,
      locks: { structure: true, board: false },
      focusStageId: null,
    });
    expect(phaseTransition(privateIdeas, vote, false)).toMatchObject({
      revealDrafts: true,
      privateMode: false,
      openVoting: vote.voting,
      locks: { structure: false },
    });
    expect(phaseTransition(vote, NO_SETTINGS, true)).toMatchObject({ closeVoting: true, openVoting: null });
    // The same vote in the next phase keeps the round open; another one closes it and opens a new one.
    expect(phaseTransition(vote, vote, true)).toMatchObject({ closeVoting: false, openVoting: null });
    const pains = {
      ...NO_SETTINGS,
      voting: { target: 'pains' as const, votesPerPerson: 2, allowMultiplePerCard: false },
    };
    expect(phaseTransition(vote, pains, true)).toMatchObject({ closeVoting: true, openVoting: pains.voting });
  });

  it('reads a hostile value defensively and round-trips through the document', () => {
    expect(
      readRunSheetValue({
        sessions: [{ id: 'x', name: 5, phases: [{ id: 'p', durationMs: -1, settings: { voting: { target: 'nope' } } }, 7] }],
      }),
    ).toEqual({
      sessions: [
        {
          id: 'x',
          name: '',
          phases: [{ id: 'p', name: '', durationMs: MIN, instructions: '', settings: NO_SETTINGS }],
        },
      ],
    });
    const doc = new Y.Doc();
    const sheet = defaultRunSheet('da-DK');
    writeRunSheet(doc, sheet, 'test');
    expect(readRunSheet(doc)).toEqual(sheet);
  });

  it('seeds the four-session series in the board’s language', () => {
    for (const locale of ['en', 'da', 'sv'] as const) {
      const sheet = defaultRunSheet(locale);
      expect(sheet.sessions.map((s) => s.name)).toEqual(
        [1, 2, 3, 4].map((n) => CATALOGUES[locale][`series.default.s${n}.name` as 'series.default.s1.name']),
      );
      expect(sheet.sessions[2]?.phases[0]?.settings.privateMode).toBe(true);
      expect(sheet.sessions[3]?.phases[0]?.settings.voting).toMatchObject({ target: 'ideas', votesPerPerson: 3 });
    }
  });
});

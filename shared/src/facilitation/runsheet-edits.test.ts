import { describe, expect, it } from 'vitest';
import { NO_SETTINGS, RUN_SHEET_LIMITS, readRunSheetValue, type RunSheet } from './runsheet.ts';
import {
  addPhase,
  addSession,
  movePhase,
  removePhase,
  removeSession,
  renameSession,
  updatePhase,
  updatePhaseSettings,
  updatePhaseVoting,
} from './runsheet-edits.ts';

const phase = (id: string, name: string) => ({ id, name, durationMs: 5 * 60_000, instructions: '', settings: NO_SETTINGS });
const sheet: RunSheet = {
  sessions: [{ id: 'se_a', name: 'One', phases: [phase('ph_1', 'First'), phase('ph_2', 'Second'), phase('ph_3', 'Third')] }],
};
const names = (s: RunSheet) => s.sessions[0]?.phases.map((p) => p.name);

describe('run-sheet edits', () => {
  it('edits a phase’s name, instructions and length within the limits, leaving the input alone', () => {
    const next = updatePhase(sheet, 'se_a', 'ph_2', { name: 'Cluster', instructions: 'Group the pains.', durationMs: 1_000 });
    expect(next.sessions[0]?.phases[1]).toMatchObject({
      name: 'Cluster',
      instructions: 'Group the pains.',
      durationMs: RUN_SHEET_LIMITS.minPhaseMs,
    });
    expect(names(sheet)).toEqual(['First', 'Second', 'Third']);
    expect(updatePhase(sheet, 'se_a', 'ph_2', { durationMs: 1e12 }).sessions[0]?.phases[1]?.durationMs).toBe(RUN_SHEET_LIMITS.maxPhaseMs);
  });

  it('switches a phase’s settings on and off, and what it writes reads back the same', () => {
    const voting = { target: 'pains' as const, votesPerPerson: 2, allowMultiplePerCard: true };
    const next = updatePhaseSettings(sheet, 'se_a', 'ph_1', { privateMode: true, voting, focusStageId: 'st_x' });
    expect(next.sessions[0]?.phases[0]?.settings).toEqual({ ...NO_SETTINGS, privateMode: true, voting, focusStageId: 'st_x' });
    expect(readRunSheetValue(JSON.parse(JSON.stringify(next)))).toEqual(next);
    // Budget and target changed one after the other both stay; a phase without a round gets none.
    const both = updatePhaseVoting(updatePhaseVoting(next, 'se_a', 'ph_1', { votesPerPerson: 5 }), 'se_a', 'ph_1', { target: 'ideas' });
    expect(both.sessions[0]?.phases[0]?.settings.voting).toEqual({ target: 'ideas', votesPerPerson: 5, allowMultiplePerCard: true });
    expect(updatePhaseVoting(sheet, 'se_a', 'ph_1', { votesPerPerson: 5 }).sessions[0]?.phases[0]?.settings.voting).toBeNull();
    const off = updatePhaseSettings(next, 'se_a', 'ph_1', { voting: null, privateMode: false });
    expect(off.sessions[0]?.phases[0]?.settings.voting).toBeNull();
  });

  it('adds, removes and reorders phases, stopping at either end', () => {
    const added = addPhase(sheet, 'se_a', 'Fourth');
    expect(added && names(added.sheet)).toEqual(['First', 'Second', 'Third', 'Fourth']);
    expect(names(movePhase(sheet, 'se_a', 'ph_3', -1))).toEqual(['First', 'Third', 'Second']);
    expect(names(movePhase(sheet, 'se_a', 'ph_1', -1))).toEqual(['First', 'Second', 'Third']);
    expect(names(movePhase(sheet, 'se_a', 'ph_1', 5))).toEqual(['Second', 'Third', 'First']);
    expect(names(removePhase(sheet, 'se_a', 'ph_2'))).toEqual(['First', 'Third']);
  });

  it('refuses a phase beyond the limit and ignores a session or phase that is gone', () => {
    const full: RunSheet = {
      sessions: [
        {
          id: 'se_a',
          name: 'Full',
          phases: Array.from({ length: RUN_SHEET_LIMITS.phasesPerSession }, (_, i) => phase(`ph_${i}`, `P${i}`)),
        },
      ],
    };
    expect(addPhase(full, 'se_a', 'One more')).toBeNull();
    expect(updatePhase(sheet, 'se_gone', 'ph_1', { name: 'x' })).toBe(sheet);
    expect(updatePhase(sheet, 'se_a', 'ph_gone', { name: 'x' })).toBe(sheet);
  });

  it('adds, renames and removes sessions', () => {
    const added = addSession(sheet, 'Two');
    expect(added?.sheet.sessions.map((s) => s.name)).toEqual(['One', 'Two']);
    const renamed = renameSession(added!.sheet, added!.sessionId, 'Session two');
    expect(renamed.sessions[1]?.name).toBe('Session two');
    expect(removeSession(renamed, 'se_a').sessions.map((s) => s.name)).toEqual(['Session two']);
  });
});

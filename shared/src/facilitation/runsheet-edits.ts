import {
  createPhaseId,
  createSessionId,
  NO_SETTINGS,
  RUN_SHEET_LIMITS,
  type Phase,
  type PhaseSettings,
  type RunSession,
  type RunSheet,
} from './runsheet.ts';
import type { VoteRoundSettings } from './voting.ts';

/**
 * The facilitator's edits of a run-sheet, as pure functions: a sheet in, a new sheet out (the
 * input is never changed), within RUN_SHEET_LIMITS. An edit naming a session or phase that is
 * not there returns the sheet unchanged: another facilitator's tab may have removed it.
 */
export type PhasePatch = Partial<Pick<Phase, 'name' | 'durationMs' | 'instructions'>>;

const DEFAULT_PHASE_MS = 10 * 60_000;

function withSession(sheet: RunSheet, sessionId: string, edit: (session: RunSession) => RunSession): RunSheet {
  if (!sheet.sessions.some((s) => s.id === sessionId)) return sheet;
  return { sessions: sheet.sessions.map((s) => (s.id === sessionId ? edit(s) : s)) };
}

function withPhase(sheet: RunSheet, sessionId: string, phaseId: string, edit: (phase: Phase) => Phase): RunSheet {
  const session = sheet.sessions.find((s) => s.id === sessionId);
  if (!session?.phases.some((p) => p.id === phaseId)) return sheet;
  return withSession(sheet, sessionId, (s) => ({ ...s, phases: s.phases.map((p) => (p.id === phaseId ? edit(p) : p)) }));
}

const clampMs = (ms: number): number =>
  Math.min(RUN_SHEET_LIMITS.maxPhaseMs, Math.max(RUN_SHEET_LIMITS.minPhaseMs, Math.round(Number.isFinite(ms) ? ms : 0)));

export function updatePhase(sheet: RunSheet, sessionId: string, phaseId: string, patch: PhasePatch): RunSheet {
  return withPhase(sheet, sessionId, phaseId, (phase) => ({
    ...phase,
    ...(patch.name !== undefined ? { name: patch.name.slice(0, RUN_SHEET_LIMITS.name) } : {}),
    ...(patch.instructions !== undefined ? { instructions: patch.instructions.slice(0, RUN_SHEET_LIMITS.instructions) } : {}),
    ...(patch.durationMs !== undefined ? { durationMs: clampMs(patch.durationMs) } : {}),
  }));
}

export function updatePhaseSettings(sheet: RunSheet, sessionId: string, phaseId: string, patch: Partial<PhaseSettings>): RunSheet {
  return withPhase(sheet, sessionId, phaseId, (phase) => ({ ...phase, settings: { ...phase.settings, ...patch } }));
}

/** Changes part of a phase's voting round (budget, target…); a phase without a round is left alone. */
export function updatePhaseVoting(sheet: RunSheet, sessionId: string, phaseId: string, patch: Partial<VoteRoundSettings>): RunSheet {
  return withPhase(sheet, sessionId, phaseId, (phase) =>
    phase.settings.voting ? { ...phase, settings: { ...phase.settings, voting: { ...phase.settings.voting, ...patch } } } : phase,
  );
}

/** A new phase at the end of the session (nothing switched on); null when the session is full. */
export function addPhase(sheet: RunSheet, sessionId: string, name: string): { sheet: RunSheet; phaseId: string } | null {
  const session = sheet.sessions.find((s) => s.id === sessionId);
  if (!session || session.phases.length >= RUN_SHEET_LIMITS.phasesPerSession) return null;
  const phase: Phase = {
    id: createPhaseId(),
    name: name.slice(0, RUN_SHEET_LIMITS.name),
    durationMs: DEFAULT_PHASE_MS,
    instructions: '',
    settings: { ...NO_SETTINGS },
  };
  return { sheet: withSession(sheet, sessionId, (s) => ({ ...s, phases: [...s.phases, phase] })), phaseId: phase.id };
}

export function removePhase(sheet: RunSheet, sessionId: string, phaseId: string): RunSheet {
  return withSession(sheet, sessionId, (s) => ({ ...s, phases: s.phases.filter((p) => p.id !== phaseId) }));
}

/** Moves a phase `by` places (−1 earlier, +1 later), stopping at either end. */
export function movePhase(sheet: RunSheet, sessionId: string, phaseId: string, by: number): RunSheet {
  return withSession(sheet, sessionId, (s) => {
    const from = s.phases.findIndex((p) => p.id === phaseId);
    const to = Math.max(0, Math.min(s.phases.length - 1, from + Math.trunc(by)));
    if (from < 0 || from === to) return s;
    const phases = [...s.phases];
    const [moved] = phases.splice(from, 1);
    if (moved) phases.splice(to, 0, moved);
    return { ...s, phases };
  });
}

export function renameSession(sheet: RunSheet, sessionId: string, name: string): RunSheet {
  return withSession(sheet, sessionId, (s) => ({ ...s, name: name.slice(0, RUN_SHEET_LIMITS.name) }));
}

/** A new empty session at the end; null when the sheet is full. */
export function addSession(sheet: RunSheet, name: string): { sheet: RunSheet; sessionId: string } | null {
  if (sheet.sessions.length >= RUN_SHEET_LIMITS.sessions) return null;
  const session: RunSession = { id: createSessionId(), name: name.slice(0, RUN_SHEET_LIMITS.name), phases: [] };
  return { sheet: { sessions: [...sheet.sessions, session] }, sessionId: session.id };
}

export function removeSession(sheet: RunSheet, sessionId: string): RunSheet {
  return { sessions: sheet.sessions.filter((s) => s.id !== sessionId) };
}

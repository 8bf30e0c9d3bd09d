import type * as Y from 'yjs';
import { randomId } from '../ids.ts';
import { facilitationMap } from './layout.ts';
import { isVoteTarget, MAX_VOTES_PER_PERSON, type VoteRoundSettings } from './voting.ts';

/**
 * The run-sheet: the facilitator's plan for a series of sessions, each a list of timed phases,
 * and which phase is running now. Both live in the `facilitation` map (facilitator-only, like
 * the timer and the locks), each one plain JSON value written whole:
 *
 *   runSheet  RunSheet        the plan (the facilitator edits it; templates seed a four-session default)
 *   running   RunState | null the session and phase under way (only the server writes it, on its clock)
 *
 * A phase says what it switches on; starting it applies exactly that (and switches off what the
 * phase before switched on), and starts the timer with its duration. "I'm done" is presence
 * (`user.done` = the phase's `phaseKey`), never the document: it is per person and short-lived.
 */
export const RUN_SHEET_KEY = 'runSheet';
export const RUNNING_KEY = 'running';

export interface PhaseSettings {
  /** Editors' new cards go to their private drafts (revealed when a phase without it starts). */
  privateMode: boolean;
  /** A dot-voting round for the phase (closed, results in the document, when the phase ends). */
  voting: VoteRoundSettings | null;
  lockStructure: boolean;
  lockBoard: boolean;
  /** The stage everyone looks at (the others dimmed); null: none. */
  focusStageId: string | null;
}

export interface Phase {
  id: string;
  name: string;
  durationMs: number;
  /** What participants should do, shown to them while the phase runs. */
  instructions: string;
  settings: PhaseSettings;
}

export interface RunSession {
  id: string;
  name: string;
  phases: Phase[];
}

export interface RunSheet {
  sessions: RunSession[];
}

/** A phase that has ended, for the schedule and the history. */
export interface PhaseRecord {
  phaseId: string;
  startedAt: number;
  endedAt: number;
}

export interface RunState {
  sessionId: string;
  phaseIndex: number;
  /** Server epoch ms. */
  sessionStartedAt: number;
  phaseStartedAt: number;
  /** Phases of this session that have ended, in order. */
  done: PhaseRecord[];
}

export const RUN_SHEET_LIMITS = {
  sessions: 20,
  phasesPerSession: 30,
  name: 120,
  instructions: 2_000,
  minPhaseMs: 60_000,
  maxPhaseMs: 8 * 60 * 60_000,
} as const;

export const NO_SETTINGS: PhaseSettings = Object.freeze({
  privateMode: false,
  voting: null,
  lockStructure: false,
  lockBoard: false,
  focusStageId: null,
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');
const clampMs = (value: unknown): number =>
  finite(value)
    ? Math.min(RUN_SHEET_LIMITS.maxPhaseMs, Math.max(RUN_SHEET_LIMITS.minPhaseMs, Math.round(value)))
    : RUN_SHEET_LIMITS.minPhaseMs;

function readSettings(value: unknown): PhaseSettings {
  if (!isRecord(value)) return NO_SETTINGS;
  const voting =
    isRecord(value.voting) && isVoteTarget(value.voting.target)
      ? {
          target: value.voting.target,
          votesPerPerson: finite(value.voting.votesPerPerson)
            ? Math.min(MAX_VOTES_PER_PERSON, Math.max(1, Math.round(value.voting.votesPerPerson)))
            : 3,
          allowMultiplePerCard: value.voting.allowMultiplePerCard === true,
        }
      : null;
  return {
    privateMode: value.privateMode === true,
    voting,
    lockStructure: value.lockStructure === true,
    lockBoard: value.lockBoard === true,
    focusStageId: typeof value.focusStageId === 'string' && value.focusStageId !== '' ? value.focusStageId : null,
  };
}

function readPhase(value: unknown): Phase | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null;
  return {
    id: value.id.slice(0, 40),
    name: text(value.name, RUN_SHEET_LIMITS.name),
    durationMs: clampMs(value.durationMs),
    instructions: text(value.instructions, RUN_SHEET_LIMITS.instructions),
    settings: readSettings(value.settings),
  };
}

/** Reads a run-sheet defensively (a malformed part is dropped, never fatal). */
export function readRunSheetValue(value: unknown): RunSheet {
  if (!isRecord(value) || !Array.isArray(value.sessions)) return { sessions: [] };
  const sessions: RunSession[] = [];
  for (const raw of value.sessions.slice(0, RUN_SHEET_LIMITS.sessions)) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || !Array.isArray(raw.phases)) continue;
    const phases = raw.phases
      .slice(0, RUN_SHEET_LIMITS.phasesPerSession)
      .map(readPhase)
      .filter((p): p is Phase => p !== null);
    sessions.push({ id: raw.id.slice(0, 40), name: text(raw.name, RUN_SHEET_LIMITS.name), phases });
  }
  return { sessions };
}

export const readRunSheet = (doc: Y.Doc): RunSheet => readRunSheetValue(facilitationMap(doc).get(RUN_SHEET_KEY));

export function readRunState(doc: Y.Doc): RunState | null {
  const value = facilitationMap(doc).get(RUNNING_KEY);
  if (!isRecord(value) || typeof value.sessionId !== 'string' || !finite(value.phaseIndex)) return null;
  if (!finite(value.sessionStartedAt) || !finite(value.phaseStartedAt)) return null;
  const done = Array.isArray(value.done)
    ? value.done.filter((r): r is PhaseRecord => isRecord(r) && typeof r.phaseId === 'string' && finite(r.startedAt) && finite(r.endedAt))
    : [];
  return {
    sessionId: value.sessionId,
    phaseIndex: value.phaseIndex,
    sessionStartedAt: value.sessionStartedAt,
    phaseStartedAt: value.phaseStartedAt,
    done,
  };
}

export function writeRunSheet(doc: Y.Doc, sheet: RunSheet, origin: unknown): void {
  doc.transact(() => facilitationMap(doc).set(RUN_SHEET_KEY, JSON.parse(JSON.stringify(sheet)) as unknown), origin);
}

export function writeRunState(doc: Y.Doc, state: RunState | null, origin: unknown): void {
  doc.transact(() => facilitationMap(doc).set(RUNNING_KEY, state ? (JSON.parse(JSON.stringify(state)) as unknown) : null), origin);
}

export const createPhaseId = (): string => `ph_${randomId(8)}`;
export const createSessionId = (): string => `se_${randomId(8)}`;

/** The current session and phase of a running state, if the plan still has them. */
export function currentPhase(sheet: RunSheet, state: RunState | null): { session: RunSession; phase: Phase; index: number } | null {
  if (!state) return null;
  const session = sheet.sessions.find((s) => s.id === state.sessionId);
  const phase = session?.phases[state.phaseIndex];
  return session && phase ? { session, phase, index: state.phaseIndex } : null;
}

/** Names one running phase, for "I'm done" in presence (a restarted phase is a new one). */
export const phaseKey = (state: RunState): string => `${state.sessionId}/${state.phaseIndex}/${state.phaseStartedAt}`;

export interface ScheduledPhase {
  phase: Phase;
  status: 'done' | 'running' | 'planned';
  /** When it started (done, running) or is now expected to start (planned). */
  startAt: number;
  /** When it ended (done) or is expected to end (running, planned). */
  endAt: number;
}

export interface Schedule {
  phases: ScheduledPhase[];
  /** How far the running phase is past its planned length (0 when within it). */
  overrunMs: number;
  /** How much later than planned the session now ends (early phases ending early count against it). */
  lateByMs: number;
  /** The session's expected end. */
  endsAt: number;
}

/**
 * The schedule of the running session at server time `now`: ended phases as they happened,
 * the running one with its overrun, and the rest shifted to start when the running one is now
 * expected to end.
 */
export function planSchedule(session: RunSession, state: RunState, now: number): Schedule {
  const phases: ScheduledPhase[] = [];
  let cursor = state.sessionStartedAt;
  let overrunMs = 0;
  session.phases.forEach((phase, index) => {
    if (index < state.phaseIndex) {
      const record = state.done.find((r) => r.phaseId === phase.id);
      const startAt = record?.startedAt ?? cursor;
      const endAt = record?.endedAt ?? startAt + phase.durationMs;
      phases.push({ phase, status: 'done', startAt, endAt });
      cursor = endAt;
    } else if (index === state.phaseIndex) {
      const plannedEnd = state.phaseStartedAt + phase.durationMs;
      overrunMs = Math.max(0, now - plannedEnd);
      const endAt = Math.max(plannedEnd, now);
      phases.push({ phase, status: 'running', startAt: state.phaseStartedAt, endAt });
      cursor = endAt;
    } else {
      phases.push({ phase, status: 'planned', startAt: cursor, endAt: cursor + phase.durationMs });
      cursor += phase.durationMs;
    }
  });
  const plannedLength = session.phases.reduce((sum, p) => sum + p.durationMs, 0);
  return { phases, overrunMs, lateByMs: cursor - (state.sessionStartedAt + plannedLength), endsAt: cursor };
}

/** What has to change on the board to go from one phase's settings to the next's. */
export interface PhaseTransition {
  revealDrafts: boolean;
  privateMode: boolean;
  closeVoting: boolean;
  openVoting: VoteRoundSettings | null;
  locks: { structure: boolean; board: boolean };
  focusStageId: string | null;
}

/**
 * From `from` (what the ending phase switched on; NO_SETTINGS before the first) to `to` (the next
 * phase; NO_SETTINGS when the session ends). A voting round is closed whenever the next phase
 * does not vote the same way, so every phase's round has its own results.
 */
export function phaseTransition(from: PhaseSettings, to: PhaseSettings, votingOpen: boolean): PhaseTransition {
  const sameVoting = JSON.stringify(from.voting) === JSON.stringify(to.voting);
  const closeVoting = votingOpen && (!to.voting || !sameVoting);
  return {
    revealDrafts: from.privateMode && !to.privateMode,
    privateMode: to.privateMode,
    closeVoting,
    openVoting: to.voting && (closeVoting || !votingOpen) ? to.voting : null,
    locks: { structure: to.lockStructure, board: to.lockBoard },
    focusStageId: to.focusStageId,
  };
}

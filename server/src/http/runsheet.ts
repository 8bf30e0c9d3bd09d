import type { Hono } from 'hono';
import {
  NO_SETTINGS,
  SERVER_ORIGIN,
  applyTimerAction,
  currentPhase,
  phaseTransition,
  readOpenRound,
  readRunSheet,
  readRunState,
  readTimer,
  setFocus,
  setLocks,
  setPrivateMode,
  startSessionRequestSchema,
  writeRunState,
  writeTimer,
  type RunSheetAnswer,
  type RunState,
  type SnapshotInfo,
} from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import type { BoardStore } from '../storage/store.ts';
import { boardRole, type AuthDeps } from './auth.ts';
import { jsonBody, validate } from './body.ts';
import { boardNotFound, HttpError } from './errors.ts';
import type { BoardHistory } from './history-api.ts';
import type { LiveBoards } from './live.ts';
import { closeVoteRound, openVoteRound } from './vote-rounds.ts';

export interface RunSheetRoutesDeps extends AuthDeps {
  store: BoardStore;
  live: LiveBoards;
  history: BoardHistory;
}

const conflict = (message: string): HttpError => new HttpError(409, 'runsheet-conflict', message);

/** Where a step goes: a phase of a session, or the end of the running session. */
type Destination = { sessionId: string; phaseIndex: number } | 'end';

/**
 * The run-sheet drives the board (shared/src/facilitation/runsheet.ts): starting a phase
 * applies what it switches on — private mode, a voting round, locks, focus — switches off what
 * the phase before switched on (revealing private drafts, closing its round with results),
 * and starts the timer with the phase's length, all on the server's clock. The end of every
 * phase takes a snapshot; the end of a session a named one, and offers the report.
 */
export function mountRunSheetRoutes(app: Hono, deps: RunSheetRoutesDeps): void {
  const facilitator = boardRole(deps, 'facilitator');

  const step = (boardId: string, to: Destination): RunSheetAnswer => {
    const found = deps.live.read(boardId, (doc) => ({
      sheet: readRunSheet(doc),
      state: readRunState(doc),
      openRound: readOpenRound(doc),
      timer: readTimer(doc),
    }));
    if (!found) throw boardNotFound(boardId);
    const { sheet, state, openRound } = found;
    const now = deps.now();
    const current = currentPhase(sheet, state);
    if (to === 'end' && !state) throw conflict('no session is running');
    const session = to === 'end' ? current?.session : sheet.sessions.find((s) => s.id === to.sessionId);
    if (to !== 'end') {
      if (!session) throw conflict(`the run-sheet has no session "${to.sessionId.slice(0, 40)}"`);
      if (!session.phases[to.phaseIndex]) throw conflict(`session "${session.name}" has no phase ${to.phaseIndex + 1}`);
    }
    const actor = { role: 'facilitator' as const, participantId: null };

    // The end of the running phase: a snapshot of the board as the phase left it.
    let snapshot: SnapshotInfo | null = null;
    if (current)
      snapshot = deps.history.take(boardId, `${current.session.name} · ${current.phase.name}`.slice(0, 120), 'phase', actor) ?? null;

    const next = to === 'end' ? null : session!.phases[to.phaseIndex]!;
    const transition = phaseTransition(current?.phase.settings ?? NO_SETTINGS, next?.settings ?? NO_SETTINGS, openRound !== null);
    if (transition.closeVoting && openRound) closeVoteRound(deps, boardId, openRound.id);
    const revealed = transition.revealDrafts ? (deps.live.revealDrafts(boardId) ?? 0) : 0;

    const running: RunState | null =
      to === 'end'
        ? null
        : {
            sessionId: to.sessionId,
            phaseIndex: to.phaseIndex,
            sessionStartedAt: state && state.sessionId === to.sessionId ? state.sessionStartedAt : now,
            phaseStartedAt: now,
            done: [
              ...(state && state.sessionId === to.sessionId ? state.done : []),
              ...(current && state?.sessionId === to.sessionId
                ? [{ phaseId: current.phase.id, startedAt: state.phaseStartedAt, endedAt: now }]
                : []),
            ],
          };
    deps.live.edit(boardId, (doc) => {
      setPrivateMode(doc, transition.privateMode, SERVER_ORIGIN);
      setLocks(doc, transition.locks, SERVER_ORIGIN);
      setFocus(doc, transition.focusStageId, SERVER_ORIGIN);
      const timer = readTimer(doc);
      if (next) writeTimer(doc, applyTimerAction(timer, { type: 'start', durationMs: next.durationMs }, now), SERVER_ORIGIN);
      else if (timer.state !== 'stopped') writeTimer(doc, applyTimerAction(timer, { type: 'stop' }, now), SERVER_ORIGIN);
      writeRunState(doc, running, SERVER_ORIGIN);
    });
    if (transition.openVoting) openVoteRound(deps, boardId, transition.openVoting);

    let report: string | null = null;
    if (to === 'end' && session) {
      const day = new Date(now).toISOString().slice(0, 10);
      snapshot = deps.history.take(boardId, `${session.name} (${day})`.slice(0, 120), 'session', actor) ?? snapshot;
      report = `/api/boards/${boardId}/report.html?comments=1`;
    }
    return { running, snapshot, report, revealed, now };
  };

  app.post(
    '/api/boards/:id/runsheet/start',
    facilitator,
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', startSessionRequestSchema),
    (c) => {
      const { sessionId, phaseIndex } = c.req.valid('json');
      return c.json(step(c.req.param('id'), { sessionId, phaseIndex }));
    },
  );

  app.post('/api/boards/:id/runsheet/next', facilitator, (c) => {
    const boardId = c.req.param('id');
    const at = deps.live.read(boardId, (doc) => ({ sheet: readRunSheet(doc), state: readRunState(doc) }));
    if (!at) throw boardNotFound(boardId);
    const current = currentPhase(at.sheet, at.state);
    if (!current || !at.state) throw conflict('no session is running');
    const nextIndex = current.index + 1;
    return c.json(
      step(boardId, nextIndex < current.session.phases.length ? { sessionId: current.session.id, phaseIndex: nextIndex } : 'end'),
    );
  });

  app.post('/api/boards/:id/runsheet/end', facilitator, (c) => c.json(step(c.req.param('id'), 'end')));
}

import { currentPhase, doneWith, phaseKey, planSchedule, readRunSheet, readRunState } from '@rejse/shared';
import { useState } from 'react';
import { useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { usePeers } from '../presence/peers.ts';
import { Link } from '../routing/router.tsx';
import { useDocValue, useSeriesApi, useSeriesCommands, useServerNow } from './useSeries.ts';

const minutes = (ms: number): number => Math.max(1, Math.round(ms / 60_000));

/**
 * The running phase for everyone, in the workshop bar: which session and phase, what to do,
 * and "I'm done" (participants) or how many are done, the overrun and the next step (facilitator).
 */
export function RunSheetBar() {
  const t = useT();
  const session = useSession();
  const { role, participant, boardId } = useFacilitationContext();
  const sheet = useDocValue(readRunSheet);
  const state = useDocValue(readRunState);
  const current = currentPhase(sheet, state);
  const key = state ? phaseKey(state) : '';
  const done = useDocValue((doc) => (key ? doneWith(doc, key) : []));
  const peers = usePeers(session);
  const now = useServerNow(current !== null);
  const commands = useSeriesCommands();
  const api = useSeriesApi();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);

  if (!current || !state) {
    return report ? (
      <div className="runsheet-bar runsheet-bar--ended" role="status">
        <span>{t('series.session.ended')}</span>
        {/* The board's own report page (the HTML export needs the link's token in a header). */}
        <Link to={`/b/${encodeURIComponent(boardId)}/report`} className="button button--small">
          {t('series.session.openReport')}
        </Link>
      </div>
    ) : null;
  }
  const schedule = planSchedule(current.session, state, now);
  const iAmDone = done.includes(participant.id);
  const participants = new Set([...peers.filter((p) => p.user.role !== 'facilitator').map((p) => p.clientId)]).size;
  const last = current.index === current.session.phases.length - 1;
  const step = async (run: () => Promise<{ report: string | null }>) => {
    setBusy(true);
    try {
      const answer = await run();
      setReport(answer.report);
    } catch (error) {
      console.warn('run-sheet step failed', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="runsheet-bar" aria-label={t('series.phase.label')} data-phase-id={current.phase.id}>
      <div className="runsheet-bar__what">
        <span className="runsheet-bar__phase">
          {t('series.phase.current', {
            session: current.session.name,
            phase: current.phase.name,
            n: current.index + 1,
            total: current.session.phases.length,
          })}
        </span>
        {current.phase.instructions ? <span className="runsheet-bar__instructions">{current.phase.instructions}</span> : null}
      </div>
      {role === 'editor' ? (
        <button
          type="button"
          className={`button button--small${iAmDone ? ' button--primary' : ''}`}
          aria-pressed={iAmDone}
          onClick={() => commands.setDone(iAmDone ? null : key)}
        >
          {iAmDone ? t('series.phase.iAmDone') : t('series.phase.done')}
        </button>
      ) : null}
      {role === 'facilitator' ? (
        <>
          <span className="workshop-badge" data-done-count={done.length}>
            {t('series.phase.doneCount', { done: done.length, total: Math.max(participants, done.length) })}
          </span>
          {schedule.overrunMs > 0 ? (
            <span className="workshop-badge workshop-badge--warning" role="status">
              {t('series.phase.overrun', {
                minutes: minutes(schedule.overrunMs),
                late: minutes(Math.max(schedule.lateByMs, 0)),
              })}
            </span>
          ) : null}
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy}
            onClick={() => void step(() => api.nextPhase())}
          >
            {last ? t('series.session.end') : t('series.phase.next', { phase: current.session.phases[current.index + 1]?.name ?? '' })}
          </button>
          {last ? null : (
            <button type="button" className="button button--small" disabled={busy} onClick={() => void step(() => api.endSession())}>
              {t('series.session.end')}
            </button>
          )}
        </>
      ) : null}
    </section>
  );
}

import { planSchedule, readRunSheet, readRunState, writeRunSheet } from '@rejse/shared';
import { useState } from 'react';
import { useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useLocale, useT } from '../i18n/index.ts';
import { SERIES_ORIGIN } from './commands.ts';
import { PhaseChips } from './PhaseChips.tsx';
import { AddSession, SessionEditor, SessionName, type SheetEdit } from './RunSheetEditor.tsx';
import { useDocValue, useSeriesApi, useServerNow } from './useSeries.ts';

const timeOf = (at: number, locale: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);

/**
 * The run-sheet: sessions of timed phases and what each switches on. The facilitator plans it
 * here (names, lengths, instructions, settings; phases added, removed and reordered — see
 * RunSheetEditor) and starts a session (the server applies the first phase and starts the
 * timer); while a session runs, it is read-only and the planned times shift with any overrun.
 */
export function RunSheetTab() {
  const t = useT();
  const locale = useLocale();
  const session = useSession();
  const { role } = useFacilitationContext();
  const api = useSeriesApi();
  const sheet = useDocValue(readRunSheet);
  const running = useDocValue(readRunState);
  const now = useServerNow(running !== null, 5_000);
  const [error, setError] = useState<string | null>(null);
  const facilitator = role === 'facilitator';
  // Each edit reads the sheet as it is now, not as the last render saw it: a field left and a box
  // ticked in one gesture are two edits before the next render, and the second must not undo the first.
  const write = (edit: SheetEdit) => writeRunSheet(session.doc, edit(readRunSheet(session.doc)), SERIES_ORIGIN);

  return (
    <div className="runsheet">
      {error ? (
        <p className="series-error" role="alert">
          {error}
        </p>
      ) : null}
      {sheet.sessions.length === 0 ? <p>{t('series.runsheet.empty')}</p> : null}
      {sheet.sessions.map((planned) => {
        const isRunning = running?.sessionId === planned.id;
        const schedule = isRunning && running ? planSchedule(planned, running, now) : null;
        const editable = facilitator && !isRunning;
        return (
          <section key={planned.id} className={`runsheet-session${isRunning ? ' is-running' : ''}`} data-session-id={planned.id}>
            <header className="runsheet-session__head">
              {editable ? <SessionName session={planned} write={write} /> : <h3>{planned.name}</h3>}
              {editable && planned.phases.length > 0 ? (
                <button
                  type="button"
                  className="button button--small button--primary"
                  onClick={() => {
                    setError(null);
                    api
                      .startSession(planned.id)
                      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
                  }}
                >
                  {t('series.session.start')}
                </button>
              ) : null}
              {schedule && schedule.lateByMs > 60_000 ? (
                <span className="workshop-badge workshop-badge--warning">
                  {t('series.runsheet.late', { minutes: Math.round(schedule.lateByMs / 60_000) })}
                </span>
              ) : null}
            </header>
            {editable ? (
              <SessionEditor session={planned} write={write} />
            ) : (
              <ol className="runsheet-phases">
                {planned.phases.map((phase, phaseIndex) => {
                  const scheduled = schedule?.phases[phaseIndex];
                  return (
                    <li key={phase.id} className={`runsheet-phase runsheet-phase--${scheduled?.status ?? 'planned'}`}>
                      <div className="runsheet-phase__line">
                        <strong>{phase.name}</strong>
                        {scheduled ? (
                          <span className="runsheet-phase__time">
                            {timeOf(scheduled.startAt, locale)}–{timeOf(scheduled.endAt, locale)}
                          </span>
                        ) : null}
                        <span>{t('series.runsheet.duration', { minutes: Math.round(phase.durationMs / 60_000) })}</span>
                      </div>
                      <PhaseChips phase={phase} />
                      {phase.instructions ? <p className="runsheet-phase__instructions">{phase.instructions}</p> : null}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        );
      })}
      {facilitator ? <AddSession sheet={sheet} write={write} /> : null}
    </div>
  );
}

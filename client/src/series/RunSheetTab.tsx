import { planSchedule, readRunSheet, readRunState, writeRunSheet, type Phase, type RunSheet } from '@rejse/shared';
import { useState } from 'react';
import { useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useLocale, useT } from '../i18n/index.ts';
import { SERIES_ORIGIN } from './commands.ts';
import { useDocValue, useSeriesApi, useServerNow } from './useSeries.ts';

const timeOf = (at: number, locale: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);

/** What a phase switches on, as short words. */
function PhaseChips({ phase }: { phase: Phase }) {
  const t = useT();
  const { settings } = phase;
  const chips: string[] = [];
  if (settings.privateMode) chips.push(t('series.setting.private'));
  if (settings.voting)
    chips.push(
      t('series.setting.voting', {
        votes: settings.voting.votesPerPerson,
        target: t(`series.setting.target.${settings.voting.target}`),
      }),
    );
  if (settings.lockStructure) chips.push(t('series.setting.lockStructure'));
  if (settings.lockBoard) chips.push(t('series.setting.lockBoard'));
  if (settings.focusStageId) chips.push(t('series.setting.focus'));
  return (
    <span className="phase-chips">
      {chips.map((chip) => (
        <span key={chip} className="phase-chip">
          {chip}
        </span>
      ))}
    </span>
  );
}

/**
 * The run-sheet: sessions of timed phases and what each switches on. The facilitator starts a
 * session (the server applies the first phase and starts the timer) and can change a phase's
 * length; while a session runs, the planned times shift with any overrun.
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

  const setMinutes = (sessionIndex: number, phaseIndex: number, minutes: number) => {
    if (!Number.isFinite(minutes) || minutes < 1) return;
    const next: RunSheet = structuredClone(sheet);
    const phase = next.sessions[sessionIndex]?.phases[phaseIndex];
    if (!phase) return;
    phase.durationMs = Math.round(minutes) * 60_000;
    writeRunSheet(session.doc, next, SERIES_ORIGIN);
  };

  return (
    <div className="runsheet">
      {error ? (
        <p className="series-error" role="alert">
          {error}
        </p>
      ) : null}
      {sheet.sessions.length === 0 ? <p>{t('series.runsheet.empty')}</p> : null}
      {sheet.sessions.map((planned, sessionIndex) => {
        const isRunning = running?.sessionId === planned.id;
        const schedule = isRunning && running ? planSchedule(planned, running, now) : null;
        return (
          <section key={planned.id} className={`runsheet-session${isRunning ? ' is-running' : ''}`} data-session-id={planned.id}>
            <header className="runsheet-session__head">
              <h3>{planned.name}</h3>
              {facilitator && !isRunning ? (
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
                      {facilitator && !isRunning ? (
                        <label className="runsheet-phase__minutes">
                          <input
                            type="number"
                            min={1}
                            max={480}
                            defaultValue={Math.round(phase.durationMs / 60_000)}
                            onBlur={(event) => setMinutes(sessionIndex, phaseIndex, Number(event.target.value))}
                          />
                          {t('series.runsheet.minutes')}
                        </label>
                      ) : (
                        <span>{t('series.runsheet.duration', { minutes: Math.round(phase.durationMs / 60_000) })}</span>
                      )}
                    </div>
                    <PhaseChips phase={phase} />
                    {phase.instructions ? <p className="runsheet-phase__instructions">{phase.instructions}</p> : null}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

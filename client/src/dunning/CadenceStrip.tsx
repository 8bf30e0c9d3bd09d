import { cadenceWindows, contactsOf, formatDueDay, type Board } from '@rejse/shared';
import { useT } from '../i18n/index.ts';
import type { ShownWarning } from './warnings.ts';

/**
 * Contacts the company makes, per week counted from the due date and per channel, for the
 * chosen debtor scenario (or every touchpoint), with the warnings underneath. A week that an
 * over-contact warning touches is marked.
 */
export function CadenceStrip({
  board,
  scenarioId,
  warnings,
}: {
  board: Board;
  scenarioId: string | null;
  warnings: readonly ShownWarning[];
}) {
  const t = useT();
  const windows = cadenceWindows(contactsOf(board, scenarioId));
  const flagged = (start: number, end: number) =>
    warnings.some((w) => w.kind === 'max-contacts' && w.fromDay !== null && w.toDay !== null && w.fromDay <= end && w.toDay >= start);
  return (
    <section className="cadence" aria-labelledby="cadence-heading">
      <h3 className="time-view__subheading" id="cadence-heading">
        {t('dunning.cadence.heading')}
      </h3>
      {windows.length === 0 ? (
        <p className="muted">{t('dunning.cadence.empty')}</p>
      ) : (
        <ol className="cadence__weeks" aria-label={t('dunning.cadence.label')} data-testid="cadence-strip">
          {windows.map((w) => (
            <li key={w.start} className={`cadence__week${flagged(w.start, w.end) ? ' is-warned' : ''}${w.total === 0 ? ' is-quiet' : ''}`}>
              <span className="cadence__range">{`${formatDueDay(w.start)} – ${formatDueDay(w.end)}`}</span>
              <strong className="cadence__total">{t('dunning.cadence.count', { count: w.total })}</strong>
              <span className="cadence__channels">
                {Object.entries(w.counts).map(([channel, count]) => (
                  <span key={channel} className="cadence__channel">
                    {channel === 'none' ? '—' : t(`channel.${channel as 'sms'}`)} {count}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
      <h3 className="time-view__subheading">{t('dunning.warnings.heading')}</h3>
      {warnings.length === 0 ? (
        <p className="cadence__ok" data-testid="dunning-no-warnings">
          {t('dunning.warnings.none')}
        </p>
      ) : (
        <ul className="cadence__warnings" data-testid="dunning-warnings">
          {warnings.map((w) => (
            <li key={w.key} className={`cadence__warning cadence__warning--${w.kind}`} role="status">
              {w.text}
              {w.scenarios ? <span className="muted"> · {t('dunning.warning.in', { list: w.scenarios })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

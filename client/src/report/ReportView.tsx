import { formatDay, formatValueMoney, mapSvg, readPeople, reportModel, reportParticipants, type ReportModel } from '@rejse/shared';
import { useEffect, useMemo, useState } from 'react';
import { useBoardSnapshot } from '../doc/BoardContext.tsx';
import { useDocValue } from '../series/useSeries.ts';
import { useT } from '../i18n/index.ts';
import { formatScore } from '../prioritize/Score.tsx';
import { usePrioritySettings, useVoteCounts } from '../prioritize/usePrioritize.ts';
import { CommentsAppendix } from './CommentsAppendix.tsx';
import { DunningReport } from './DunningReport.tsx';
import { EmotionChart } from './EmotionChart.tsx';
import './report.css';

const localTimeZone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/**
 * The report's participants: everyone who named themselves on the board (its people directory,
 * which each editor's and facilitator's name is written into), exactly as the server's
 * report.html lists them (`reportParticipants`); unnamed people are left out of both.
 */
function useParticipantNames(locale: string): string[] {
  const people = useDocValue((doc) => [...readPeople(doc).values()]);
  return useMemo(() => reportParticipants(people, locale), [people, locale]);
}

/**
 * The printable workshop report (print CSS gives a clean PDF): the same `reportModel` the
 * server's report.html renders, with the map drawn from its layout (`mapSvg`, as the server's report draws it).
 */
export function ReportView() {
  const t = useT();
  const board = useBoardSnapshot();
  const votes = useVoteCounts();
  const settings = usePrioritySettings();
  const participants = useParticipantNames(board.locale);
  // The comment threads as an appendix, on request (as the server's report.html with ?comments=1).
  const [withComments, setWithComments] = useState(false);
  // The date moves on at midnight; re-reading it once a minute is plenty.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const model = useMemo(
    () =>
      reportModel(board, {
        votes,
        topN: settings.topN,
        by: settings.rankBy,
        participants,
        generatedAt: now,
        ...(localTimeZone() ? { timeZone: localTimeZone() } : {}),
      }),
    [board, votes, settings, participants, now],
  );

  return (
    <div className="report-page">
      <article className="report" aria-labelledby="report-title">
        <div className="report__actions">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('export.report.print')}
          </button>
          <label className="report__option">
            <input type="checkbox" checked={withComments} onChange={(event) => setWithComments(event.target.checked)} />
            {t('series2.report.includeComments')}
          </label>
        </div>
        <ReportHeader model={model} />
        <section className="report__block" aria-labelledby="report-curve">
          <h2 id="report-curve">{t('export.report.curve')}</h2>
          <EmotionChart curve={model.emotionCurve} />
        </section>
        <DunningReport model={model} />
        <ReportActions model={model} />
        <ReportPains model={model} />
        <section className="report__block report__block--map" aria-labelledby="report-map">
          <h2 id="report-map">{t('export.report.map')}</h2>
          <MapPicture title={model.title} />
        </section>
        {withComments ? <CommentsAppendix locale={model.locale} /> : null}
      </article>
    </div>
  );
}

function ReportHeader({ model }: { model: ReportModel }) {
  const t = useT();
  const persona = model.persona;
  return (
    <header className="report__header">
      <p className="report__kicker">{t('export.report.heading')}</p>
      <h1 id="report-title">{model.title || t('board.untitled')}</h1>
      <p className="muted">{t('export.report.date', { date: model.dateText })}</p>
      {model.participants.length > 0 ? (
        <p>
          <strong>{t('export.report.participants')}</strong> {model.participants.join(', ')}
        </p>
      ) : null}
      {persona ? (
        <p className="report__persona">
          <strong>{t('export.report.persona')}</strong> {[persona.name, persona.segment, persona.description].filter(Boolean).join(' — ')}
        </p>
      ) : null}
      <p className="report__summary">
        {t('export.report.summary', {
          stages: model.counts.stages,
          touchpoints: model.counts.touchpoints,
          pains: model.counts.pains,
          actions: model.counts.actions,
          votes: model.counts.votes,
        })}
      </p>
    </header>
  );
}

function ReportActions({ model }: { model: ReportModel }) {
  const t = useT();
  // Money in the board's currency and number format, like the exports.
  const money = (amount: number): string => formatValueMoney(amount, model.locale, model.currency);
  const total = model.hasValues ? model.topTotal.value : null;
  return (
    <section className="report__block" aria-labelledby="report-actions">
      <h2 id="report-actions">{t('export.report.actions', { n: model.topN })}</h2>
      {model.actions.length === 0 ? (
        <p className="muted">{t('export.report.noActions')}</p>
      ) : (
        <table className="report-table" data-report-actions={model.actions.length}>
          <thead>
            <tr>
              <th className="num">{t('prioritize.col.rank')}</th>
              <th>{t('prioritize.col.action')}</th>
              <th>{t('prioritize.row.owner')}</th>
              <th>{t('prioritize.row.due')}</th>
              <th>{t('prioritize.row.status')}</th>
              <th>{t('export.report.linkedPains')}</th>
              <th className="num">{t('prioritize.col.score')}</th>
              {model.hasValues ? <th className="num">{t('export.value.column.value')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {model.actions.map((action) => (
              <tr key={action.id} data-report-action={action.id}>
                <td className="num">{action.rank}</td>
                <td>
                  <span className="report__text">{action.text || t('prioritize.untitled')}</span>
                  <span className="report__sub">
                    {action.stageTitle}
                    {action.quadrant ? ` · ${t(`prioritize.quadrant.${action.quadrant}`)}` : ''}
                  </span>
                </td>
                <td>{action.owner ?? ''}</td>
                <td className="nowrap">{action.dueDate ? formatDay(action.dueDate, model.locale) : ''}</td>
                <td>{t(`prioritize.status.${action.status}`)}</td>
                <td>{action.linkedPains.map((p) => p.text).join('; ')}</td>
                <td className="num">{formatScore(model.locale, action.score)}</td>
                {model.hasValues ? (
                  <td className="num nowrap" data-report-value>
                    {action.value ? money(action.value.mid) : ''}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total ? (
        <p className="report__total">
          <strong>{t('export.value.totalOfTop', { n: model.topTotal.n })}:</strong> {money(total.mid)} (
          {t('export.value.range', { low: money(total.low), high: money(total.high) })})
        </p>
      ) : null}
      {model.belowLine > 0 ? <p className="muted">{t('export.report.belowLine', { count: model.belowLine })}</p> : null}
    </section>
  );
}

function ReportPains({ model }: { model: ReportModel }) {
  const t = useT();
  return (
    <section className="report__block" aria-labelledby="report-pains">
      <h2 id="report-pains">{t('export.report.pains')}</h2>
      {model.painsByStage.length === 0 ? <p className="muted">{t('export.report.noPains')}</p> : null}
      {model.painsByStage.map((group) => (
        <div key={group.stageId} className="report__stage">
          <h3>{group.stageTitle || t('stage.new')}</h3>
          <ul className="report__pains">
            {group.pains.map((pain) => (
              <li key={pain.id} className={`severity-${pain.severity}`}>
                <span className="report__text">{pain.text || t('card.empty')}</span>{' '}
                <span className="report__badge">{t('export.report.severity', { n: pain.severity })}</span>
                <span className="report__sub">
                  {pain.addressedBy.length
                    ? t('export.report.addressedBy', { list: pain.addressedBy.map((i) => i.text).join('; ') })
                    : t('export.report.notAddressed')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * The map, drawn from the layout as SVG (the picture the server's report.html inlines) and
 * shown as an image: redrawn when the board changes, nothing mounted off screen.
 */
function MapPicture({ title }: { title: string }) {
  const t = useT();
  const board = useBoardSnapshot();
  const picture = useMemo(() => {
    const drawn = mapSvg(board);
    return { ...drawn, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}` };
  }, [board]);
  return (
    <img
      className="report__map"
      src={picture.url}
      width={picture.width}
      height={picture.height}
      alt={t('export.report.mapAlt', { title: title || t('board.untitled') })}
      data-map-picture="ready"
    />
  );
}

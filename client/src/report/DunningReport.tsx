import { CHART_LABEL_CHAR_WIDTH, dunningReportView, wrapLabel, type DunningReportView, type ReportModel } from '@rejse/shared';
import { useMemo } from 'react';
import { useLocale } from '../i18n/index.ts';
import { ChartGridlines } from '../ui/ChartGridlines.tsx';

/**
 * The dunning journey on the report page: touchpoints by day per stage span, contacts per week,
 * the cadence rules and warnings, and one emotion curve per debtor scenario. The words and the
 * geometry are `dunningReportView`'s, the same the server's report.html draws; React escapes the
 * text, and the SVG takes numbers and our own colours only.
 */
export function DunningReport({ model }: { model: ReportModel }) {
  const locale = useLocale();
  // Words in the UI's language, numbers the board's way (as its money and scores).
  const view = useMemo(() => dunningReportView(model, locale, model.locale), [model, locale]);
  if (!view) return null;
  return (
    <section className="report__block report-dunning" aria-labelledby="report-dunning" data-testid="report-dunning">
      <h2 id="report-dunning">{view.heading}</h2>
      <h3>{view.time.heading}</h3>
      <table className="report-table report-time">
        <thead>
          <tr>
            <th>{view.time.columns.stage}</th>
            <th className="nowrap">{view.time.columns.days}</th>
            <th>{view.time.columns.touchpoints}</th>
          </tr>
        </thead>
        <tbody>
          {view.time.rows.map((row) => (
            <tr key={row.stageId}>
              <td className="report-time__stage">{row.stageTitle}</td>
              <td className="nowrap report-time__day" data-testid="report-stage-span">
                {row.span}
              </td>
              <td>
                <ul className="report-time__cards">
                  {row.touchpoints.map((tp) => (
                    <li key={tp.id}>
                      <span className="report-time__day">{tp.day}</span> <span className="report__text">{tp.text}</span>
                      {tp.channel ? <span className="muted"> · {tp.channel}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.cadence.weeks.length > 0 ? (
        <>
          <h3>{view.cadence.heading}</h3>
          <table className="report-table report-weeks">
            <thead>
              <tr>
                <th>{view.cadence.columns.week}</th>
                <th className="num">{view.cadence.columns.contacts}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {view.cadence.weeks.map((week) => (
                <tr key={week.start} className={week.warned ? 'is-warned' : undefined}>
                  <td className="nowrap report-time__day">{week.range}</td>
                  <td className="num">{week.total}</td>
                  <td className="muted">{week.channels}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {view.rules.items.length > 0 ? (
        <>
          <h3>{view.rules.heading}</h3>
          <ul className="report-rules">
            {view.rules.items.map((rule, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a printed list that is rebuilt whole, never reordered.
              <li key={i}>{rule}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{view.warnings.heading}</h3>
      {view.warnings.items.length === 0 ? (
        <p className="report-dunning__ok">{view.warnings.none}</p>
      ) : (
        <ul className="report-warnings" data-testid="report-dunning-warnings">
          {view.warnings.items.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a printed list that is rebuilt whole, never reordered.
            <li key={i}>
              {w.text}
              {w.scenarios ? <span className="muted"> · {w.scenarios}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {view.curves ? <ScenarioChart curves={view.curves} /> : null}
    </section>
  );
}

function ScenarioChart({ curves }: { curves: NonNullable<DunningReportView['curves']> }) {
  const g = curves.geometry;
  return (
    <>
      <h3>{curves.heading}</h3>
      <svg
        className="report-chart"
        role="img"
        aria-label={curves.label}
        viewBox={`0 0 ${g.width} ${g.height}`}
        width={g.width}
        height={g.height}
        data-testid="report-scenario-curves"
      >
        <ChartGridlines
          geometry={g}
          label={(_value, i) => curves.gridLabels[i] ?? ''}
          labelClassName="report-chart__axis"
          labelOffset={{ left: 8, down: 4 }}
        />
        {curves.series.map((series) => (
          <g key={series.id} data-scenario={series.id}>
            {series.paths.map((d) => (
              <path key={d} className="report-chart__scenario" stroke={series.colour} d={d} />
            ))}
            {series.points.map((p) => (
              <circle key={`${p.x}-${p.y}`} cx={p.x} cy={p.y} r={3.5} fill={series.colour}>
                <title>{p.title}</title>
              </circle>
            ))}
          </g>
        ))}
        {g.stages.map((s) => (
          <text key={`stage-${s.index}`} className="report-chart__stage" x={s.x} y={g.plot.bottom + 18} textAnchor="middle">
            {wrapLabel(curves.stageTitles[s.index] ?? '', g.stageWidth / CHART_LABEL_CHAR_WIDTH).map((line, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one wrapped label, in order.
              <tspan key={n} x={s.x} dy={n === 0 ? 0 : 13}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
      </svg>
      <ul className="report-legend">
        {curves.series.map((series) => (
          <li key={series.id}>
            <span className="report-legend__swatch" style={{ background: series.colour }} aria-hidden="true" />
            {series.label}
          </li>
        ))}
      </ul>
    </>
  );
}

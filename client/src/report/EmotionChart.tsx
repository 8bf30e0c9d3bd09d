import { CHART_LABEL_CHAR_WIDTH, emotionChartGeometry, wrapLabel, type ReportCurvePoint } from '@rejse/shared';
import { useBoard } from '../doc/BoardContext.tsx';
import { useT, formatSigned } from '../i18n/index.ts';
import { ChartGridlines } from '../ui/ChartGridlines.tsx';

/** The emotion curve as an SVG chart: geometry from numbers only, stage titles as text nodes. */
export function EmotionChart({ curve }: { curve: readonly ReportCurvePoint[] }) {
  const t = useT();
  // Numbers the board's way, as its money and scores.
  const locale = useBoard((b) => b.locale);
  if (curve.every((p) => p.mean === null)) return <p className="muted">{t('export.report.curveEmpty')}</p>;
  const g = emotionChartGeometry(curve);
  return (
    <svg
      className="report-chart"
      role="img"
      aria-label={t('export.report.curveLabel')}
      viewBox={`0 0 ${g.width} ${g.height}`}
      width={g.width}
      height={g.height}
    >
      <ChartGridlines
        geometry={g}
        label={(value) => formatSigned(value, locale, 0)}
        labelClassName="report-chart__axis"
        labelOffset={{ left: 8, down: 4 }}
      />
      {g.points.map((p) => (
        <line key={`spread-${p.index}`} className="report-chart__spread" x1={p.x} x2={p.x} y1={p.yMin} y2={p.yMax} />
      ))}
      {g.paths.map((d) => (
        <path key={d} className="report-chart__curve" d={d} />
      ))}
      {g.points.map((p) => (
        <circle key={`dot-${p.index}`} className="report-chart__dot" cx={p.x} cy={p.y} r={4}>
          <title>
            {t('export.report.curvePoint', {
              stage: curve[p.index]?.stageTitle ?? '',
              mean: formatSigned(p.mean, locale),
              count: p.count,
            })}
          </title>
        </circle>
      ))}
      {g.stages.map((s) => (
        <text key={`stage-${s.index}`} className="report-chart__stage" x={s.x} y={g.plot.bottom + 18} textAnchor="middle">
          {wrapLabel(curve[s.index]?.stageTitle ?? '', g.stageWidth / CHART_LABEL_CHAR_WIDTH).map((line, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the wrapped lines of one label, in order; a line's position is its identity.
            <tspan key={n} x={s.x} dy={n === 0 ? 0 : 13}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
    </svg>
  );
}

import { emotionChartGeometry, emotionCurve, type Board } from '@rejse/shared';
import { formatSigned, useT } from '../i18n/index.ts';
import { ChartGridlines } from '../ui/ChartGridlines.tsx';

const SIZE = { width: 320, height: 150 };
const PADDING = { left: 30, right: 8, top: 10, bottom: 26 };

/**
 * The emotion curve of two versions in one small chart: before dashed, after solid, over the
 * stages of both (the newer version's order, then stages only the older one had). Geometry
 * from numbers only (`emotionChartGeometry`, as the report's chart); stage names as text.
 */
export function CompareChart({ before, after, locale }: { before: Board; after: Board; locale: string }) {
  const t = useT();
  const afterIds = new Set<string>(after.stages.map((s) => s.id));
  const stages = [...after.stages, ...before.stages.filter((s) => !afterIds.has(s.id))];
  const curveBefore = emotionCurve({ stages, cards: before.cards });
  const curveAfter = emotionCurve({ stages, cards: after.cards });
  if ([...curveBefore, ...curveAfter].every((p) => p.mean === null)) return <p className="muted">{t('export.report.curveEmpty')}</p>;
  const was = emotionChartGeometry(curveBefore, SIZE, PADDING);
  const now = emotionChartGeometry(curveAfter, SIZE, PADDING);
  return (
    <figure className="compare-chart">
      <svg role="img" aria-label={t('series2.compare.chartLabel')} viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} width="100%">
        <ChartGridlines
          geometry={now}
          label={(value) => formatSigned(value, locale, 0)}
          labelClassName="compare-chart__axis"
          labelOffset={{ left: 5, down: 3 }}
        />
        {was.paths.map((d) => (
          <path key={`b-${d}`} className="compare-chart__before" d={d} />
        ))}
        {was.points.map((p) => (
          <circle key={`bp-${p.index}`} className="compare-chart__before-dot" cx={p.x} cy={p.y} r={2.5}>
            <title>{`${stages[p.index]?.title ?? ''}: ${formatSigned(p.mean, locale)}`}</title>
          </circle>
        ))}
        {now.paths.map((d) => (
          <path key={`a-${d}`} className="compare-chart__after" d={d} />
        ))}
        {now.points.map((p) => (
          <circle key={`ap-${p.index}`} className="compare-chart__after-dot" cx={p.x} cy={p.y} r={3}>
            <title>{`${stages[p.index]?.title ?? ''}: ${formatSigned(p.mean, locale)}`}</title>
          </circle>
        ))}
        {now.stages.map((s) => (
          <text key={`s-${s.index}`} className="compare-chart__stage" x={s.x} y={now.plot.bottom + 14} textAnchor="middle">
            {truncate(stages[s.index]?.title ?? '', Math.max(3, Math.floor(now.stageWidth / 5.5)))}
          </text>
        ))}
      </svg>
      <figcaption className="compare-chart__legend">
        <span className="compare-chart__key compare-chart__key--before">{t('series2.compare.before')}</span>
        <span className="compare-chart__key compare-chart__key--after">{t('series2.compare.after')}</span>
      </figcaption>
    </figure>
  );
}

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

import type { EmotionPoint, StageId } from '@rejse/shared';
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useLocale, useT, formatSigned } from '../../i18n/index.ts';
import { emotionTone, Face } from '../../ui/icons.tsx';
import { bandPath, CURVE, emotionY, placeCurve, smoothPath } from '../curve.ts';
import type { EmotionNode } from '../types.ts';

const LEVELS = [2, 1, 0, -1, -2] as const;

/**
 * The emotion curve across stages: a smooth line through each stage's mean, the min–max
 * spread as a band and whiskers, a point per stage with a tooltip, gaps where a stage has
 * no rated touchpoint, and a −2…+2 axis with faces on the left.
 */
function EmotionNodeView({ data, width = 0, height = 0 }: NodeProps<EmotionNode>) {
  const t = useT();
  const locale = useLocale();
  const runs = useMemo(() => {
    const points: EmotionPoint[] = data.points.map((p) => ({ ...p, stageId: p.stageId as StageId }));
    return placeCurve(points, new Map(Object.entries(data.titles)), data.stageWidth, height);
  }, [data.points, data.titles, data.stageWidth, height]);
  const hasData = runs.length > 0;

  return (
    <div className={`emotion-curve${data.overlay ? ' emotion-curve--overlay' : ''}`}>
      <svg width={width} height={height} role="img" aria-label={t('emotionCurve.label')}>
        <title>{t('emotionCurve.label')}</title>
        <g className="emotion-curve__axis">
          {LEVELS.map((level) => {
            const y = emotionY(level, height);
            return (
              <g key={level}>
                <line x1={CURVE.axisWidth - 4} x2={width} y1={y} y2={y} className={level === 0 ? 'is-zero' : undefined} />
                <g transform={`translate(${CURVE.axisWidth / 2 - 8}, ${y - 8})`}>
                  <Face value={level} size={16} title={t(`emotion.${level}`)} />
                </g>
              </g>
            );
          })}
        </g>
        {runs.map((run) => (
          <g key={run[0]?.stageId} className="emotion-curve__run">
            <path d={bandPath(run)} className="emotion-curve__band" />
            {run.map((p) =>
              p.min !== p.max ? (
                <line key={`w${p.stageId}`} x1={p.x} x2={p.x} y1={p.yMax} y2={p.yMin} className="emotion-curve__whisker" />
              ) : null,
            )}
            <path d={smoothPath(run)} className="emotion-curve__line" />
            {run.map((p) => (
              <circle key={p.stageId} cx={p.x} cy={p.y} r={6} className={`emotion-curve__point tone-${emotionTone(p.mean)}`}>
                <title>
                  {t('emotionCurve.point', {
                    stage: p.title,
                    mean: formatSigned(locale, p.mean),
                    count: p.count,
                    min: formatSigned(locale, p.min, 0),
                    max: formatSigned(locale, p.max, 0),
                  })}
                </title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      {!hasData && !data.overlay ? <p className="emotion-curve__empty">{t('emotionCurve.noData')}</p> : null}
    </div>
  );
}

export const EmotionNodeComponent = memo(EmotionNodeView);

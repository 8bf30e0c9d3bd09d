import type { EmotionPoint, StageId } from '@rejse/shared';
import type { NodeProps } from '@xyflow/react';
import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { formatSigned } from '../../i18n/index.ts';
import { emotionTone, Face } from '../../ui/icons.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import { bandPath, CURVE, emotionY, placeCurve, smoothPath, type PlacedPoint } from '../curve.ts';
import type { EmotionNode } from '../types.ts';
import { CurveTouchpoints } from './CurveTouchpoints.tsx';
import { PersonaCurves, PersonaLegend } from './PersonaCurves.tsx';

const LEVELS = [2, 1, 0, -1, -2] as const;

/**
 * The emotion curve across stages: a smooth line through each stage's mean, the min–max
 * spread as a band and whiskers, a point per stage, a gap where a stage has no rated
 * touchpoint, and a −2…+2 axis with faces on the left. Hovering or focusing (Tab) a stage's
 * point shows its mean, spread and count in a tooltip; Esc hides it. Each rated touchpoint
 * has its own small point, a control that sets its emotion (CurveTouchpoints). A board with
 * personas shows one curve per persona instead (PersonaCurves), with a legend.
 */
function EmotionNodeView({ data, width = 0, height = 0 }: NodeProps<EmotionNode>) {
  const { t, locale } = useCanvasText();
  const tooltipId = useId();
  const [active, setActive] = useState<string | null>(null);
  const sd = useMemo(() => new Map(data.points.map((p) => [p.stageId, p.sd])), [data.points]);
  const runs = useMemo(() => {
    const points: EmotionPoint[] = data.points.map((p) => ({ ...p, stageId: p.stageId as StageId }));
    return placeCurve(points, new Map(Object.entries(data.titles)), data.stageWidth, height);
  }, [data.points, data.titles, data.stageWidth, height]);
  const activePoint = runs.flat().find((p) => p.stageId === active) ?? null;
  const perPersona = data.personas.length > 0;

  const describe = (p: PlacedPoint): string =>
    t('emotionCurve.point', {
      stage: p.title,
      mean: formatSigned(p.mean, locale),
      count: p.count,
      min: formatSigned(p.min, locale, 0),
      max: formatSigned(p.max, locale, 0),
    });

  const onKeyDown = (event: KeyboardEvent<SVGCircleElement>) => {
    if (event.key === 'Escape' && active) {
      event.stopPropagation();
      setActive(null);
    }
  };

  return (
    <div className={`emotion-curve${data.overlay ? ' emotion-curve--overlay' : ''}`}>
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names the curve's points for screen readers. */}
      <svg
        width={width}
        height={height}
        role="group"
        aria-label={t(data.personas.length > 0 ? 'map.curve.personas' : 'emotionCurve.label')}
      >
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable (Biome assumes they are); the axis faces are decoration. */}
        <g className="emotion-curve__axis" aria-hidden="true">
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
        {perPersona ? <PersonaCurves curves={data.personas} titles={data.titles} stageWidth={data.stageWidth} height={height} /> : null}
        {(perPersona ? [] : runs).map((run) => (
          <g key={run[0]?.stageId} className="emotion-curve__run">
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable (Biome assumes they are). */}
            <path d={bandPath(run)} className="emotion-curve__band" aria-hidden="true" />
            {run.map((p) =>
              p.min !== p.max ? (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable (Biome assumes they are).
                <line
                  key={`w${p.stageId}`}
                  x1={p.x}
                  x2={p.x}
                  y1={p.yMax}
                  y2={p.yMin}
                  className="emotion-curve__whisker"
                  aria-hidden="true"
                />
              ) : null,
            )}
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable (Biome assumes they are). */}
            <path d={smoothPath(run)} className="emotion-curve__line" aria-hidden="true" />
            {run.map((p) => (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: each point is focusable so keyboard users reach its tooltip; role img gives it its name.
              <circle
                key={p.stageId}
                cx={p.x}
                cy={p.y}
                r={active === p.stageId ? 8 : 6}
                tabIndex={0}
                role="img"
                aria-label={describe(p)}
                aria-describedby={active === p.stageId ? tooltipId : undefined}
                className={`emotion-curve__point tone-${emotionTone(p.mean)}${active === p.stageId ? ' is-active' : ''}`}
                data-stage-id={p.stageId}
                onPointerEnter={() => setActive(p.stageId)}
                onPointerLeave={() => setActive((current) => (current === p.stageId ? null : current))}
                onFocus={() => setActive(p.stageId)}
                onBlur={() => setActive((current) => (current === p.stageId ? null : current))}
                onKeyDown={onKeyDown}
              />
            ))}
          </g>
        ))}
        {perPersona ? null : <CurveTouchpoints points={data.touchpoints} stageWidth={data.stageWidth} height={height} />}
      </svg>
      {perPersona ? <PersonaLegend curves={data.personas} /> : null}
      {activePoint ? (
        <div
          id={tooltipId}
          role="tooltip"
          className={`emotion-tooltip${activePoint.y < height / 2 ? ' emotion-tooltip--below' : ''}`}
          style={{ left: activePoint.x, top: activePoint.y }}
        >
          <strong className="emotion-tooltip__stage">{activePoint.title}</strong>
          <span className="emotion-tooltip__mean">
            <Face value={activePoint.mean} size={16} />
            {t('emotionCurve.mean', { mean: formatSigned(activePoint.mean, locale) })}
          </span>
          <span>
            {activePoint.min === activePoint.max
              ? t('emotionCurve.noSpread')
              : t('emotionCurve.spread', {
                  min: formatSigned(activePoint.min, locale, 0),
                  max: formatSigned(activePoint.max, locale, 0),
                  sd: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(sd.get(activePoint.stageId) ?? 0),
                })}
          </span>
          <span>{t('emotionCurve.count', { count: activePoint.count })}</span>
        </div>
      ) : null}
    </div>
  );
}

export const EmotionNodeComponent = memo(EmotionNodeView);

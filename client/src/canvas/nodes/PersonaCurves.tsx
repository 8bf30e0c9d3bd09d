import type { EmotionPoint, StageId } from '@rejse/shared';
import { useCanvasText } from '../CanvasText.tsx';
import { placeCurve, smoothPath } from '../curve.ts';
import type { PersonaCurveData } from '../types.ts';
import { CurveTouchpoints, TOUCHPOINT_SPREAD } from './CurveTouchpoints.tsx';

/** Sideways distance between two personas' points of one touchpoint. */
const PERSONA_STEP = 9;

/**
 * One emotion curve per persona (up to five), overlaid in their colours: a line through each
 * stage's mean for that persona, a gap where a stage has no rated touchpoint, and every rated
 * touchpoint's point as a control that sets how it feels for that persona only (the points
 * of one touchpoint stand side by side, one per persona, in the legend's order).
 */
export function PersonaCurves({
  curves,
  titles,
  stageWidth,
  height,
}: {
  curves: readonly PersonaCurveData[];
  titles: Readonly<Record<string, string>>;
  stageWidth: number;
  height: number;
}) {
  const titleMap = new Map(Object.entries(titles));
  const spread = Math.max(TOUCHPOINT_SPREAD, curves.length * PERSONA_STEP + 8);
  return (
    // The points' own names say whose curve they are on (the <svg> around names the curves).
    <g className="emotion-curve__personas">
      {curves.map((curve) => {
        const points: EmotionPoint[] = curve.points.map((p) => ({ ...p, stageId: p.stageId as StageId }));
        return (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable (Biome assumes they are); the lines are drawn, the points below are the controls.
          <g key={curve.personaId} className="emotion-curve__persona" aria-hidden="true" style={{ color: curve.colour }}>
            {placeCurve(points, titleMap, stageWidth, height).map((run) => (
              <g key={run[0]?.stageId}>
                <path d={smoothPath(run)} className="emotion-curve__persona-line" strokeDasharray={curve.dash || undefined} />
                {run.map((p) => (
                  <circle key={p.stageId} cx={p.x} cy={p.y} r={3.5} className="emotion-curve__persona-mean" />
                ))}
              </g>
            ))}
          </g>
        );
      })}
      {curves.map((curve, i) => (
        <g key={curve.personaId} data-persona-id={curve.personaId}>
          <CurveTouchpoints
            points={curve.touchpoints}
            stageWidth={stageWidth}
            height={height}
            spread={spread}
            persona={{ id: curve.personaId, name: curve.name, colour: curve.colour, offset: (i - (curves.length - 1) / 2) * PERSONA_STEP }}
          />
        </g>
      ))}
    </g>
  );
}

/** Which colour is which persona: drawn at the top left of the curve. */
export function PersonaLegend({ curves }: { curves: readonly PersonaCurveData[] }) {
  const { t } = useCanvasText();
  return (
    <ul className="emotion-curve__legend" aria-label={t('map.curve.legend')}>
      {curves.map((curve) => (
        <li key={curve.personaId}>
          <svg className="emotion-curve__swatch" viewBox="0 0 22 6" aria-hidden="true" focusable="false">
            <line x1="0" x2="22" y1="3" y2="3" stroke={curve.colour} strokeWidth="3" strokeDasharray={curve.dash || undefined} />
          </svg>
          {curve.name}
        </li>
      ))}
    </ul>
  );
}

import type { CardId, Emotion, PersonaId } from '@rejse/shared';
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useCommands } from '../../doc/BoardContext.tsx';
import { formatSigned } from '../../i18n/index.ts';
import { emotionTone } from '../../ui/icons.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import { CURVE, EMOTION_MAX, EMOTION_MIN, emotionY, stageX } from '../curve.ts';
import type { CurveTouchpointData } from '../types.ts';

/** Room between the points of one stage's touchpoints (per overlaid curve). */
export const TOUCHPOINT_SPREAD = 18;

const clampEmotion = (value: number): Emotion => Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(value))) as Emotion;

/** The emotion at a height inside the node (the inverse of `emotionY`, snapped to a face). */
function emotionAt(y: number, height: number): Emotion {
  const top = CURVE.padTop;
  const bottom = height - CURVE.padBottom;
  return clampEmotion(EMOTION_MAX - ((y - top) / (bottom - top)) * (EMOTION_MAX - EMOTION_MIN));
}

/** Whose curve the points belong to (absent: the one shared curve). */
export interface CurvePersona {
  id: string;
  name: string;
  colour: string;
  /** Sideways shift of this persona's points, so equal values of two personas stay apart. */
  offset: number;
}

/**
 * Each rated touchpoint's own point on the curve, a control: drag it up or down (or focus it
 * and press the arrow keys) to set that touchpoint's emotion — on a persona's curve, how it
 * feels for that persona only. The change is one shared edit through the commands (undoable,
 * refused by the guard and the server to a role that may not edit), and the curve follows.
 */
export function CurveTouchpoints({
  points,
  stageWidth,
  height,
  persona,
  spread = TOUCHPOINT_SPREAD,
}: {
  points: readonly CurveTouchpointData[];
  stageWidth: number;
  height: number;
  persona?: CurvePersona;
  /** Room between one stage's touchpoints: wider when several personas' points stand side by side. */
  spread?: number;
}) {
  const { t, locale, far, readOnly } = useCanvasText();
  const commands = useCommands();
  const [dragging, setDragging] = useState<{ id: string; value: Emotion } | null>(null);

  const commit = (point: CurveTouchpointData, value: Emotion) => {
    if (value === point.emotion) return;
    if (persona) commands.setPersonaEmotion(point.id as CardId, persona.id as PersonaId, value);
    else commands.updateCard(point.id as CardId, { emotion: value });
  };
  const localY = (event: PointerEvent<SVGCircleElement>): number => {
    const svg = event.currentTarget.ownerSVGElement;
    const rect = svg?.getBoundingClientRect();
    if (!rect || rect.height === 0) return 0;
    return ((event.clientY - rect.top) / rect.height) * height;
  };

  // Seen from far the points are a few pixels apart: the curve is drawn without them.
  if (far) return null;
  return (
    <g className="emotion-curve__touchpoints">
      {points.map((point) => {
        const value = dragging?.id === point.id ? dragging.value : point.emotion;
        const x = stageX(point.index, stageWidth) + (point.slot - (point.slots - 1) / 2) * spread + (persona?.offset ?? 0);
        const label = { text: point.text || t('card.empty'), value: formatSigned(value, locale, 0) };
        const onKeyDown = (event: KeyboardEvent<SVGCircleElement>) => {
          const step =
            event.key === 'ArrowUp' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowDown' || event.key === 'ArrowLeft' ? -1 : 0;
          if (!step || readOnly) return;
          event.preventDefault();
          event.stopPropagation();
          commit(point, clampEmotion(point.emotion + step));
        };
        return (
          <circle
            key={point.id}
            cx={x}
            cy={emotionY(value, height)}
            r={dragging?.id === point.id ? 7 : 5}
            tabIndex={0}
            role="slider"
            aria-orientation="vertical"
            aria-valuemin={EMOTION_MIN}
            aria-valuemax={EMOTION_MAX}
            aria-valuenow={value}
            aria-valuetext={t(`emotion.${value}`)}
            aria-readonly={readOnly || undefined}
            aria-label={persona ? t('map.curve.personaPoint', { ...label, persona: persona.name }) : t('map.curve.point', label)}
            className={`emotion-curve__handle nodrag nopan tone-${emotionTone(value)}${persona ? ' emotion-curve__handle--persona' : ''}`}
            style={persona ? { stroke: persona.colour } : undefined}
            data-card-id={point.id}
            data-persona-id={persona?.id}
            onPointerDown={(event) => {
              if (readOnly) return;
              event.stopPropagation();
              event.currentTarget.setPointerCapture(event.pointerId);
              setDragging({ id: point.id, value: point.emotion });
            }}
            onPointerMove={(event) => {
              if (dragging?.id !== point.id) return;
              const next = emotionAt(localY(event), height);
              if (next !== dragging.value) setDragging({ id: point.id, value: next });
            }}
            onPointerUp={(event) => {
              if (dragging?.id !== point.id) return;
              setDragging(null);
              commit(point, emotionAt(localY(event), height));
            }}
            onPointerCancel={() => setDragging(null)}
            onKeyDown={onKeyDown}
          />
        );
      })}
    </g>
  );
}

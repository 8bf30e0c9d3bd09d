import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { shallow } from 'zustand/shallow';
import { FAR_ZOOM, type GridLayout } from './layout.ts';

const viewSelector = (s: ReactFlowState) => ({
  tx: s.transform[0],
  ty: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
});

/** Height of the pinned stage bar and width of the pinned lane bar, in screen pixels (at least). */
const BAR = 28;
/** Narrower stage columns (on screen) show their names upright, in a bar this tall. */
const MIN_STAGE_WIDTH_FOR_NAME = 90;
export const UPRIGHT_BAR = 108;
/** Less of the real lane column than this on screen, and the pinned copy is shown. */
const MIN_LANE_HEADER_VISIBLE = 72;

/**
 * Frozen panes: once the real stage row (or lane column) is scrolled out of view, a slim
 * copy pinned to the canvas edge keeps saying which stage and lane you are looking at.
 * Decorative (the real headers stay in the flow for editing and assistive tech), so hidden
 * from the accessibility tree and transparent to the pointer.
 */
function StickyHeadersView({ layout, titles }: { layout: GridLayout; titles: ReadonlyMap<string, string> }) {
  const { tx, ty, zoom, width, height } = useStore(viewSelector, shallow);
  // Shown once too little of the real header is left on screen to read it, or when the
  // view is zoomed out so far that the real headers' names are too small to read.
  const far = zoom < FAR_ZOOM;
  const showStages = layout.stages.length > 0 && (far || layout.grid.y * zoom + ty < BAR);
  const showLanes = layout.lanes.length > 0 && (far || layout.grid.x * zoom + tx < MIN_LANE_HEADER_VISIBLE);
  // Columns too narrow for a name across get it written upwards in a taller bar.
  const upright = (layout.stages[0]?.width ?? 0) * zoom < MIN_STAGE_WIDTH_FOR_NAME;

  if (!showStages && !showLanes) return null;
  return (
    <div className="sticky-headers" aria-hidden="true">
      {showLanes ? (
        <div className="sticky-headers__lanes" style={{ width: BAR }}>
          {layout.lanes.map((lane) => {
            const top = lane.y * zoom + ty;
            const size = lane.height * zoom;
            if (top + size < 0 || top > height) return null;
            return (
              <div key={lane.id} className="sticky-headers__lane" style={{ top, height: size }}>
                <span>{titles.get(lane.id)}</span>
              </div>
            );
          })}
        </div>
      ) : null}
      {showStages ? (
        <div
          className={`sticky-headers__stages${upright ? ' sticky-headers__stages--upright' : ''}`}
          style={{ height: upright ? UPRIGHT_BAR : BAR }}
        >
          {layout.stages.map((stage) => {
            const left = stage.x * zoom + tx;
            const size = stage.width * zoom;
            if (left + size < 0 || left > width) return null;
            return (
              <div key={stage.id} className="sticky-headers__stage" style={{ left, width: size }}>
                <span className="sticky-headers__number">{stage.index + 1}</span>
                <span>{titles.get(stage.id)}</span>
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

export const StickyHeaders = memo(StickyHeadersView);

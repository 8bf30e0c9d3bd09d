import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { shallow } from 'zustand/shallow';
import type { GridLayout } from './layout.ts';

interface Band {
  id: string;
  title: string;
  start: number;
  size: number;
}

const viewSelector = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });

const STAGE_BAR = 30;
const LANE_BAR = 30;
const MIN_LANE_HEADER_VISIBLE = 72;

/**
 * Frozen panes: when the stage header row (or the lane header column) is scrolled out of
 * view, a slim copy pinned to the canvas edge keeps saying which stage and lane you are
 * looking at. Decorative (the real headers stay in the flow), so hidden from assistive tech
 * and transparent to the pointer.
 */
function StickyHeadersView({ layout, titles }: { layout: GridLayout; titles: ReadonlyMap<string, string> }) {
  const { tx, ty, zoom, width, height } = useStore(viewSelector, shallow);
  // Shown once too little of the real header is left on screen to read it.
  const showStages = layout.stages.length > 0 && layout.grid.y * zoom + ty < STAGE_BAR;
  const showLanes = layout.lanes.length > 0 && layout.grid.x * zoom + tx < MIN_LANE_HEADER_VISIBLE;
  if (!showStages && !showLanes) return null;

  const stages: Band[] = layout.stages
    .map((s) => ({ id: s.id, title: titles.get(s.id) ?? '', start: s.x * zoom + tx, size: s.width * zoom }))
    .filter((b) => b.start + b.size > 0 && b.start < width);
  const lanes: Band[] = layout.lanes
    .map((l) => ({ id: l.id, title: titles.get(l.id) ?? '', start: l.y * zoom + ty, size: l.height * zoom }))
    .filter((b) => b.start + b.size > 0 && b.start < height);

  return (
    <div className="sticky-headers" aria-hidden="true">
      {showStages ? (
        <div className="sticky-headers__stages" style={{ height: STAGE_BAR }}>
          {stages.map((band) => (
            <div key={band.id} className="sticky-headers__stage" style={{ left: band.start, width: band.size }}>
              <span>{band.title}</span>
            </div>
          ))}
        </div>
      ) : null}
      {showLanes ? (
        <div className="sticky-headers__lanes" style={{ width: LANE_BAR, top: showStages ? STAGE_BAR : 0 }}>
          {lanes.map((band) => (
            <div
              key={band.id}
              className="sticky-headers__lane"
              style={{ top: band.start - (showStages ? STAGE_BAR : 0), height: band.size }}
            >
              <span>{band.title}</span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export const StickyHeaders = memo(StickyHeadersView);

import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import type { GridLayout } from './layout.ts';

/**
 * The cell a dragged card will land in — the one under the pointer — outlined while the drag
 * lasts, so the drop holds no surprise. Drawn in flow coordinates above the cells, below the cards.
 */
export const DropTarget = memo(function DropTarget({
  layout,
  cell,
}: {
  layout: GridLayout;
  cell: { stageId: string; laneId: string } | null;
}) {
  if (!cell) return null;
  const stage = layout.stages.find((s) => s.id === cell.stageId);
  const lane = layout.lanes.find((l) => l.id === cell.laneId);
  if (!stage || !lane) return null;
  return (
    <ViewportPortal>
      <div
        className="drop-target"
        data-drop-stage={stage.id}
        data-drop-lane={lane.id}
        aria-hidden="true"
        style={{ transform: `translate(${stage.x}px, ${lane.y}px)`, width: stage.width, height: lane.height }}
      />
    </ViewportPortal>
  );
});

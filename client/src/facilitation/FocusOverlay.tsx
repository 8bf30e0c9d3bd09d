import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { useBoardSnapshot } from '../board/BoardContext.tsx';
import { computeLayout } from '../canvas/layout.ts';

/** While the facilitator focuses one stage, every other stage column is dimmed for everyone. */
export function FocusOverlay({ stageId }: { stageId: string | null }) {
  const board = useBoardSnapshot();
  const layout = useMemo(() => computeLayout(board), [board]);
  if (!stageId || !layout.stages.some((s) => s.id === stageId)) return null;
  const { bounds } = layout;
  return (
    <ViewportPortal>
      <div className="focus-layer" aria-hidden="true">
        {layout.stages
          .filter((stage) => stage.id !== stageId)
          .map((stage) => (
            <div key={stage.id} className="focus-dim" style={{ left: stage.x, top: bounds.y, width: stage.width, height: bounds.height }} />
          ))}
      </div>
    </ViewportPortal>
  );
}

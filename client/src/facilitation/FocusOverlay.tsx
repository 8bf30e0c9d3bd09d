import { ViewportPortal, useStore } from '@xyflow/react';
import { useMemo } from 'react';
import { useBoardSnapshot } from '../doc/BoardContext.tsx';
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

const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

/** A small lock on each card the facilitator locked in place, for everyone. */
export function LockedCardsOverlay({ cards }: { cards: ReadonlySet<string> }) {
  const board = useBoardSnapshot();
  const layout = useMemo(() => computeLayout(board), [board]);
  const zoom = useStore(zoomOf);
  if (cards.size === 0) return null;
  const scale = 1 / zoom;
  return (
    <ViewportPortal>
      <div className="lock-layer" aria-hidden="true">
        {[...cards].map((id) => {
          const box = layout.cards.get(id);
          if (!box) return null;
          return (
            <svg
              key={id}
              className="lock-badge"
              aria-hidden="true"
              width="16"
              height="16"
              viewBox="0 0 16 16"
              style={{
                transform: `translate(${box.x + box.width - 10}px, ${box.y - 6}px) scale(${Math.max(1, scale)})`,
              }}
            >
              <rect x="3" y="7" width="10" height="7" rx="1.5" />
              <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" />
            </svg>
          );
        })}
      </div>
    </ViewportPortal>
  );
}

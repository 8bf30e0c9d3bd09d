import { ControlButton, MiniMap } from '@xyflow/react';
import type { Board } from '@rejse/shared';
import { useRef, useSyncExternalStore } from 'react';
import { createExternalStore } from '../doc/externalStore.ts';
import { useCanvasText } from './CanvasText.tsx';
import type { GridLayout } from './layout.ts';
import { MinimapBlocks } from './MinimapBlocks.tsx';
import { minimapColor } from './minimap.ts';

const MINIMAP_SIZE = { width: 180, height: 120 } as const;
const KEY = 'rejse.minimap';

/**
 * Whether this browser shows the overview map. Off until someone asks for it: on a 1440 px
 * screen the fit view of a template board shows the whole map anyway, and the dock's column
 * is room the cards would otherwise get.
 */
const shown = createExternalStore<boolean>(globalThis.localStorage?.getItem(KEY) === 'on');

function setShown(next: boolean): void {
  shown.set(next);
  try {
    globalThis.localStorage?.setItem(KEY, next ? 'on' : 'off');
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
}

/**
 * The overview map in a dock of its own beside the canvas — outside the area where cards are
 * drawn, so it never covers one, whatever the zoom or pan. The canvas is that much narrower
 * while it is shown, and "zoom to fit" fits the narrower canvas.
 */
export function MinimapDock({
  board,
  layout,
  selectedCards,
}: {
  board: Pick<Board, 'cards' | 'links'>;
  layout: GridLayout;
  selectedCards: ReadonlySet<string>;
}) {
  const { t, far } = useCanvasText();
  const open = useSyncExternalStore(shown.subscribe, shown.get);
  const dock = useRef<HTMLElement>(null);
  if (!open) return null;
  return (
    <aside className={`canvas__minimap-dock${far ? ' is-far' : ''}`} aria-label={t('map.minimap.label')} ref={dock}>
      <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} style={MINIMAP_SIZE} />
      {far ? <MinimapBlocks dock={dock} board={board} layout={layout} selectedCards={selectedCards} /> : null}
    </aside>
  );
}

/** The button among the zoom controls that shows or hides the overview map. */
export function MinimapToggle() {
  const { t } = useCanvasText();
  const open = useSyncExternalStore(shown.subscribe, shown.get);
  const label = t(open ? 'map.minimap.hide' : 'map.minimap.show');
  return (
    <ControlButton onClick={() => setShown(!open)} aria-label={label} title={label} aria-pressed={open} className="minimap-toggle">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <rect x="7.5" y="7" width="5" height="4.5" rx="0.8" fill="currentColor" />
      </svg>
    </ControlButton>
  );
}

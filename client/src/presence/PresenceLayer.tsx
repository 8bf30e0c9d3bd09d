import { ViewportPortal, useStore } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useBoardSnapshot } from '../doc/BoardContext.tsx';
import { computeLayout } from '../canvas/layout.ts';
import { useT } from '../i18n/index.ts';
import { EditingChips } from './EditingChips.tsx';
import type { Peer } from './state.ts';

const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

/**
 * Other people on the canvas: their cursors with name labels and the cards they have
 * selected, outlined in their colour, and who is typing into which card or header. Drawn in flow coordinates above the nodes; labels
 * are scaled back so they keep their size at any zoom. Idle people show no cursor.
 */
export function PresenceLayer({ peers }: { peers: readonly Peer[] }) {
  const zoom = useStore(zoomOf);
  const board = useBoardSnapshot();
  const layout = useMemo(() => computeLayout(board), [board]);
  const scale = 1 / zoom;
  return (
    <ViewportPortal>
      <div className="presence-layer" aria-hidden="true">
        {peers.map((peer) =>
          peer.selection.map((id) => {
            const box = layout.cards.get(id);
            if (!box) return null;
            return (
              <div
                key={`${peer.clientId}:${id}`}
                className="presence-selection"
                style={{
                  left: box.x,
                  top: box.y,
                  width: box.width,
                  height: box.height,
                  borderColor: peer.user.color,
                  borderWidth: Math.max(2, 2 * scale),
                }}
              />
            );
          }),
        )}
        <EditingChips peers={peers} layout={layout} scale={scale} />
        {peers.map((peer) => (peer.cursor && peer.active ? <Cursor key={peer.clientId} peer={peer} scale={scale} /> : null))}
      </div>
    </ViewportPortal>
  );
}

const Cursor = memo(function Cursor({ peer, scale }: { peer: Peer; scale: number }) {
  const t = useT();
  const cursor = peer.cursor!;
  return (
    <div
      className="presence-cursor"
      data-presence-name={peer.user.name}
      style={{ transform: `translate(${cursor.x}px, ${cursor.y}px) scale(${scale})` }}
    >
      <svg className="presence-cursor__arrow" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
        <path d="M2 2 L2 15 L6 11 L9 17 L11 16 L8 10 L14 10 Z" fill={peer.user.color} stroke="#fff" strokeWidth="1.2" />
      </svg>
      <span className="presence-cursor__label" style={{ background: peer.user.color }}>
        {peer.user.name || t('presence.anonymous')}
      </span>
    </div>
  );
});

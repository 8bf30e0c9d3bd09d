import type { Board } from '@rejse/shared';
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useBoardUiStore } from '../doc/BoardContext.tsx';
import { captureMapPicture } from '../export/picture.ts';

/** Wait this long after the last change before drawing the picture again. */
const REFRESH_AFTER_MS = 1500;
const READY_TIMEOUT_MS = 10_000;

export type MapPictureState =
  | { state: 'drawing' }
  | { state: 'ready'; url: string; width: number; height: number }
  | { state: 'failed' };

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * A live picture of the whole map for the report page, drawn from a canvas mounted off
 * screen next to it (see ReportView) and redrawn a moment after the board changes.
 */
export function useMapPicture(board: Board): MapPictureState {
  const store = useStoreApi();
  const ui = useBoardUiStore();
  const [picture, setPicture] = useState<MapPictureState>({ state: 'drawing' });
  const first = useRef(true);
  const url = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const draw = async () => {
      const started = performance.now();
      // The off-screen canvas needs a frame or two to mount and lay out its nodes.
      while (!store.getState().domNode?.isConnected || store.getState().nodeLookup.size === 0) {
        if (cancelled) return;
        if (performance.now() - started > READY_TIMEOUT_MS) throw new Error('the map did not appear');
        await nextFrame();
      }
      const result = await captureMapPicture(store, board, { area: 'board', scale: 1, ui });
      if (cancelled) return;
      const next = URL.createObjectURL(result.blob);
      if (url.current) URL.revokeObjectURL(url.current);
      url.current = next;
      setPicture({ state: 'ready', url: next, width: result.width, height: result.height });
    };
    const timer = setTimeout(
      () => {
        draw().catch(() => {
          if (!cancelled) setPicture((current) => (current.state === 'ready' ? current : { state: 'failed' }));
        });
      },
      first.current ? 0 : REFRESH_AFTER_MS,
    );
    first.current = false;
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [board, store]);

  useEffect(
    () => () => {
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );
  return picture;
}

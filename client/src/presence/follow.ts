import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useSyncExternalStore } from 'react';
import { createExternalStore } from '../doc/externalStore.ts';
import { viewportFor, type Peer, type ViewCentre } from './state.ts';

/** The presence client id this tab follows, or null. Local UI state: never shared. */
export const following = createExternalStore<number | null>(null);

/** Moves this view to `centre` (same centre and zoom as the other person's). */
export function useMoveView(): (centre: ViewCentre) => void {
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  return (centre) => {
    const { width, height } = store.getState();
    if (!width || !height) return;
    void setViewport(viewportFor(centre, width, height), { duration: 0 });
  };
}

/**
 * While following someone, keeps this view on theirs. Any pan or zoom of one's own (wheel,
 * dragging the pane, the zoom buttons, the minimap) stops following; so does their leaving.
 */
export function useFollow(peers: readonly Peer[]): void {
  const move = useMoveView();
  const target = useSyncExternalStore(following.subscribe, following.get);
  const peer = target === null ? undefined : peers.find((p) => p.clientId === target);
  const view = peer?.view;

  useEffect(() => {
    if (target !== null && !peer) following.set(null);
  }, [target, peer]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `move` is rebuilt each render; the view's centre and zoom are what matter, not its object identity.
  useEffect(() => {
    if (view) move(view);
  }, [view?.x, view?.y, view?.zoom]);

  useEffect(() => {
    const stop = (event: Event) => {
      if (following.get() === null || !event.isTrusted) return;
      const element = event.target instanceof Element ? event.target : null;
      if (!element?.closest('.react-flow')) return;
      if (event.type === 'wheel' || element.closest('.react-flow__pane, .react-flow__controls, .react-flow__minimap')) {
        following.set(null);
      }
    };
    document.addEventListener('wheel', stop, { capture: true, passive: true });
    document.addEventListener('pointerdown', stop, { capture: true });
    return () => {
      document.removeEventListener('wheel', stop, { capture: true });
      document.removeEventListener('pointerdown', stop, { capture: true });
    };
  }, []);
}

import type { Role } from '@rejse/shared';
import { useStoreApi, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { BoardUiStore } from '../doc/boardUi.ts';
import type { BoardSession } from '../doc/session.ts';
import { presentation } from './presentation.ts';
import { IDLE_AFTER_MS, PRESENCE_THROTTLE_MS, centreOf, type PresenceState } from './state.ts';

const IDLE_CHECK_MS = 5_000;

/**
 * Shares this person's presence: name, colour (stable per participant) and role at once; cursor (flow coordinates)
 * and view centre at most ~15 times a second, in one awareness update; selection as it
 * changes; the text being typed into as it opens and closes; idle after a minute without
 * input (the cursor is then withdrawn).
 */
export function usePublishPresence(session: BoardSession, uiStore: BoardUiStore, role: Role, name: string, color: string): void {
  const store = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  useEffect(() => {
    const awareness = session.provider.awareness;
    let state: PresenceState = {
      user: { name, color, role },
      cursor: null,
      selection: [...uiStore.getState().selectedCards],
      view: null,
      active: true,
      // Only a facilitator presents (the others' bars have no button); a stale value is dropped.
      presenting: role === 'facilitator' ? presentation.get() : null,
      editing: uiStore.getState().typing,
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastSent = 0;
    let lastInput = Date.now();

    const send = () => {
      timer = null;
      lastSent = Date.now();
      awareness.setLocalState(state);
    };
    const update = (patch: Partial<PresenceState>, immediate = false) => {
      state = { ...state, ...patch };
      if (immediate) {
        if (timer) clearTimeout(timer);
        send();
        return;
      }
      if (timer) return;
      timer = setTimeout(send, Math.max(0, PRESENCE_THROTTLE_MS - (Date.now() - lastSent)));
    };
    const touch = () => {
      lastInput = Date.now();
      if (!state.active) update({ active: true }, true);
    };

    // In the next task, not in this effect: on a board's first render this effect runs before
    // the page paints, and encoding and sending presence the first time costs ~15 ms there.
    timer = setTimeout(send, 0);

    const inCanvas = (target: EventTarget | null): boolean =>
      target instanceof Element &&
      target.closest('.react-flow') !== null &&
      target.closest('.react-flow__controls, .react-flow__minimap') === null;
    const onPointerMove = (event: PointerEvent) => {
      touch();
      if (!inCanvas(event.target)) {
        if (state.cursor) update({ cursor: null });
        return;
      }
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY }, { snapToGrid: false });
      update({ cursor: { x: Math.round(point.x), y: Math.round(point.y) } });
    };
    const onLeave = () => update({ cursor: null });
    document.addEventListener('pointermove', onPointerMove, { passive: true });
    document.documentElement.addEventListener('pointerleave', onLeave);
    window.addEventListener('keydown', touch);
    window.addEventListener('wheel', touch, { passive: true });

    const unsubscribeSelection = uiStore.subscribe((ui, previous) => {
      if (ui.selectedCards !== previous.selectedCards) update({ selection: [...ui.selectedCards] }, true);
      if (ui.typing !== previous.typing) update({ editing: ui.typing }, true);
    });

    let lastTransform = '';
    const unsubscribeView = store.subscribe((flow) => {
      const { transform, width, height } = flow;
      if (!width || !height) return;
      const key = `${transform[0]}|${transform[1]}|${transform[2]}|${width}|${height}`;
      if (key === lastTransform) return;
      lastTransform = key;
      const centre = centreOf(transform, width, height);
      update({
        view: {
          x: Math.round(centre.x * 10) / 10,
          y: Math.round(centre.y * 10) / 10,
          zoom: Math.round(centre.zoom * 1000) / 1000,
        },
      });
    });
    {
      const { transform, width, height } = store.getState();
      if (width && height) update({ view: centreOf(transform, width, height) });
    }

    const unsubscribePresenting = presentation.subscribe(() => {
      update({ presenting: role === 'facilitator' ? presentation.get() : null }, true);
    });

    const idleTimer = setInterval(() => {
      if (state.active && Date.now() - lastInput > IDLE_AFTER_MS) update({ active: false, cursor: null }, true);
    }, IDLE_CHECK_MS);

    return () => {
      if (timer) clearTimeout(timer);
      clearInterval(idleTimer);
      document.removeEventListener('pointermove', onPointerMove);
      document.documentElement.removeEventListener('pointerleave', onLeave);
      window.removeEventListener('keydown', touch);
      window.removeEventListener('wheel', touch);
      unsubscribeSelection();
      unsubscribeView();
      unsubscribePresenting();
      awareness.setLocalState(null);
    };
  }, [session, uiStore, role, name, color, store, screenToFlowPosition]);
}

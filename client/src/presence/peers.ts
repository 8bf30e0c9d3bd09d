import { useEffect, useState } from 'react';
import type { BoardSession } from '../doc/session.ts';
import { readPresence, type Peer } from './state.ts';

/**
 * Everyone else on the board, from awareness. Changes are gathered into one render per
 * animation frame, so fifty moving cursors cost one render a frame at most.
 */
export function usePeers(session: BoardSession): readonly Peer[] {
  const [peers, setPeers] = useState<readonly Peer[]>([]);
  useEffect(() => {
    const awareness = session.provider.awareness;
    let frame = 0;
    const read = () => {
      frame = 0;
      const next: Peer[] = [];
      awareness.getStates().forEach((value, clientId) => {
        if (clientId === awareness.clientID) return;
        const state = readPresence(value);
        if (state) next.push({ ...state, clientId });
      });
      next.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
      setPeers(next);
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    awareness.on('change', onChange);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      awareness.off('change', onChange);
    };
  }, [session]);
  return peers;
}

import { EMPTY_TONE_STATE, readToneState, type ToneState } from '@rejse/shared';
import { useMemo, useRef, useSyncExternalStore } from 'react';
import { useSession } from '../doc/BoardContext.tsx';
import { createApiCall } from '../facilitation/api.ts';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { createToneApi, type ToneApi } from './toneApi.ts';

/** The board's tone rounds (the open one and the closed results), re-read when the document changes. */
export function useToneState(): ToneState {
  const session = useSession();
  const cache = useRef<{ revision: number; state: ToneState } | null>(null);
  const get = (): ToneState => {
    const revision = session.getRevision();
    if (cache.current?.revision === revision) return cache.current.state;
    const state = session.doc.isDestroyed ? EMPTY_TONE_STATE : readToneState(session.doc);
    cache.current = { revision, state };
    return state;
  };
  return useSyncExternalStore(session.subscribe, get);
}

/** The tone round endpoints with this browser's token and participant identity. */
export function useToneApi(): ToneApi {
  const { boardId, token, participant } = useFacilitationContext();
  return useMemo(() => createToneApi(boardId, createApiCall(token, participant)), [boardId, token, participant]);
}

import { EMPTY_FACILITATION, readFacilitation, type FacilitationState, type Role } from '@rejse/shared';
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { createExternalStore, type ExternalStore } from '../doc/externalStore.ts';
import type { BoardSession } from '../doc/session.ts';
import { createFacilitationApi, type FacilitationApi, type MyVotes } from './api.ts';
import { createServerClock, type ServerClock } from './clock.ts';
import type { DraftsSession } from './drafts.ts';
import { participantFor, type ParticipantIdentity } from './participant.ts';

/**
 * Who this browser is on the board (role, participant identity) and the tools the
 * facilitation features share: the API with this browser's token, the server clock, and
 * the private drafts session while private mode is on.
 */
export interface FacilitationContextValue {
  boardId: string;
  token: string | null;
  role: Role;
  participant: ParticipantIdentity;
  api: FacilitationApi;
  clock: ServerClock;
  /** The open drafts session (editors in private mode), else null. */
  drafts: ExternalStore<DraftsSession | null>;
  /** This person's own votes in the open round (from the server; nobody else's), null before they are known. */
  myVotes: ExternalStore<MyVotes | null>;
}

const FacilitationContext = createContext<FacilitationContextValue | null>(null);

export function FacilitationProvider({
  boardId,
  token,
  role,
  children,
}: {
  boardId: string;
  token: string | null;
  role: Role;
  children: ReactNode;
}) {
  const value = useMemo(() => {
    const participant = participantFor(boardId);
    const api = createFacilitationApi(boardId, token, participant);
    return {
      boardId,
      token,
      role,
      participant,
      api,
      clock: createServerClock(() => api.time()),
      drafts: createExternalStore<DraftsSession | null>(null),
      myVotes: createExternalStore<MyVotes | null>(null),
    };
  }, [boardId, token, role]);
  useEffect(() => () => value.clock.destroy(), [value]);
  return <FacilitationContext.Provider value={value}>{children}</FacilitationContext.Provider>;
}

export function useFacilitationContext(): FacilitationContextValue {
  const value = useContext(FacilitationContext);
  if (!value) throw new Error('facilitation hooks need a <FacilitationProvider>');
  return value;
}

/** The same, or null outside a board page (a card drawn for a picture, say). */
export const useOptionalFacilitationContext = (): FacilitationContextValue | null => useContext(FacilitationContext);

export const useRole = (): Role => useFacilitationContext().role;

/**
 * The facilitation state of the board (timer, locks, focus, rounds…), re-read when the
 * document changes (the session's revision grows with every update).
 */
export function useFacilitationState(session: BoardSession): FacilitationState {
  const cache = useRef<{ revision: number; state: FacilitationState } | null>(null);
  const get = (): FacilitationState => {
    const revision = session.getRevision();
    if (cache.current?.revision === revision) return cache.current.state;
    const state = session.doc.isDestroyed ? EMPTY_FACILITATION : readFacilitation(session.doc);
    cache.current = { revision, state };
    return state;
  };
  return useSyncExternalStore(session.subscribe, get);
}

export function useDrafts(): DraftsSession | null {
  const { drafts } = useFacilitationContext();
  return useSyncExternalStore(drafts.subscribe, drafts.get);
}

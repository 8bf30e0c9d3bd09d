import type { Card } from '@rejse/shared';
import { useMemo, type ReactNode } from 'react';
import { BoardProvider, useBoardContext } from '../doc/BoardContext.tsx';
import type { ExternalStore } from '../doc/externalStore.ts';
import type { MapLayers } from '../doc/mapLayers.ts';
import type { DraftsSession } from './drafts.ts';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { guardCommands } from './guard.ts';
import { VoteControl } from './VoteControl.tsx';
import { VoteViewProvider } from './voteView.tsx';

const NO_CARDS: readonly Card[] = [];

/** The private cards of whichever drafts session is open (none while private mode is off). */
function privateCardsOf(drafts: ExternalStore<DraftsSession | null>): MapLayers['privateCards'] {
  return {
    get: () => drafts.get()?.cards.get() ?? NO_CARDS,
    subscribe(listener) {
      let inner = drafts.get()?.cards.subscribe(listener);
      const outer = drafts.subscribe(() => {
        inner?.();
        inner = drafts.get()?.cards.subscribe(listener);
        listener();
      });
      return () => {
        outer();
        inner?.();
      };
    },
  };
}

/**
 * Gives everything below the board's commands as this role may use them (see guard.ts), and
 * the workshop's layers over the map: this person's private cards and the vote control on cards.
 */
export function GuardedCommands({ children }: { children: ReactNode }) {
  const board = useBoardContext();
  const { session, commands, ui } = board;
  const { role, drafts } = useFacilitationContext();
  const layers = useMemo(
    (): MapLayers => ({
      privateCards: privateCardsOf(drafts),
      CardAddon: VoteControl,
      privateDocOf: (cardId) => {
        const session = drafts.get();
        return session?.has(cardId) ? session.doc : undefined;
      },
    }),
    [drafts],
  );
  const value = useMemo(
    () => ({
      ...board,
      layers,
      commands: guardCommands(commands, {
        session,
        role,
        drafts: () => drafts.get(),
        notify: (message) => ui.getState().notify(message),
      }),
    }),
    [board, session, commands, ui, role, drafts, layers],
  );
  return (
    <BoardProvider value={value}>
      <VoteViewProvider>{children}</VoteViewProvider>
    </BoardProvider>
  );
}

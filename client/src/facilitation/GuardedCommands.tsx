import { useMemo, type ReactNode } from 'react';
import { BoardProvider, useBoardContext } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { guardCommands } from './guard.ts';

/** Gives everything below the board's commands as this role may use them (see guard.ts). */
export function GuardedCommands({ children }: { children: ReactNode }) {
  const board = useBoardContext();
  const { session, commands, ui } = board;
  const { role, drafts } = useFacilitationContext();
  const value = useMemo(
    () => ({
      ...board,
      commands: guardCommands(commands, {
        session,
        role,
        drafts: () => drafts.get(),
        notify: (message) => ui.getState().notify(message),
      }),
    }),
    [board, session, commands, ui, role, drafts],
  );
  return <BoardProvider value={value}>{children}</BoardProvider>;
}

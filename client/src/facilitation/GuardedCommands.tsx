import { useMemo, type ReactNode } from 'react';
import { useUiStore } from '../doc/boardUi.ts';
import { BoardProvider, useCommands, useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { guardCommands } from './guard.ts';

/** Gives everything below the board's commands as this role may use them (see guard.ts). */
export function GuardedCommands({ children }: { children: ReactNode }) {
  const session = useSession();
  const commands = useCommands();
  const { role, drafts } = useFacilitationContext();
  const value = useMemo(
    () => ({
      session,
      commands: guardCommands(commands, {
        session,
        role,
        drafts: () => drafts.get(),
        notify: (message) => useUiStore.getState().notify(message),
      }),
    }),
    [session, commands, role, drafts],
  );
  return <BoardProvider value={value}>{children}</BoardProvider>;
}

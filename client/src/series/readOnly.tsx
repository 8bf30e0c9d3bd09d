import { useMemo, type ReactNode } from 'react';
import { BoardProvider, useBoardContext } from '../doc/BoardContext.tsx';
import type { BoardCommands } from '../doc/commands.ts';
import { useT } from '../i18n/index.ts';
import { useViewedSnapshot } from './viewState.ts';

/** Every command explains instead of running (removeStage/removeLane report "not removed"). */
export function readOnlyCommands(commands: BoardCommands, explain: () => void): BoardCommands {
  const refused = { ...commands };
  for (const key of Object.keys(commands) as (keyof BoardCommands)[]) {
    (refused as unknown as Record<string, () => unknown>)[key] = () => {
      explain();
      return key === 'removeStage' || key === 'removeLane' ? false : undefined;
    };
  }
  return refused;
}

/**
 * While a saved version is shown, nothing on this page changes the live board: every live
 * command below (shortcuts, dialogs, panels) explains that the version is read-only instead.
 */
export function ReadOnlyWhileViewing({ children }: { children: ReactNode }) {
  const t = useT();
  const board = useBoardContext();
  const viewing = useViewedSnapshot(board.session.boardId) !== null;
  const value = useMemo(
    () =>
      viewing
        ? { ...board, commands: readOnlyCommands(board.commands, () => board.ui.getState().notify(t('series2.snapshot.readOnly'))) }
        : board,
    [viewing, board, t],
  );
  return <BoardProvider value={value}>{children}</BoardProvider>;
}

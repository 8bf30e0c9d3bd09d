import { readLocks, readPrivateMode, type Role } from '@rejse/shared';
import type { BoardCommands } from '../doc/commands.ts';
import type { BoardSession } from '../doc/session.ts';
import { t } from '../i18n/index.ts';
import type { DraftsSession } from './drafts.ts';

export interface GuardDeps {
  session: BoardSession;
  role: Role;
  /** The open drafts session (editors in private mode). */
  drafts: () => DraftsSession | null;
  notify: (message: string) => void;
}

const STRUCTURE_COMMANDS = [
  'addStage',
  'renameStage',
  'moveStage',
  'removeStage',
  'addLane',
  'renameLane',
  'moveLane',
  'removeLane',
] as const satisfies readonly (keyof BoardCommands)[];

/**
 * The board's commands as this role may use them. The server refuses a forbidden update by
 * closing the connection (the page must then reload), so the client checks the same rules
 * first and explains instead: viewers change nothing; editors cannot touch a locked board,
 * a locked structure or a locked card's place; in private mode an editor's new card goes
 * to their private drafts. Facilitators get the commands unchanged.
 */
export function guardCommands(commands: BoardCommands, deps: GuardDeps): BoardCommands {
  if (deps.role === 'facilitator') return commands;
  const refuse = (key: Parameters<typeof t>[0]) => {
    deps.notify(t(key));
    return undefined;
  };

  if (deps.role === 'viewer') {
    // Every command edits the board, so a viewer's are all refused — including any added
    // later, which then cannot slip through by being left off a list.
    const viewOnly: BoardCommands = { ...commands };
    for (const key of Object.keys(commands) as (keyof BoardCommands)[]) {
      (viewOnly as unknown as Record<string, unknown>)[key] = () => {
        refuse('facilitation.guard.viewOnly');
        // removeStage/removeLane report whether they removed anything.
        return key === 'removeStage' || key === 'removeLane' ? false : undefined;
      };
    }
    return viewOnly;
  }

  const locks = () => readLocks(deps.session.doc);
  const boardLocked = () => locks().board;
  const guarded: BoardCommands = { ...commands };
  // Everything is refused while the whole board is locked.
  for (const key of Object.keys(commands) as (keyof BoardCommands)[]) {
    const original = commands[key] as (...args: never[]) => unknown;
    (guarded as unknown as Record<string, unknown>)[key] = (...args: never[]) => {
      if (boardLocked()) {
        refuse('facilitation.guard.boardLocked');
        return key === 'removeStage' || key === 'removeLane' ? false : undefined;
      }
      return original(...args);
    };
  }
  const withBoardLock = { ...guarded };
  for (const key of STRUCTURE_COMMANDS) {
    const inner = withBoardLock[key] as (...args: never[]) => unknown;
    (guarded as unknown as Record<string, unknown>)[key] = (...args: never[]) => {
      if (locks().structure) {
        refuse('facilitation.guard.structureLocked');
        return key === 'removeStage' || key === 'removeLane' ? false : undefined;
      }
      return inner(...args);
    };
  }
  guarded.moveCards = (ids, to) => {
    if (ids.some((id) => locks().cards.has(id))) return refuse('facilitation.guard.cardLocked');
    return withBoardLock.moveCards(ids, to);
  };
  guarded.deleteElements = (cards, links) => {
    if (cards.some((id) => locks().cards.has(id))) return refuse('facilitation.guard.cardLocked');
    return withBoardLock.deleteElements(cards, links);
  };
  guarded.addCard = (input) => {
    if (boardLocked()) return refuse('facilitation.guard.boardLocked');
    if (readPrivateMode(deps.session.doc)) {
      const drafts = deps.drafts();
      if (!drafts) return refuse('facilitation.guard.privateNotReady');
      drafts.add(input);
      deps.notify(t('facilitation.private.added'));
      return undefined;
    }
    return commands.addCard(input);
  };
  return guarded;
}

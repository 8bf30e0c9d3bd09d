import { describe, expect, it } from 'vitest';
import type { BoardCommands } from '../doc/commands.ts';
import type { BoardSession } from '../doc/session.ts';
import { guardCommands } from './guard.ts';

/** Commands that record which ones actually ran. */
function recordingCommands(ran: string[]): BoardCommands {
  return new Proxy({} as BoardCommands, {
    get: (_target, key) => () => {
      ran.push(String(key));
      return undefined;
    },
    ownKeys: () => ['addCard', 'addPersona', 'updatePersona', 'removePersona', 'setActivePersona', 'removeStage', 'undo'],
    getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
  });
}

describe('what a view-only link may do', () => {
  it('refuses every command, persona edits included, with a message instead of running it', () => {
    const ran: string[] = [];
    const notices: string[] = [];
    const guarded = guardCommands(recordingCommands(ran), {
      session: {} as BoardSession,
      role: 'viewer',
      drafts: () => null,
      notify: (message) => notices.push(message),
    });
    guarded.addCard({} as never);
    guarded.addPersona({ name: 'Maria', description: '', segment: '' });
    guarded.setActivePersona(null);
    expect(guarded.removeStage('s' as never)).toBe(false);
    expect(ran).toEqual([]);
    expect(notices).toHaveLength(4);
  });
});

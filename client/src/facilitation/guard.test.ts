import {
  textValue,
  addCard,
  addLane,
  addStage,
  cardsMap,
  LOCAL_ORIGIN,
  readCellOf,
  readStages,
  setCardsLocked,
  setLocks,
  setPrivateMode,
  type AddCardInput,
  type CardId,
  type Role,
} from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCommands, type BoardCommands } from '../doc/commands.ts';
import type { BoardSession } from '../doc/session.ts';
import { t } from '../i18n/index.ts';
import type { DraftsSession } from './drafts.ts';
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

/** A board with two stages, one lane and one card, and an editor's guarded commands on it. */
function editorBoard(role: Role = 'editor', drafts: DraftsSession | null = null) {
  const doc = new Y.Doc();
  const first = addStage(doc, 'Invoice');
  const second = addStage(doc, 'Reminder');
  const lane = addLane(doc, 'Touchpoints');
  const card = addCard(doc, { stageId: first, laneId: lane, kind: 'touchpoint', text: 'Letter' });
  const session = { doc, endStep: () => {}, undoManager: new Y.UndoManager(doc.getMap('cards')) };
  const notices: string[] = [];
  const sent: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL_ORIGIN) sent.push(update);
  });
  const commands = guardCommands(
    createCommands(session as unknown as BoardSession, (message) => notices.push(message)),
    {
      session: session as unknown as BoardSession,
      role,
      drafts: () => drafts,
      notify: (message) => notices.push(message),
    },
  );
  return { doc, first, second, lane, card, commands, notices, sent };
}

describe('what an editor’s link may do under the facilitator’s locks', () => {
  it('removing a stage that holds a locked card is refused as a locked card, and nothing is sent', () => {
    const board = editorBoard();
    setCardsLocked(board.doc, [board.card], true, 'facilitator');
    expect(board.commands.removeStage(board.first, { cards: 'delete' })).toBe(false);
    expect(board.commands.removeStage(board.first, { cards: 'move', to: board.second })).toBe(false);
    expect(board.notices).toEqual([t('facilitation.guard.cardLocked'), t('facilitation.guard.cardLocked')]);
    expect(board.sent).toEqual([]);
    expect(readStages(board.doc)).toHaveLength(2);
    // The same removal goes through once the card is unlocked.
    setCardsLocked(board.doc, [board.card], false, 'facilitator');
    expect(board.commands.removeStage(board.first, { cards: 'move', to: board.second })).toBe(true);
    expect(readStages(board.doc)).toHaveLength(1);
  });

  it('a locked board explains itself before anything else, a locked structure still allows card edits', () => {
    const board = editorBoard();
    setLocks(board.doc, { board: true, structure: true }, 'facilitator');
    board.commands.renameStage(board.first, 'Paid');
    board.commands.updateCard(board.card, { text: 'Sharper' });
    expect(board.notices).toEqual([t('facilitation.guard.boardLocked'), t('facilitation.guard.boardLocked')]);
    setLocks(board.doc, { board: false }, 'facilitator');
    board.commands.renameStage(board.first, 'Paid');
    board.commands.updateCard(board.card, { text: 'Sharper' });
    expect(board.notices.slice(2)).toEqual([t('facilitation.guard.structureLocked')]);
    expect(textValue(cardsMap(board.doc).get(board.card)?.get('text'))).toBe('Sharper');
  });

  it('in private mode a new card goes to the editor’s drafts, or waits until they are connected', () => {
    const added: AddCardInput[] = [];
    const add = (input: AddCardInput) => {
      added.push(input);
      return 'private1';
    };
    const drafts = { add, has: () => false } as unknown as DraftsSession;
    const board = editorBoard('editor', drafts);
    setPrivateMode(board.doc, true, 'facilitator');
    const input = { stageId: board.first, laneId: board.lane, kind: 'idea', text: 'Secret' } as const;
    // Its id comes back, so the map can open the new card for typing.
    expect(board.commands.addCard(input)).toBe('private1');
    expect(added).toEqual([input]);
    expect(board.notices).toEqual([]);
    expect(cardsMap(board.doc).size).toBe(1);

    const offline = editorBoard('editor', null);
    setPrivateMode(offline.doc, true, 'facilitator');
    offline.commands.addCard(input);
    expect(offline.notices).toEqual([t('facilitation.guard.privateNotReady')]);
    expect(cardsMap(offline.doc).size).toBe(1);
  });

  it('edits, moves and deletes of a private card go to the drafts; the board’s cards in the same command to the board', () => {
    const calls: string[] = [];
    const drafts = {
      has: (id: string) => id === 'mine1',
      update: (id: string) => calls.push(`update ${id}`),
      editText: (id: string) => calls.push(`editText ${id}`),
      move: (ids: string[]) => calls.push(`move ${ids.join()}`),
      remove: (ids: string[]) => calls.push(`remove ${ids.join()}`),
    } as unknown as DraftsSession;
    const board = editorBoard('editor', drafts);
    const mine = 'mine1' as CardId;
    board.commands.updateCard(mine, { text: 'Only mine' });
    board.commands.editCardText(mine, 'text', { index: 0, remove: 0, insert: 'A' });
    board.commands.moveCards([mine, board.card], { stageId: board.second, laneId: board.lane });
    expect(readCellOf(cardsMap(board.doc).get(board.card)!)?.stageId).toBe(board.second);
    board.commands.link(mine, board.card);
    expect(board.notices).toEqual([t('mapvote.private.noLinks')]);
    board.commands.deleteElements([mine, board.card], []);
    expect(calls).toEqual(['update mine1', 'editText mine1', 'move mine1', 'remove mine1']);
    expect(cardsMap(board.doc).size).toBe(0);
  });

  it('a facilitator’s commands are not wrapped at all', () => {
    const doc = new Y.Doc();
    const commands = createCommands({ doc, endStep: () => {} } as unknown as BoardSession, () => {});
    expect(
      guardCommands(commands, {
        session: {} as BoardSession,
        role: 'facilitator',
        drafts: () => null,
        notify: () => {},
      }),
    ).toBe(commands);
  });
});

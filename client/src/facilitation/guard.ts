import {
  judgeCapability,
  judgeChanges,
  PLANNED_CHANGES,
  readPermissionState,
  roleMayChangeBoardFreely,
  roleMayChangeNothing,
  type Block,
  type Capability,
  type CardId,
  type PermissionVerdict,
  type Refusal,
  type Role,
  type UpdateChange,
} from '@rejse/shared';
import type * as Y from 'yjs';
import { describeError, type BoardCommands } from '../doc/commands.ts';
import type { BoardSession } from '../doc/session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { DraftsSession } from './drafts.ts';

export interface GuardDeps {
  session: BoardSession;
  role: Role;
  /** The open drafts session (editors in private mode). */
  drafts: () => DraftsSession | null;
  notify: (message: string) => void;
}

/**
 * What a command will change, asked before it runs: the same `UpdateChange`s the server will
 * find in its update (see PLANNED_CHANGES), or — for undo and redo, whose changes only the
 * undo manager knows — the capability they use. Every command must be listed (the type says
 * so); the property test in tests/roles/permissions.test.ts runs each one both ways.
 */
type Question = readonly UpdateChange[] | Capability;
type CommandQuestions = { [K in keyof BoardCommands]: (doc: Y.Doc, ...args: Parameters<BoardCommands[K]>) => Question };

const plan = PLANNED_CHANGES;

export const COMMAND_QUESTIONS: CommandQuestions = {
  setTitle: (doc, title) => plan.setBoardTitle(doc, title),
  addCustomChannel: (doc, name) => plan.addCustomChannel(doc, name),
  addCard: (doc, input) => plan.addCard(doc, input),
  updateCard: (doc, id, patch) => plan.updateCard(doc, id, patch),
  editCardText: (doc, id, field, edit) => plan.editCardText(doc, id, field, edit),
  setPersonaEmotion: (doc, id, personaId, emotion) => plan.setPersonaEmotion(doc, id, personaId, emotion),
  deleteElements: (doc, cards, links) => [...plan.deleteCards(doc, cards), ...links.flatMap((id) => plan.unlinkCards(doc, id))],
  moveCards: (doc, ids, to) => plan.moveCards(doc, ids, to),
  link: (doc, from, to) => plan.linkCards(doc, from, to),
  addStage: (doc, title, index) => plan.addStage(doc, title, index),
  renameStage: (doc, id, title) => plan.renameStage(doc, id, title),
  moveStage: (doc, id, toIndex) => plan.moveStage(doc, id, toIndex),
  removeStage: (doc, id, disposition) => plan.removeStage(doc, id, disposition),
  addLane: (doc, title) => plan.addLane(doc, title),
  renameLane: (doc, id, title) => plan.renameLane(doc, id, title),
  moveLane: (doc, id, toIndex) => plan.moveLane(doc, id, toIndex),
  removeLane: (doc, id, disposition) => plan.removeLane(doc, id, disposition),
  addPersona: (doc, fields) => plan.addPersona(doc, fields),
  updatePersona: (doc, id, patch) => plan.updatePersona(doc, id, patch),
  removePersona: (doc, id) => plan.removePersona(doc, id),
  setActivePersona: (doc, id) => plan.setActivePersona(doc, id),
  addScenario: (doc, fields) => plan.addScenario(doc, fields),
  addDefaultScenarios: (doc) => plan.addDefaultScenarios(doc),
  updateScenario: (doc, id, patch) => plan.updateScenario(doc, id, patch),
  removeScenario: (doc, id) => plan.removeScenario(doc, id),
  addCadenceRule: (doc, fields) => plan.addCadenceRule(doc, fields),
  addCadencePreset: (doc, preset) => plan.addCadencePreset(doc, preset),
  updateCadenceRule: (doc, id, fields) => plan.updateCadenceRule(doc, id, fields),
  removeCadenceRule: (doc, id) => plan.removeCadenceRule(doc, id),
  // The server still checks the real update; here undo counts as an ordinary content edit.
  undo: () => 'content',
  redo: () => 'content',
};

/** The notice for each reason the table gives (a new block needs a message here and in the catalogues). */
const BLOCK_NOTICES: Readonly<Record<Block, MessageKey>> = {
  boardLock: 'facilitation.guard.boardLocked',
  structureLock: 'facilitation.guard.structureLocked',
  cardLock: 'facilitation.guard.cardLocked',
  privateMode: 'facilitation.guard.privateMode',
  othersRecord: 'series.guard.othersRecord',
};

export function noticeFor(refusal: Refusal): MessageKey {
  if (refusal.cause !== 'role') return BLOCK_NOTICES[refusal.cause];
  return roleMayChangeNothing(refusal.role) ? 'facilitation.guard.viewOnly' : 'facilitation.guard.facilitatorOnly';
}

/** What a refused command returns: removeStage/removeLane report whether they removed anything. */
const REFUSED_RESULT: Partial<Record<keyof BoardCommands, unknown>> = { removeStage: false, removeLane: false };

/**
 * The board's commands as this role may use them. The server refuses a forbidden update by
 * closing the connection (the page must then reload), so each command first asks the shared
 * permission table (`judgeChanges`, the server's own check) about the changes it will make,
 * and explains instead of running when the answer is no. In private mode an editor's new
 * card goes to their private drafts (and is opened for typing on the map like any new card),
 * and their private cards are edited there. Facilitators get the commands unchanged.
 */
export function guardCommands(commands: BoardCommands, deps: GuardDeps): BoardCommands {
  // Board commands never write someone else's comments or name, the only thing left to refuse a facilitator.
  if (roleMayChangeBoardFreely(deps.role)) return commands;
  const viewOnly = roleMayChangeNothing(deps.role);

  const verdictOf = (key: keyof BoardCommands, args: unknown[]): PermissionVerdict => {
    const question = COMMAND_QUESTIONS[key] as ((doc: Y.Doc, ...args: unknown[]) => Question) | undefined;
    const doc = deps.session.doc;
    // A command nobody described is judged as an unknown change: only an unrestricted role may.
    const asked = question ? question(doc, ...args) : 'unknownRoot';
    return typeof asked === 'string'
      ? judgeCapability(deps.role, readPermissionState(doc), asked)
      : judgeChanges(deps.role, readPermissionState(doc), asked);
  };

  // In private mode an editor's new card is theirs alone until the facilitator reveals it.
  const addToDrafts = (input: Parameters<BoardCommands['addCard']>[0]) => {
    const drafts = deps.drafts();
    if (!drafts) {
      deps.notify(t('facilitation.guard.privateNotReady'));
      return undefined;
    }
    deps.session.endStep();
    const id = drafts.add(input);
    deps.session.endStep();
    return id;
  };

  const guarded: BoardCommands = { ...commands };
  // Every command of `commands`, so one added later and left off the list is refused, not let through.
  for (const key of Object.keys(commands) as (keyof BoardCommands)[]) {
    const original = commands[key] as (...args: unknown[]) => unknown;
    (guarded as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
      // A view-only link changes nothing; no need to work out what the command would change.
      const verdict: PermissionVerdict = viewOnly
        ? { ok: false, refusal: { role: deps.role, capability: 'content', cause: 'role' } }
        : verdictOf(key, args);
      if (verdict.ok) return original(...args);
      if (key === 'addCard' && verdict.refusal.cause === 'privateMode') {
        return addToDrafts(args[0] as Parameters<BoardCommands['addCard']>[0]);
      }
      deps.notify(t(noticeFor(verdict.refusal)));
      return REFUSED_RESULT[key];
    };
  }

  return routePrivateCards(guarded, deps);
}

/**
 * Edits, moves and deletes of this person's private cards go to their drafts document, never
 * to the board (which does not have them); the board's cards in the same command go on as
 * usual. A link needs both cards on the board, so a private card is linked once revealed.
 */
function routePrivateCards(commands: BoardCommands, deps: GuardDeps): BoardCommands {
  const privateOnes = (ids: readonly CardId[]) => {
    const drafts = deps.drafts();
    return drafts ? { drafts, mine: ids.filter((id) => drafts.has(id)), rest: ids.filter((id) => !drafts.has(id)) } : null;
  };
  // One undo step each, as on the board (see createCommands); typing joins its burst instead.
  const attempt = (work: () => void, typing = false) => {
    if (!typing) deps.session.endStep();
    try {
      work();
    } catch (error) {
      deps.notify(describeError(error));
    }
    if (!typing) deps.session.endStep();
  };
  return {
    ...commands,
    updateCard: (id, patch) => {
      const drafts = deps.drafts();
      if (drafts?.has(id)) attempt(() => drafts.update(id, patch));
      else commands.updateCard(id, patch);
    },
    editCardText: (id, field, edit) => {
      const drafts = deps.drafts();
      if (drafts?.has(id)) attempt(() => drafts.editText(id, field, edit), true);
      else commands.editCardText(id, field, edit);
    },
    moveCards: (ids, to) => {
      const split = privateOnes(ids);
      if (!split || split.mine.length === 0) return commands.moveCards(ids, to);
      attempt(() => split.drafts.move(split.mine, to));
      if (split.rest.length > 0) commands.moveCards(split.rest, to);
    },
    deleteElements: (cards, links) => {
      const split = privateOnes(cards);
      if (!split || split.mine.length === 0) return commands.deleteElements(cards, links);
      attempt(() => split.drafts.remove(split.mine));
      if (split.rest.length > 0 || links.length > 0) commands.deleteElements(split.rest, links);
    },
    link: (from, to) => {
      const drafts = deps.drafts();
      if (drafts && (drafts.has(from) || drafts.has(to))) deps.notify(t('mapvote.private.noLinks'));
      else commands.link(from, to);
    },
  };
}

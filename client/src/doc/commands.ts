import {
  addCadencePreset,
  addCadenceRule,
  addDefaultScenarios,
  addScenario,
  removeCadenceRule,
  removeScenario,
  updateCadenceRule,
  updateScenario,
  type CadencePreset,
  type CadenceRuleFields,
  type CadenceRuleId,
  type ScenarioFields,
  type ScenarioId,
  addCard,
  addPersona,
  addLane,
  addStage,
  BoardOpError,
  deleteCards,
  editCardText,
  linkCards,
  linksMap,
  LOCAL_ORIGIN,
  moveCards,
  moveLane,
  moveStage,
  removeLane,
  removePersona,
  removeStage,
  renameLane,
  renameStage,
  setActivePersona,
  setBoardTitle,
  addCustomChannel,
  unlinkCards,
  setPersonaEmotion,
  updateCard,
  updatePersona,
  type AddCardInput,
  type CardDisposition,
  type CardId,
  type CardPatch,
  type CardTextField,
  type Emotion,
  type LaneId,
  type LaneKind,
  type LinkId,
  type MoveTarget,
  type Persona,
  type PersonaId,
  type StageId,
  type TextEdit,
} from '@rejse/shared';
import type * as Y from 'yjs';
import { t } from '../i18n/index.ts';
import type { BoardSession } from './session.ts';

/**
 * Every edit the UI makes, as one object. Each command is one transaction with the local
 * origin, ends its undo step (typing — card text, stage/lane titles, persona fields — joins
 * the keystrokes of one burst into one step instead), and reports a failed operation as a
 * message instead of throwing into React.
 */
export interface BoardCommands {
  setTitle(title: string): void;
  /** A channel of the board's own, for every card's channel picker; its name as stored. */
  addCustomChannel(name: string): string | undefined;
  addCard(input: AddCardInput): CardId | undefined;
  updateCard(id: CardId, patch: CardPatch): void;
  /** Typing into a card's text or thought: one edit into its Y.Text, merged with others' typing (typing: see `type` below). */
  editCardText(id: CardId, field: CardTextField, edit: TextEdit): void;
  /** How a touchpoint feels for one persona (null: back to the shared emotion). */
  setPersonaEmotion(id: CardId, personaId: PersonaId, emotion: Emotion | null): void;
  /** Deletes cards and links (links of deleted cards go with them), as one undo step. */
  deleteElements(cards: readonly CardId[], links: readonly LinkId[]): void;
  moveCards(ids: readonly CardId[], to: MoveTarget): void;
  link(from: CardId, to: CardId): void;
  addStage(title: string, index?: number): StageId | undefined;
  renameStage(id: StageId, title: string): void;
  moveStage(id: StageId, toIndex: number): void;
  removeStage(id: StageId, disposition?: CardDisposition): boolean;
  addLane(title: string, kind?: LaneKind, index?: number): LaneId | undefined;
  renameLane(id: LaneId, title: string): void;
  moveLane(id: LaneId, toIndex: number): void;
  removeLane(id: LaneId, disposition?: CardDisposition): boolean;
  /** Whose journey the map tells; the first persona added becomes the active one. */
  addPersona(fields: Omit<Persona, 'id'>): PersonaId | undefined;
  updatePersona(id: PersonaId, patch: Partial<Omit<Persona, 'id'>>): void;
  removePersona(id: PersonaId): void;
  setActivePersona(id: PersonaId | null): void;
  // ── the dunning model: debtor scenarios and cadence rules (client/src/dunning) ──
  addScenario(fields: ScenarioFields): ScenarioId | undefined;
  addDefaultScenarios(): void;
  updateScenario(id: ScenarioId, patch: Partial<ScenarioFields>): void;
  removeScenario(id: ScenarioId): void;
  addCadenceRule(fields: CadenceRuleFields): CadenceRuleId | undefined;
  addCadencePreset(preset: CadencePreset): void;
  updateCadenceRule(id: CadenceRuleId, fields: CadenceRuleFields): void;
  removeCadenceRule(id: CadenceRuleId): void;
  undo(): void;
  redo(): void;
}

export function describeError(error: unknown): string {
  if (error instanceof BoardOpError) return t(`error.op.${error.code}`);
  return t('error.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

export function createCommands(session: BoardSession, report: (message: string) => void): BoardCommands {
  const run = <T>(op: (doc: Y.Doc) => T): T | undefined => {
    try {
      session.endStep();
      const result = op(session.doc);
      session.endStep();
      return result;
    } catch (error) {
      report(describeError(error));
      return undefined;
    }
  };

  /**
   * Typing: a keystroke does not end the undo step, so a burst of typing is one step (the
   * undo manager's capture time joins it); every other command ends the step before and
   * after, and a text field ends it when it gets and loses focus (see useLiveText).
   */
  const type = (op: (doc: Y.Doc) => void): void => {
    try {
      op(session.doc);
    } catch (error) {
      report(describeError(error));
    }
  };

  return {
    setTitle: (title) => run((doc) => setBoardTitle(doc, title)),
    addCustomChannel: (name) => run((doc) => addCustomChannel(doc, name)),
    addCard: (input) => run((doc) => addCard(doc, input)),
    updateCard: (id, patch) => run((doc) => updateCard(doc, id, patch)),
    editCardText: (id, field, edit) => type((doc) => editCardText(doc, id, field, edit)),
    setPersonaEmotion: (id, personaId, emotion) => run((doc) => setPersonaEmotion(doc, id, personaId, emotion)),
    deleteElements: (cards, links) =>
      run((doc) =>
        doc.transact(() => {
          if (cards.length > 0) deleteCards(doc, cards);
          const linkIds = new Set(links);
          // A link of a deleted card is already gone with it.
          for (const id of linkIds) if (linksMap(doc).has(id)) unlinkCards(doc, id);
        }, LOCAL_ORIGIN),
      ),
    moveCards: (ids, to) => run((doc) => moveCards(doc, ids, to)),
    link: (from, to) => run((doc) => linkCards(doc, from, to)),
    addStage: (title, index) => run((doc) => addStage(doc, title, index)),
    renameStage: (id, title) => type((doc) => renameStage(doc, id, title)),
    moveStage: (id, toIndex) => run((doc) => moveStage(doc, id, toIndex)),
    removeStage: (id, disposition) => run((doc) => (removeStage(doc, id, disposition), true)) ?? false,
    addLane: (title, kind, index) => run((doc) => addLane(doc, title, kind, index)),
    renameLane: (id, title) => type((doc) => renameLane(doc, id, title)),
    moveLane: (id, toIndex) => run((doc) => moveLane(doc, id, toIndex)),
    removeLane: (id, disposition) => run((doc) => (removeLane(doc, id, disposition), true)) ?? false,
    addPersona: (fields) => run((doc) => addPersona(doc, fields)),
    updatePersona: (id, patch) => type((doc) => updatePersona(doc, id, patch)),
    removePersona: (id) => run((doc) => removePersona(doc, id)),
    setActivePersona: (id) => run((doc) => setActivePersona(doc, id)),
    addScenario: (fields) => run((doc) => addScenario(doc, fields)),
    addDefaultScenarios: () => void run((doc) => addDefaultScenarios(doc)),
    updateScenario: (id, patch) => run((doc) => updateScenario(doc, id, patch)),
    removeScenario: (id) => run((doc) => removeScenario(doc, id)),
    addCadenceRule: (fields) => run((doc) => addCadenceRule(doc, fields)),
    addCadencePreset: (preset) => void run((doc) => addCadencePreset(doc, preset)),
    updateCadenceRule: (id, fields) => run((doc) => updateCadenceRule(doc, id, fields)),
    removeCadenceRule: (id) => run((doc) => removeCadenceRule(doc, id)),
    undo: () => session.history.undo(),
    redo: () => session.history.redo(),
  };
}

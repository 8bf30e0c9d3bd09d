import {
  createBoardId,
  createCadenceRuleId,
  createCardId,
  createLaneId,
  createLinkId,
  createPersonaId,
  createScenarioId,
  createStageId,
  type BoardId,
  type CardId,
  type LaneId,
  type PersonaId,
  type ScenarioId,
  type StageId,
} from './ids.ts';
import type { Board } from './schema/board.ts';
import type { IdeaEffect } from './schema/card.ts';

/** A board template: a complete, valid board plus what the gallery shows about it. */
export interface BoardTemplate {
  id: string;
  title: string;
  description: string;
  board: Board;
}

/** An idea's effect pointing at the new ids of its touchpoints (an unknown id is kept: it is named as missing later). */
function remapEffect(effect: IdeaEffect, cardIds: ReadonlyMap<string, CardId>): IdeaEffect {
  const to = (id: string): string => cardIds.get(id) ?? id;
  switch (effect.kind) {
    case 'customers-kept':
      return { ...effect };
    case 'response-rate':
      return {
        ...effect,
        touchpointId: to(effect.touchpointId),
        ...(effect.avoidsAt ? { avoidsAt: to(effect.avoidsAt) } : {}),
      };
    default:
      return { ...effect, touchpointId: to(effect.touchpointId) };
  }
}

/**
 * A new board from a template, with fresh ids for every record, so two boards made from
 * one template never share ids (copy/paste between them stays unambiguous).
 */
export function instantiateTemplate(template: BoardTemplate, overrides: { id?: BoardId; title?: string } = {}): Board {
  const { board } = template;
  const stageIds = new Map(board.stages.map((s) => [s.id, createStageId()]));
  const laneIds = new Map(board.lanes.map((l) => [l.id, createLaneId()]));
  const cardIds = new Map(board.cards.map((c) => [c.id, createCardId()]));
  const personaIds = new Map(board.personas.map((p) => [p.id, createPersonaId()]));
  const scenarioIds = new Map<string, string>(board.scenarios.map((s) => [s.id, createScenarioId()]));
  const scenarioOf = (id: string) => scenarioIds.get(id) ?? id;
  return {
    ...structuredClone(board),
    id: overrides.id ?? createBoardId(),
    title: overrides.title ?? board.title,
    stages: board.stages.map((s) => ({ ...s, id: stageIds.get(s.id) as StageId })),
    lanes: board.lanes.map((l) => ({ ...l, id: laneIds.get(l.id) as LaneId })),
    personas: board.personas.map((p) => ({ ...p, id: personaIds.get(p.id) as PersonaId })),
    activePersonaId: board.activePersonaId ? (personaIds.get(board.activePersonaId) ?? null) : null,
    cards: board.cards.map((c) => ({
      ...structuredClone(c),
      ...(c.effects ? { effects: c.effects.map((e) => remapEffect(e, cardIds)) } : {}),
      id: cardIds.get(c.id) as CardId,
      stageId: stageIds.get(c.stageId) as StageId,
      laneId: laneIds.get(c.laneId) as LaneId,
      ...(c.personaEmotions
        ? {
            personaEmotions: Object.fromEntries(
              Object.entries(c.personaEmotions).map(([id, e]) => [personaIds.get(id as PersonaId) ?? id, e]),
            ),
          }
        : {}),
      ...(c.scenarioIds ? { scenarioIds: c.scenarioIds.map(scenarioOf) } : {}),
      ...(c.scenarioEmotions
        ? {
            scenarioEmotions: Object.fromEntries(Object.entries(c.scenarioEmotions).map(([id, e]) => [scenarioOf(id), e])),
          }
        : {}),
    })),
    scenarios: board.scenarios.map((s) => ({ ...s, id: scenarioOf(s.id) as ScenarioId })),
    cadenceRules: board.cadenceRules.map((r) => ({ ...r, id: createCadenceRuleId() })),
    links: board.links.map((k) => ({
      id: createLinkId(),
      from: cardIds.get(k.from) as CardId,
      to: cardIds.get(k.to) as CardId,
    })),
  };
}

import { z } from 'zod';
import type { BoardId, PersonaId } from '../ids.ts';
import { ID_PATTERN } from '../ids.ts';
import { cardSchema, type Card } from './card.ts';
import { customChannelsSchema } from './channels.ts';
import { cadenceRuleSchema, scenarioSchema, type CadenceRule, type Scenario } from './dunning.ts';
import { laneSchema, type Lane } from './lane.ts';
import { LIMITS } from './limits.ts';
import { linkSchema, type Link } from './link.ts';
import { personaSchema, type Persona } from './persona.ts';
import { stageSchema, type Stage } from './stage.ts';
import { outcomesSchema, type BoardOutcomes } from './outcomes.ts';

/** The schema version this code writes; older boards are upgraded by `migrations/`. */
export const CURRENT_SCHEMA_VERSION = 4;

export const CURRENCIES = ['DKK', 'SEK', 'EUR', 'NOK', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

const boardShape = z.object({
  id: z.string().regex(ID_PATTERN, 'must be a short id'),
  title: z.string().max(LIMITS.titleLength),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /** BCP 47 tag that governs the board's exports (numbers, dates), not each viewer's UI. */
  locale: z.string().min(2).max(35),
  currency: z.enum(CURRENCIES),
  personas: z.array(personaSchema).max(LIMITS.personas),
  activePersonaId: z.string().regex(ID_PATTERN).nullable(),
  stages: z.array(stageSchema).min(1, 'a board needs at least one stage').max(LIMITS.stages),
  lanes: z.array(laneSchema).min(1, 'a board needs at least one lane').max(LIMITS.lanes),
  cards: z.array(cardSchema).max(LIMITS.cards),
  links: z.array(linkSchema).max(LIMITS.links),
  outcomes: outcomesSchema.optional(),
  /** Channels the board added to the built-in ones (meta `customChannels`); absent when none. */
  customChannels: customChannelsSchema.optional(),
  /** Debtor scenarios (schema v2): the same map seen for different debtors. */
  scenarios: z.array(scenarioSchema).max(LIMITS.scenarios),
  /** Contact-cadence rules the board checks (schema v2). */
  cadenceRules: z.array(cadenceRuleSchema).max(LIMITS.cadenceRules),
});

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

/** Structural schema plus the references between records (a card's cell, a link's ends). */
export const boardSchema = boardShape.superRefine((board, ctx) => {
  const stageIds = new Set(board.stages.map((s) => s.id));
  const laneIds = new Set(board.lanes.map((l) => l.id));
  const cardIds = new Set(board.cards.map((c) => c.id));
  for (const [key, records] of [
    ['stages', board.stages],
    ['lanes', board.lanes],
    ['cards', board.cards],
    ['links', board.links],
    ['personas', board.personas],
    ['scenarios', board.scenarios],
    ['cadenceRules', board.cadenceRules],
  ] as const) {
    for (const id of duplicates(records.map((r) => r.id))) {
      ctx.addIssue({ code: 'custom', path: [key], message: `duplicate id "${id}"` });
    }
  }
  board.cards.forEach((card, index) => {
    if (!stageIds.has(card.stageId)) {
      ctx.addIssue({ code: 'custom', path: ['cards', index, 'stageId'], message: `unknown stage "${card.stageId}"` });
    }
    if (!laneIds.has(card.laneId)) {
      ctx.addIssue({ code: 'custom', path: ['cards', index, 'laneId'], message: `unknown lane "${card.laneId}"` });
    }
  });
  const scenarioIds = new Set(board.scenarios.map((s) => s.id));
  board.cards.forEach((card, index) => {
    const named = [...(card.scenarioIds ?? []), ...Object.keys(card.scenarioEmotions ?? {})];
    for (const id of new Set(named).values()) {
      if (!scenarioIds.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['cards', index, 'scenarioIds'], message: `unknown scenario "${id}"` });
      }
    }
  });
  const personaIds = new Set<string>(board.personas.map((p) => p.id));
  board.cards.forEach((card, index) => {
    for (const id of Object.keys(card.personaEmotions ?? {})) {
      if (!personaIds.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['cards', index, 'personaEmotions'], message: `unknown persona "${id}"` });
      }
    }
  });
  board.links.forEach((link, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!cardIds.has(link[end])) {
        ctx.addIssue({ code: 'custom', path: ['links', index, end], message: `unknown card "${link[end]}"` });
      }
    }
    if (link.from === link.to) {
      ctx.addIssue({ code: 'custom', path: ['links', index], message: 'a card cannot link to itself' });
    }
  });
  if (board.activePersonaId !== null && !board.personas.some((p) => p.id === board.activePersonaId)) {
    ctx.addIssue({ code: 'custom', path: ['activePersonaId'], message: `unknown persona "${board.activePersonaId}"` });
  }
});

export interface Board {
  id: BoardId;
  title: string;
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  locale: string;
  currency: Currency;
  personas: Persona[];
  activePersonaId: PersonaId | null;
  /** Left to right. */
  stages: Stage[];
  /** Top to bottom. */
  lanes: Lane[];
  /** In reading order: by stage, then lane, then order inside the cell. */
  cards: Card[];
  links: Link[];
  /** Votes, ranking and cut line, in a board file (`readBoardFile`); absent on a board read for the screen. */
  outcomes?: BoardOutcomes;
  /** The board's own channels, besides the built-in ones; absent when it has none. */
  customChannels?: string[];
  /** Left to right in the scenario switcher. */
  scenarios: Scenario[];
  cadenceRules: CadenceRule[];
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Turns zod issues into short sentences naming where the problem is ("cards[3].emotion: …"). */
export function formatIssues(issues: readonly z.core.$ZodIssue[], limit = 10): string[] {
  return issues.slice(0, limit).map((issue) => {
    const path = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

export function validateBoard(value: unknown): ValidationResult<Board> {
  const result = boardSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as Board };
  return { ok: false, errors: formatIssues(result.error.issues) };
}

export const isBoard = (value: unknown): value is Board => boardSchema.safeParse(value).success;

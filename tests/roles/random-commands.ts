/** Random board commands with plausible arguments, for the permission property test. */
import {
  CADENCE_PRESETS,
  CARD_KINDS,
  CHANNELS,
  CHECKPOINTS,
  EMOTIONS,
  SCENARIO_OUTCOMES,
  type Board,
  type CadenceRuleFields,
  type CardDisposition,
} from '@rejse/shared';
import type { Rng } from '@rejse/shared/testing';
import type { BoardCommands } from '../../client/src/doc/commands.ts';

export type CommandName = Exclude<keyof BoardCommands, 'undo' | 'redo'>;
export interface RandomCommand {
  name: CommandName;
  args: unknown[];
}

const words = ['reminder', 'claim', 'invoice', 'call', 'portal', 'æøå', 'fee'];
const text = (rng: Rng) => Array.from({ length: 1 + rng.int(3) }, () => rng.pick(words)).join(' ');

/** A few distinct items (possibly none), or occasionally an id the board does not hold. */
function some<T extends { id: string }>(rng: Rng, items: readonly T[], max: number): string[] {
  const out = new Set<string>();
  const count = rng.int(max + 1);
  for (let i = 0; i < count && items.length > 0; i += 1) out.add(rng.pick(items).id);
  if (rng.chance(0.03)) out.add('c_missing');
  return [...out];
}

const one = <T extends { id: string }>(rng: Rng, items: readonly T[]): string =>
  items.length === 0 || rng.chance(0.03) ? 'x_missing' : rng.pick(items).id;

function disposition(rng: Rng, others: readonly { id: string }[]): CardDisposition | undefined {
  const roll = rng.int(3);
  if (roll === 0 || others.length === 0) return roll === 2 ? { cards: 'delete' } : undefined;
  return roll === 1 ? { cards: 'move', to: rng.pick(others).id } : { cards: 'delete' };
}

const GENERATORS: Record<CommandName, (rng: Rng, board: Board) => unknown[]> = {
  setTitle: (rng) => [text(rng)],
  addCustomChannel: (rng) => [rng.pick(['MitID', 'Vipps', ' mitid ', ''])],
  addCard: (rng, b) => [
    {
      stageId: one(rng, b.stages),
      laneId: one(rng, b.lanes),
      kind: rng.pick(CARD_KINDS),
      text: text(rng),
      ...(rng.chance(0.3) ? { emotion: rng.pick(EMOTIONS) } : {}),
    },
  ],
  updateCard: (rng, b) => {
    const id = one(rng, b.cards);
    const current = b.cards.find((card) => card.id === id);
    const patches = [
      { text: text(rng) },
      { text: current?.text ?? '' },
      { emotion: rng.pick(EMOTIONS), channel: rng.pick(CHANNELS) },
      { emotion: null },
      { customChannel: 'MitID', channel: null },
      { thought: null, text: undefined },
      { dayOffset: rng.int(60) - 14, dunningStep: 'reminder', fee: 100 },
      {
        scenarioIds: b.scenarios.length > 0 ? [one(rng, b.scenarios)] : null,
        checkpoint: rng.pick([...CHECKPOINTS, null]),
      },
      { dayOffset: current?.dayOffset ?? null },
    ];
    return [id, rng.pick(patches)];
  },
  setPersonaEmotion: (rng, b) => [one(rng, b.cards), one(rng, b.personas), rng.chance(0.2) ? null : rng.pick(EMOTIONS)],
  editCardText: (rng, b) => {
    const id = one(rng, b.cards);
    const card = b.cards.find((c) => c.id === id);
    const field = rng.pick(['text', 'thought'] as const);
    const length = (field === 'text' ? card?.text : card?.thought)?.length ?? 0;
    const index = rng.int(length + 1);
    const remove = rng.chance(0.3) ? rng.int(length - index + 1) : 0;
    return [id, field, { index, remove, insert: rng.chance(0.8) ? text(rng) : '' }];
  },
  deleteElements: (rng, b) => [some(rng, b.cards, 2), some(rng, b.links, 2).filter((id) => id !== 'c_missing')],
  moveCards: (rng, b) => [some(rng, b.cards, 3), { stageId: one(rng, b.stages), laneId: one(rng, b.lanes), index: rng.int(4) }],
  link: (rng, b) => [one(rng, b.cards), one(rng, b.cards)],
  addStage: (rng, b) => [text(rng), rng.int(b.stages.length + 1)],
  renameStage: (rng, b) => [one(rng, b.stages), text(rng)],
  moveStage: (rng, b) => [one(rng, b.stages), rng.int(b.stages.length)],
  removeStage: (rng, b) => {
    const id = one(rng, b.stages);
    return [
      id,
      disposition(
        rng,
        b.stages.filter((s) => s.id !== id),
      ),
    ];
  },
  addLane: (rng, b) => [text(rng), 'custom', rng.int(b.lanes.length + 1)],
  renameLane: (rng, b) => [one(rng, b.lanes), text(rng)],
  moveLane: (rng, b) => [one(rng, b.lanes), rng.int(b.lanes.length)],
  removeLane: (rng, b) => {
    const id = one(rng, b.lanes);
    return [
      id,
      disposition(
        rng,
        b.lanes.filter((l) => l.id !== id),
      ),
    ];
  },
  addPersona: (rng) => [{ name: text(rng), description: '', segment: text(rng) }],
  updatePersona: (rng, b) => [one(rng, b.personas), rng.pick([{ name: text(rng) }, { description: text(rng), segment: '' }, {}])],
  removePersona: (rng, b) => [one(rng, b.personas)],
  setActivePersona: (rng, b) => [rng.chance(0.2) ? null : one(rng, b.personas)],
  addScenario: (rng) => [{ name: text(rng), outcome: rng.pick(SCENARIO_OUTCOMES), vulnerable: rng.chance(0.3) }],
  addDefaultScenarios: () => [],
  updateScenario: (rng, b) => {
    const id = one(rng, b.scenarios);
    const current = b.scenarios.find((s) => s.id === id);
    return [
      id,
      rng.pick([{ name: text(rng) }, { name: current?.name ?? '' }, { outcome: rng.pick(SCENARIO_OUTCOMES), vulnerable: rng.chance(0.5) }]),
    ];
  },
  removeScenario: (rng, b) => [one(rng, b.scenarios)],
  addCadenceRule: (rng) => [randomRule(rng)],
  addCadencePreset: (rng) => [rng.pick(CADENCE_PRESETS)],
  updateCadenceRule: (rng, b) => [one(rng, b.cadenceRules), randomRule(rng)],
  removeCadenceRule: (rng, b) => [one(rng, b.cadenceRules)],
};

function randomRule(rng: Rng): CadenceRuleFields {
  return rng.pick<CadenceRuleFields>([
    { kind: 'max-contacts', limit: 1 + rng.int(5), windowDays: 7 },
    { kind: 'max-contacts', limit: 1 + rng.int(5), windowDays: 7, channel: rng.pick(CHANNELS) },
    { kind: 'promise-quiet', days: 1 + rng.int(10) },
    { kind: 'fee-cap', step: 'reminder', amount: 100 },
  ]);
}

export const COMMAND_NAMES = Object.keys(GENERATORS) as CommandName[];

export function randomCommand(rng: Rng, board: Board): RandomCommand {
  // New cards more often: they alone meet private mode, so every seed should reach it.
  const name = rng.chance(0.1) ? 'addCard' : rng.pick(COMMAND_NAMES);
  return { name, args: GENERATORS[name](rng, board) };
}

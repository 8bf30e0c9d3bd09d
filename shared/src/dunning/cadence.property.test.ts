import { describe, expect, it } from 'vitest';
import type { Card } from '../schema/card.ts';
import { CHANNELS } from '../schema/channels.ts';
import { DUNNING_STEPS, type CadenceRule, type Scenario } from '../schema/dunning.ts';
import type { ScenarioId } from '../ids.ts';
import { createRng, seedFrom, type Rng } from '../../testing/random.ts';
import { boardCadenceWarnings, cadenceWarnings, cadenceWindows, contactsOf, type CadenceWindow } from './cadence.ts';
import { CADENCE_PRESET_RULES } from './defaults.ts';
import { checkpointWarnings } from './scenarios.ts';
import { dunningBoard, touchpoint } from './test-board.ts';

/**
 * Properties of the cadence rules over random dunning paths. Replay a failure with
 * REJSE_CADENCE_SEED=<seed>.
 */
const SEED = seedFrom(process.env.REJSE_CADENCE_SEED, 20261117);
const TRIALS = 300;
const SCENARIOS: Scenario[] = ['d_a', 'd_b', 'd_c'].map((id, i) => ({
  id: id as ScenarioId,
  name: id,
  outcome: i === 2 ? 'collection' : 'paid',
  vulnerable: i === 2,
}));
const RULES: CadenceRule[] = [
  ...CADENCE_PRESET_RULES.standard,
  ...CADENCE_PRESET_RULES.denmark,
  { kind: 'max-contacts', limit: 1, windowDays: 3, channel: 'sms' },
].map((rule, i) => ({ ...rule, id: `r_${i}` }) as CadenceRule);

function randomTouchpoint(rng: Rng, id: string): Card {
  return touchpoint(id, {
    order: rng.int(100),
    ...(rng.chance(0.9) ? { dayOffset: rng.int(80) - 14 } : {}),
    ...(rng.chance(0.9) ? { channel: rng.pick(CHANNELS) } : {}),
    ...(rng.chance(0.8) ? { dunningStep: rng.pick(DUNNING_STEPS) } : {}),
    ...(rng.chance(0.5) ? { fee: rng.pick([0, 60, 100, 150]) } : {}),
    ...(rng.chance(0.4) ? { scenarioIds: [rng.pick(SCENARIOS).id] } : {}),
    ...(rng.chance(0.1) ? { checkpoint: 'hardship-offer' as const } : {}),
  });
}

const randomCards = (rng: Rng, prefix: string): Card[] =>
  Array.from({ length: rng.int(14) }, (_, i) => randomTouchpoint(rng, `c_${prefix}${i}`));

describe('cadence properties (seeded)', () => {
  console.log(`cadence property seed: ${SEED} (replay with REJSE_CADENCE_SEED=${SEED})`);

  it('adding a contact never lowers any window’s count', () => {
    const rng = createRng(SEED);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const cards = randomCards(rng, 't');
      const before = cadenceWindows(contactsOf(dunningBoard(cards)));
      const after = cadenceWindows(contactsOf(dunningBoard([...cards, randomTouchpoint(rng, 'c_new')])));
      for (const window of before) {
        const same = after.find((w) => w.start === window.start);
        expect(same, `seed ${SEED}, trial ${trial}`).toBeDefined();
        expect(same!.total, `seed ${SEED}, trial ${trial}`).toBeGreaterThanOrEqual(window.total);
        for (const [channel, count] of Object.entries(window.counts)) {
          expect(same!.counts[channel as keyof CadenceWindow['counts']], `seed ${SEED}, trial ${trial}`).toBeGreaterThanOrEqual(count);
        }
      }
    }
  });

  it('adding a contact never clears an over-contact warning', () => {
    const rng = createRng(SEED + 1);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const cards = randomCards(rng, 't');
      const over = (list: Card[]) => cadenceWarnings(dunningBoard(list, RULES)).filter((w) => w.kind === 'max-contacts').length > 0;
      if (over(cards)) expect(over([...cards, randomTouchpoint(rng, 'c_new')]), `seed ${SEED + 1}, trial ${trial}`).toBe(true);
    }
  });

  it('removing every contact clears every cadence warning, on every path', () => {
    const rng = createRng(SEED + 2);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const board = dunningBoard(randomCards(rng, 't'), RULES, SCENARIOS);
      const contactIds = new Set(SCENARIOS.flatMap((s) => contactsOf(board, s.id).map((c) => c.cardId)));
      const quiet = { ...board, cards: board.cards.filter((card) => !contactIds.has(card.id)) };
      expect(boardCadenceWarnings(quiet), `seed ${SEED + 2}, trial ${trial}`).toEqual([]);
    }
  });

  it('every warning names touchpoints of its own path, in a day range that holds them', () => {
    const rng = createRng(SEED + 3);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const board = dunningBoard(randomCards(rng, 't'), RULES, SCENARIOS);
      for (const scenario of SCENARIOS) {
        for (const warning of cadenceWarnings(board, scenario.id)) {
          for (const id of warning.cardIds) {
            const card = board.cards.find((c) => c.id === id);
            expect(card, `seed ${SEED + 3}, trial ${trial}`).toBeDefined();
            expect(!card!.scenarioIds || card!.scenarioIds.includes(scenario.id)).toBe(true);
            expect(card!.dayOffset).toBeGreaterThanOrEqual(warning.fromDay);
            expect(card!.dayOffset).toBeLessThanOrEqual(warning.toDay);
          }
        }
      }
    }
  });

  it('a checkpoint on every touchpoint of the vulnerable path clears its checkpoint warning when the path has any touchpoint', () => {
    const rng = createRng(SEED + 4);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const cards = randomCards(rng, 't').map((card) => ({ ...card, checkpoint: 'breathing-space' as const }));
      const board = dunningBoard(cards, [], SCENARIOS);
      const vulnerablePath = cards.filter((c) => !c.scenarioIds || c.scenarioIds.includes('d_c'));
      if (vulnerablePath.length > 0) expect(checkpointWarnings(board), `seed ${SEED + 4}, trial ${trial}`).toEqual([]);
    }
  });
});

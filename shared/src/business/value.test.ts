import { describe, expect, it } from 'vitest';
import type { Card, IdeaEffect, TouchpointMetrics } from '../schema/card.ts';
import { rankActions } from '../prioritize/rank.ts';
import { buildBoard, idea, link, pain, touchpoint } from '../../testing/board-fixtures.ts';
import { createRng, seedFrom } from '../../testing/random.ts';
import { renderBusinessText } from './render.ts';
import { businessCase, businessCases, figureSource, totalValue, valueRange } from './value.ts';

const SEED = seedFrom(process.env.BUSINESS_SEED, 18);

function boardWith(metrics: TouchpointMetrics | undefined, effects: IdeaEffect[], fields: Partial<Card> = {}) {
  return buildBoard({
    stages: ['s_contact', 's_reminder'],
    cards: [
      touchpoint('t_calls', 's_contact', -1, { text: 'Calls customer service', ...(metrics ? { metrics } : {}) }),
      touchpoint('t_reminder', 's_reminder', -2, {
        text: 'Reminder letter',
        metrics: { yearlyVolume: 200_000, costPerContact: 12 },
      }),
      touchpoint('t_window', 's_reminder', 0, { text: 'Pre-reminder SMS' }),
      idea('i_idea', 's_contact', { effects, ...fields }),
    ],
  });
}

/** Intl puts no-break spaces around currency symbols; the texts are compared with plain spaces. */
const render = (...args: Parameters<typeof renderBusinessText>): string => renderBusinessText(...args).replace(/[\u00a0\u202f]/g, ' ');

const caseOf = (board: ReturnType<typeof boardWith>) =>
  businessCase(board.cards.find((c) => c.id === 'i_idea') as Card, figureSource(board));

describe('the business case of an action', () => {
  it('reproduces the reference arithmetic exactly: 500 customers × 5,000 DKK × 5 years = 12.5 M DKK', () => {
    const board = boardWith(undefined, [{ kind: 'customers-kept', customersPerYear: 500, revenuePerCustomerYear: 5000, lifetimeYears: 5 }]);
    const result = caseOf(board);
    expect(result.value?.mid).toBe(12_500_000);
    expect(result.complete).toBe(true);
    expect(render(result.formula[0]!, 'da-DK', 'DKK')).toBe('500 kunder fastholdt om året × 5.000 kr. om året × 5 år = 12.500.000 kr.');
  });

  it('writes the sentence in the reader’s language with the board’s numbers, and "year" in the singular for one', () => {
    const board = boardWith(undefined, [{ kind: 'customers-kept', customersPerYear: 500, revenuePerCustomerYear: 5000, lifetimeYears: 1 }]);
    const [line] = caseOf(board).formula;
    // English words (the UI's language), Danish digits and currency (the board's locale).
    expect(render(line!, 'en', 'DKK', 'da-DK')).toBe('500 customers kept a year × 5.000 kr. a year × 1 year = 2.500.000 kr.');
    expect(render(line!, 'sv', 'SEK')).toBe('500 kunder kvar per år × 5 000 kr per år × 1 år = 2 500 000 kr');
  });

  it('values 25 % fewer calls from the touchpoint’s volume and cost per call', () => {
    const result = caseOf(
      boardWith({ yearlyVolume: 800_000, costPerContact: 35 }, [{ kind: 'fewer-contacts', touchpointId: 't_calls', share: 0.25 }]),
    );
    expect(result.contactsAvoided).toBe(200_000);
    expect(result.value?.mid).toBe(7_000_000);
    expect(result.formula.map((f) => render(f, 'en', 'DKK'))).toEqual([
      '“Calls customer service” (contact): 800,000 contacts a year × 25% fewer = 200,000 contacts avoided',
      '200,000 contacts × DKK 35.00 per contact = DKK 7,000,000 a year',
      'Confidence 3 of 5: DKK 4,200,000 – DKK 9,800,000 (±40%)',
      'Confidence not set: 3 assumed',
    ]);
  });

  it('turns 43 % answering inside the pre-reminder window into 43 % fewer reminders sent', () => {
    const effect: IdeaEffect = {
      kind: 'response-rate',
      touchpointId: 't_window',
      from: 0,
      rate: 0.43,
      avoidsAt: 't_reminder',
    };
    const result = caseOf(boardWith(undefined, [effect]));
    expect(result.contactsAvoided).toBe(86_000);
    expect(result.value?.mid).toBe(86_000 * 12);
  });

  it('names the missing figure instead of guessing it, and gives no value', () => {
    const result = caseOf(boardWith({ yearlyVolume: 800_000 }, [{ kind: 'fewer-contacts', touchpointId: 't_calls', share: 0.25 }]));
    expect(result.value).toBeNull();
    expect(result.contactsAvoided).toBe(200_000);
    expect(result.missing.map((m) => renderBusinessText(m, 'en', 'DKK'))).toEqual([
      'Add the cost per contact at “Calls customer service” (contact) to value this',
    ]);
    expect(renderBusinessText(result.missing[0]!, 'sv', 'SEK')).toContain('kostnaden per kontakt vid ”Calls customer service”');
  });

  it('asks for a response rate today when neither the effect nor the touchpoint has one', () => {
    const result = caseOf(boardWith(undefined, [{ kind: 'response-rate', touchpointId: 't_window', rate: 0.43, avoidsAt: 't_reminder' }]));
    expect(result.value).toBeNull();
    expect(result.missing.map((m) => m.key)).toEqual(['missing.responseRate']);
  });

  it('an idea without effects has no value and says what to state', () => {
    const result = caseOf(boardWith({ yearlyVolume: 1, costPerContact: 1 }, []));
    expect(result.value).toBeNull();
    expect(result.missing.map((m) => m.key)).toEqual(['missing.effects']);
  });

  it('an effect on a touchpoint that was removed is named, and the other effects still count', () => {
    const result = caseOf(
      boardWith({ yearlyVolume: 1000, costPerContact: 10 }, [
        { kind: 'fewer-contacts', touchpointId: 't_gone', share: 0.5 },
        { kind: 'fewer-contacts', touchpointId: 't_calls', share: 0.5 },
      ]),
    );
    expect(result.value?.mid).toBe(5000);
    expect(result.complete).toBe(false);
    expect(result.missing.map((m) => m.key)).toEqual(['missing.touchpoint']);
  });

  it('a fee avoided is volume × share × fee', () => {
    const result = caseOf(boardWith(undefined, [{ kind: 'cost-avoided', touchpointId: 't_reminder', share: 0.3, amountPerContact: 100 }]));
    expect(result.value?.mid).toBe(6_000_000);
  });

  it('the range narrows as confidence rises', () => {
    expect(valueRange(1000, 5)).toEqual({ low: 900, mid: 1000, high: 1100 });
    expect(valueRange(1000, 1)).toEqual({ low: 200, mid: 1000, high: 1800 });
    expect(valueRange(1000, undefined)).toEqual({ low: 600, mid: 1000, high: 1400 });
  });
});

describe('business case properties (seeded)', () => {
  const rng = createRng(SEED);
  const runs = 300;
  const randomMetrics = (): TouchpointMetrics | undefined => {
    if (rng.chance(0.15)) return undefined;
    const m: TouchpointMetrics = {};
    if (rng.chance(0.8)) m.yearlyVolume = rng.int(2_000_000);
    if (rng.chance(0.8)) m.costPerContact = rng.int(10_000) / 100;
    if (rng.chance(0.5)) m.responseRate = rng.int(101) / 100;
    return m;
  };
  const randomEffect = (): IdeaEffect => {
    const share = rng.int(101) / 100;
    switch (rng.int(4)) {
      case 0:
        return { kind: 'fewer-contacts', touchpointId: rng.pick(['t_calls', 't_reminder', 't_window']), share };
      case 1:
        return {
          kind: 'response-rate',
          touchpointId: rng.pick(['t_calls', 't_window']),
          rate: share,
          avoidsAt: rng.pick(['t_reminder', 't_calls']),
        };
      case 2:
        return {
          kind: 'customers-kept',
          customersPerYear: rng.int(1000),
          revenuePerCustomerYear: rng.int(10_000),
          ...(rng.chance(0.8) ? { lifetimeYears: 1 + rng.int(10) } : {}),
        };
      default:
        return {
          kind: 'cost-avoided',
          touchpointId: 't_calls',
          share,
          ...(rng.chance(0.8) ? { amountPerContact: rng.int(200) } : {}),
        };
    }
  };

  it(`more calls avoided never lowers the value (seed ${SEED})`, () => {
    for (let i = 0; i < runs; i++) {
      const metrics = randomMetrics();
      const others = Array.from({ length: rng.int(3) }, randomEffect);
      const a = rng.int(101) / 100;
      const b = rng.int(101) / 100;
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const confidence = 1 + rng.int(5);
      const at = (share: number) =>
        caseOf(boardWith(metrics, [...others, { kind: 'fewer-contacts', touchpointId: 't_calls', share }], { confidence }));
      const less = at(lo);
      const more = at(hi);
      expect(more.contactsAvoided ?? 0, `run ${i}`).toBeGreaterThanOrEqual(less.contactsAvoided ?? 0);
      for (const k of ['low', 'mid', 'high'] as const) {
        expect(more.value?.[k] ?? 0, `run ${i} ${k}`).toBeGreaterThanOrEqual(less.value?.[k] ?? 0);
      }
    }
  });

  it(`no figures, no value: touchpoints without figures never give contact effects a value (seed ${SEED})`, () => {
    for (let i = 0; i < runs; i++) {
      const effects = Array.from({ length: 1 + rng.int(4) }, randomEffect).filter((e) => e.kind !== 'customers-kept');
      const board = boardWith(undefined, effects);
      const bare = {
        ...board,
        cards: board.cards.map((c) => (c.kind === 'touchpoint' ? { ...c, metrics: undefined } : c)),
      };
      const result = caseOf(bare);
      expect(result.value, `run ${i}`).toBeNull();
      expect(effects.length === 0 || result.missing.length > 0, `run ${i}`).toBe(true);
    }
  });

  it(`low ≤ mid ≤ high, and the value is the sum of the valued effects (seed ${SEED})`, () => {
    for (let i = 0; i < runs; i++) {
      const effects = Array.from({ length: rng.int(5) }, randomEffect);
      const confidence = rng.chance(0.2) ? undefined : 1 + rng.int(5);
      const result = caseOf(boardWith(randomMetrics(), effects, confidence === undefined ? {} : { confidence }));
      if (!result.value) {
        expect(
          result.effects.every((e) => e.value === null),
          `run ${i}`,
        ).toBe(true);
        continue;
      }
      expect(result.value.low, `run ${i}`).toBeLessThanOrEqual(result.value.mid);
      expect(result.value.mid, `run ${i}`).toBeLessThanOrEqual(result.value.high);
      expect(result.value.low, `run ${i}`).toBeGreaterThanOrEqual(0);
      const sum = result.effects.reduce((s, e) => s + (e.value ?? 0), 0);
      expect(result.value.mid, `run ${i}`).toBeCloseTo(sum, 2);
      expect(result.missing.length === 0, `run ${i}`).toBe(result.complete);
    }
  });
});

describe('ranking by value', () => {
  const board = buildBoard({
    stages: ['s_contact'],
    cards: [
      touchpoint('t_calls', 's_contact', -2, { metrics: { yearlyVolume: 100_000, costPerContact: 10 } }),
      touchpoint('t_letters', 's_contact', -1, { metrics: { yearlyVolume: 100_000 } }),
      pain('p_calls', 's_contact'),
      idea('i_big', 's_contact', {
        effort: 5,
        effects: [{ kind: 'fewer-contacts', touchpointId: 't_calls', share: 0.5 }],
      }),
      idea('i_small', 's_contact', {
        effort: 1,
        effects: [{ kind: 'fewer-contacts', touchpointId: 't_calls', share: 0.2 }],
      }),
      idea('i_counted', 's_contact', {
        impact: 5,
        effort: 1,
        effects: [{ kind: 'fewer-contacts', touchpointId: 't_letters', share: 0.9 }],
      }),
      idea('i_none', 's_contact', { impact: 5, effort: 1 }),
    ],
    links: [link('i_none', 'p_calls')],
  });

  it('puts the most valuable action first, then unvalued ones by contacts avoided, then by score', () => {
    expect(rankActions(board, { by: 'value' }).map((r) => r.card.id)).toEqual(['i_big', 'i_small', 'i_counted', 'i_none']);
  });

  it('value per effort favours the cheap action', () => {
    // 500,000 / 5 = 100,000 against 200,000 / 1.
    expect(rankActions(board, { by: 'value-per-effort' }).map((r) => r.card.id)).toEqual(['i_small', 'i_big', 'i_counted', 'i_none']);
  });

  it('the total of a list adds the valued actions only', () => {
    const cases = [...businessCases(board).values()];
    expect(totalValue(cases)?.mid).toBe(700_000);
    expect(totalValue([])).toBeNull();
  });
});

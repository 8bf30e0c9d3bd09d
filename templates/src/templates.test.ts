import { describe, expect, it } from 'vitest';
import {
  boardToDoc,
  docToBoard,
  emotionCurve,
  instantiateTemplate,
  validateBoard,
  type Board,
  type BoardTemplate,
  type CardKind,
  type LaneKind,
} from '@rejse/shared';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, findTemplate, templatePreview } from './index.ts';

const EXPECTED_STAGES: Record<string, string[]> = {
  'collection-letters': ['Credit assessment', 'Invoice', 'Reminder', 'Collection letter', 'Customer contact', 'Payment plan', 'Paid'],
  'pre-reminder-window': [
    'Invoice',
    'Due date',
    'Day 1–3: nudge',
    'Day 7: follow-up',
    'Day 12: last digital chance',
    'First postal reminder',
    'Paid',
  ],
  'telecom-young-customers': [
    'Sign-up and credit check',
    'Invoice',
    'Due date',
    'Reminder',
    'Service restricted',
    'Collection',
    'Paid — stays or leaves',
  ],
  'insurance-lifecycle-nps': [
    'Pre-purchase',
    'Purchase',
    'Welcome',
    'Premium and reminder',
    'Yearly statement and survey',
    'Claim',
    'Life change',
    'Leaving',
  ],
  'b2b-credit-information': [
    'Evaluation',
    'Contract and onboarding',
    'Integration',
    'Daily credit checks',
    'Downtime',
    'Support',
    'Invoice and renewal',
  ],
};
const REFERENCE_IDS = Object.keys(EXPECTED_STAGES);

/** The lane kinds each card kind belongs in. */
const LANES_FOR_KIND: Record<CardKind, readonly LaneKind[]> = {
  touchpoint: ['touchpoints'],
  pain: ['pains'],
  idea: ['ideas'],
  note: ['actions', 'thoughts', 'backstage'],
};

function template(id: string): BoardTemplate {
  const found = findTemplate(id);
  if (!found) throw new Error(`no template "${id}"`);
  return found;
}

const cardsOf = (board: Board, kind: CardKind) => board.cards.filter((c) => c.kind === kind);
const metricValues = (board: Board, key: 'yearlyVolume' | 'responseRate' | 'nps') =>
  board.cards.flatMap((c) => (c.kind === 'touchpoint' && c.metrics?.[key] !== undefined ? [c.metrics[key]] : []));
const sortedLinks = (board: Board) => [...board.links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every text a template carries: what must never leak into the thumbnail markup. */
function textsOf(t: BoardTemplate): string[] {
  const b = t.board;
  return [
    t.title,
    t.description,
    b.title,
    ...b.stages.map((s) => s.title),
    ...b.lanes.map((l) => l.title),
    ...b.personas.flatMap((p) => [p.name, p.description, p.segment]),
    ...b.cards.flatMap((c) => [c.text, c.thought ?? '']),
  ].filter((text) => text.length > 0);
}

describe('template registry', () => {
  it('lists the blank template first and keeps it the default', () => {
    expect(TEMPLATES[0]?.id).toBe('blank');
    expect(DEFAULT_TEMPLATE_ID).toBe('blank');
    expect(findTemplate(DEFAULT_TEMPLATE_ID)?.board.cards).toEqual([]);
  });

  it('registers the five reference cases', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['blank', ...REFERENCE_IDS]);
  });

  it('gives every template a unique id and a unique board id', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.board.id)).size).toBe(TEMPLATES.length);
  });

  it('returns undefined for a template that does not exist', () => {
    expect(findTemplate('no-such-template')).toBeUndefined();
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  it('is a schema-valid board', () => {
    const result = validateBoard(t.board);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has a short gallery title and description', () => {
    expect(t.title.length).toBeGreaterThan(0);
    expect(t.title.length).toBeLessThanOrEqual(60);
    expect(t.description.length).toBeGreaterThan(0);
    expect(t.description.length).toBeLessThanOrEqual(240);
  });

  it('puts every card in a lane of its kind, numbered 1, 2, 3… inside its cell, in reading order', () => {
    const laneKind = new Map(t.board.lanes.map((l) => [l.id, l.kind]));
    for (const card of t.board.cards) {
      expect(LANES_FOR_KIND[card.kind], `${card.id} in ${laneKind.get(card.laneId)}`).toContain(laneKind.get(card.laneId));
    }
    const cells = new Map<string, number[]>();
    for (const card of t.board.cards) {
      const key = `${card.stageId}/${card.laneId}`;
      cells.set(key, [...(cells.get(key) ?? []), card.order]);
    }
    for (const [cell, orders] of cells) {
      expect(orders, cell).toEqual(orders.map((_, i) => i + 1));
    }
    // Reading order (stage, lane, order) is what docToBoard returns, so a round trip is exact.
    const stageIndex = new Map(t.board.stages.map((s, i) => [s.id, i]));
    const laneIndex = new Map(t.board.lanes.map((l, i) => [l.id, i]));
    const key = (c: Board['cards'][number]) => (stageIndex.get(c.stageId) ?? 0) * 1e6 + (laneIndex.get(c.laneId) ?? 0) * 1e3 + c.order;
    const keys = t.board.cards.map(key);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('instantiates as a valid board sharing no id with the template, its links remapped', () => {
    const board = instantiateTemplate(t);
    expect(validateBoard(board).ok).toBe(true);
    const templateIds = new Set<string>([
      t.board.id,
      ...t.board.stages.map((s) => s.id),
      ...t.board.lanes.map((l) => l.id),
      ...t.board.cards.map((c) => c.id),
      ...t.board.links.map((k) => k.id),
      ...t.board.personas.map((p) => p.id),
    ]);
    const boardIds = [
      board.id,
      ...board.stages.map((s) => s.id),
      ...board.lanes.map((l) => l.id),
      ...board.cards.map((c) => c.id),
      ...board.links.map((k) => k.id),
      ...board.personas.map((p) => p.id),
    ];
    expect(boardIds.filter((id) => templateIds.has(id))).toEqual([]);
    // Each link joins the new copies of the cards the template's link joined.
    const textById = new Map(board.cards.map((c) => [c.id, c.text]));
    const templateText = new Map(t.board.cards.map((c) => [c.id, c.text]));
    expect(board.links.map((k) => [textById.get(k.from), textById.get(k.to)])).toEqual(
      t.board.links.map((k) => [templateText.get(k.from), templateText.get(k.to)]),
    );
    if (t.board.activePersonaId) {
      expect(board.personas.map((p) => p.id)).toContain(board.activePersonaId);
    }
  });

  it('round-trips through a Y.Doc unchanged once instantiated', () => {
    const board = instantiateTemplate(t);
    // boardToDoc is writeBoardInto on a fresh Y.Doc.
    const read = docToBoard(boardToDoc(board), board.id);
    expect({ ...read, links: sortedLinks(read) }).toEqual({ ...board, links: sortedLinks(board) });
  });

  it('has a preview whose SVG carries no template text, only markup and numbers', () => {
    const preview = templatePreview(t.board);
    expect(preview.stages).toEqual(t.board.stages.map((s) => s.title));
    for (const text of textsOf(t)) expect(preview.svg).not.toContain(text);
    // Strip the fixed markup vocabulary; nothing may be left (no text nodes, no free strings).
    const residue = preview.svg
      .replace(/<\/?(svg|rect|line|circle|polyline)\b/g, '')
      .replace(/\s[a-zA-Z][a-zA-Z0-9-]*="([-0-9., #a-f]*|none|round)"/g, '')
      .replace(/\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '')
      .replace(/\s?\/?>/g, '');
    expect(residue).toBe('');
  });
});

describe.each(REFERENCE_IDS)('reference template %s', (id) => {
  const t = template(id);
  const board = t.board;

  it('has the stages of its case, in order', () => {
    expect(board.stages.map((s) => s.title)).toEqual(EXPECTED_STAGES[id]);
  });

  it('uses the standard lanes', () => {
    expect(board.lanes.map((l) => l.kind)).toEqual(['actions', 'touchpoints', 'thoughts', 'emotions', 'pains', 'ideas', 'backstage']);
  });

  it('has a persona, the active one, and English text', () => {
    expect(board.personas.length).toBeGreaterThan(0);
    expect(board.personas.map((p) => p.id)).toContain(board.activePersonaId);
    expect(board.locale).toBe('en');
  });

  it('scores touchpoint emotions in most stages, so the curve tells a story', () => {
    const curve = emotionCurve(board);
    const scored = curve.filter((p) => p.mean !== null).length;
    expect(scored).toBeGreaterThan(board.stages.length / 2);
    const means = curve.flatMap((p) => (p.mean === null ? [] : [p.mean]));
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThanOrEqual(2);
  });

  it('gives touchpoints a channel and the customer’s own words', () => {
    const touchpoints = cardsOf(board, 'touchpoint');
    const withThought = touchpoints.filter((c) => c.thought);
    expect(withThought.length).toBeGreaterThan(touchpoints.length / 2);
    expect(touchpoints.filter((c) => c.channel).length).toBeGreaterThan(touchpoints.length / 2);
  });

  it('has pain points, and proposed, scored ideas that each address at least one pain', () => {
    const pains = new Set(cardsOf(board, 'pain').map((c) => c.id));
    const ideas = cardsOf(board, 'idea');
    expect(pains.size).toBeGreaterThan(0);
    expect(ideas.length).toBeGreaterThan(0);
    for (const idea of ideas) {
      expect(idea.status).toBe('proposed');
      expect(idea.impact).toBeGreaterThanOrEqual(1);
      expect(idea.effort).toBeGreaterThanOrEqual(1);
      const addressed = board.links.filter((k) => k.from === idea.id && pains.has(k.to));
      expect(addressed.length, idea.text).toBeGreaterThan(0);
    }
  });

  it('has a preview that counts its cards', () => {
    const preview = templatePreview(board);
    expect(preview.counts).toEqual({
      touchpoints: cardsOf(board, 'touchpoint').length,
      pains: cardsOf(board, 'pain').length,
      ideas: cardsOf(board, 'idea').length,
      notes: cardsOf(board, 'note').length,
    });
    expect(preview.emotionCurve).toEqual(emotionCurve(board).map((p) => p.mean));
    expect(preview.svg).toContain('<polyline');
  });
});

describe('the figures of the reference cases', () => {
  it('collection letters carry 1,000,000 claims and 800,000 calls a year, and twelve proposals', () => {
    const { board } = template('collection-letters');
    expect(metricValues(board, 'yearlyVolume')).toEqual(expect.arrayContaining([1_000_000, 800_000]));
    const letter = board.cards.find((c) => c.metrics?.yearlyVolume === 1_000_000);
    const call = board.cards.find((c) => c.metrics?.yearlyVolume === 800_000);
    expect(letter?.channel).toBe('letter');
    expect(call?.channel).toBe('phone');
    expect(cardsOf(board, 'idea')).toHaveLength(12);
    expect(board.currency).toBe('DKK');
  });

  it('the Danish utility’s window records that 43% paid or responded', () => {
    const { board } = template('pre-reminder-window');
    expect(metricValues(board, 'responseRate')).toContain(0.43);
    expect(board.currency).toBe('DKK');
  });

  it('insurance measures NPS −44 first and −25 two years later, with the +25 target noted', () => {
    const { board } = template('insurance-lifecycle-nps');
    expect(metricValues(board, 'nps')).toEqual(expect.arrayContaining([-44, -25]));
    expect(cardsOf(board, 'note').some((c) => c.text.includes('+25'))).toBe(true);
  });

  it('the credit-information provider goes from NPS −27 to +1 and counts downtime as lost sales', () => {
    const { board } = template('b2b-credit-information');
    expect(metricValues(board, 'nps')).toEqual(expect.arrayContaining([-27, 1]));
    expect(cardsOf(board, 'pain').some((c) => /ten minutes/i.test(c.text) && /lose sales/i.test(c.text))).toBe(true);
  });

  it('telecom ranks its costs churn first, then direct costs, then service cases', () => {
    const { board } = template('telecom-young-customers');
    const ranking = cardsOf(board, 'note').find((c) => /costs ranked/i.test(c.text));
    expect(ranking?.text).toMatch(/churn.*direct.*customer-service/i);
    expect(board.personas.length).toBeGreaterThanOrEqual(2);
  });
});

describe('templatePreview', () => {
  it('draws a dot per card, a gap for a stage without emotions, and no text', () => {
    const { board } = template('collection-letters');
    const small: Board = {
      ...board,
      stages: board.stages.slice(0, 3),
      cards: board.cards.filter((c) => ['s_credit', 's_reminder'].includes(c.stageId)),
      links: [],
    };
    const preview = templatePreview(small);
    expect(preview.emotionCurve).toEqual([1, null, -1]);
    expect(preview.counts.touchpoints).toBe(2);
    // Two isolated points (the gap splits the curve) are drawn as dots, not a line.
    expect(preview.svg).not.toContain('<polyline');
    const dots = preview.svg.match(/<circle /g) ?? [];
    expect(dots).toHaveLength(small.cards.length + 2);
  });
});

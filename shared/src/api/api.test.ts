import { describe, expect, it } from 'vitest';
import { LIMITS } from '../schema/limits.ts';
import { readApiAnswer } from './answer.ts';
import { createBoardRequestSchema, rotateLinkParamsSchema, templateSummarySchema } from './boards.ts';
import { defaultDunningProcess, dunningProcessFrom } from './dunning-process.ts';
import { csvExportQuerySchema, exportQuerySchema } from './exports.ts';
import { castVoteRequestSchema, timerActionSchema, voteRoundRequestSchema } from './facilitation.ts';

describe('request schemas', () => {
  it('a new board: title trimmed and bounded, locale made canonical, currency from the list, all optional', () => {
    expect(createBoardRequestSchema.parse({})).toEqual({});
    expect(createBoardRequestSchema.parse({ title: '  Letters  ', locale: 'da-dk', currency: 'DKK' })).toEqual({
      title: 'Letters',
      locale: 'da-DK',
      currency: 'DKK',
    });
    // The limit counts the trimmed title.
    expect(createBoardRequestSchema.safeParse({ title: ` ${'x'.repeat(LIMITS.titleLength)} ` }).success).toBe(true);
    for (const bad of [
      [],
      'text',
      { title: 5 },
      { title: 'x'.repeat(LIMITS.titleLength + 1) },
      { template: false },
      { locale: 'not a tag!' },
      { currency: 'GBP' },
    ]) {
      expect(createBoardRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('a new board from a dunning process: every language’s defaults pass; not together with a template', () => {
    for (const language of ['en', 'da', 'sv'] as const) {
      expect(createBoardRequestSchema.safeParse({ locale: language, dunning: defaultDunningProcess(language, '2026-03-15') }).success).toBe(
        true,
      );
    }
    const dunning = defaultDunningProcess('da', '2026-03-15');
    expect(dunningProcessFrom(dunning, 'DKK')).toMatchObject({
      invoiceDate: '2026-03-01',
      dueDate: '2026-03-15',
      currency: 'DKK',
    });
    expect(createBoardRequestSchema.safeParse({ template: 'blank', dunning }).success).toBe(false);
    expect(createBoardRequestSchema.safeParse({ dunning: { ...dunning, collection: { day: 20, channel: 'letter' } } }).success).toBe(false);
  });

  it('timer actions: the five kinds, extra fields dropped, anything else refused', () => {
    expect(timerActionSchema.parse({ type: 'start', durationMs: 1000 })).toEqual({ type: 'start', durationMs: 1000 });
    expect(timerActionSchema.parse({ type: 'add', ms: 60000 })).toEqual({ type: 'add', ms: 60000 });
    expect(timerActionSchema.parse({ type: 'pause', extra: 1 })).toEqual({ type: 'pause' });
    for (const bad of [null, [], 'start', { type: 'start' }, { type: 'explode' }, { type: 'add', ms: '5' }]) {
      expect(timerActionSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('vote rounds default to 3 votes, one per card, and refuse nonsense', () => {
    expect(voteRoundRequestSchema.parse({ target: 'pains' })).toEqual({
      target: 'pains',
      votesPerPerson: 3,
      allowMultiplePerCard: false,
    });
    expect(voteRoundRequestSchema.parse({ target: 'ideas', votesPerPerson: 5, allowMultiplePerCard: true })).toMatchObject({
      votesPerPerson: 5,
      allowMultiplePerCard: true,
    });
    for (const bad of [
      null,
      [],
      {},
      { target: 'touchpoints' },
      { target: 'ideas', votesPerPerson: 0 },
      { target: 'ideas', votesPerPerson: 2.5 },
      { target: 'ideas', votesPerPerson: 51 },
      { target: 'ideas', allowMultiplePerCard: 'yes' },
    ]) {
      expect(voteRoundRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('a vote is a card id and +1 or −1', () => {
    expect(castVoteRequestSchema.parse({ cardId: 'c1', delta: -1 })).toEqual({ cardId: 'c1', delta: -1 });
    for (const bad of [{}, { cardId: 'c1' }, { cardId: 'c1', delta: 2 }, { cardId: '', delta: 1 }, { cardId: 5, delta: 1 }]) {
      expect(castVoteRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('only editor and viewer links are rotated by role name (the facilitator needs the admin token, checked on the server)', () => {
    expect(rotateLinkParamsSchema.safeParse({ role: 'editor' }).success).toBe(true);
    expect(rotateLinkParamsSchema.safeParse({ role: 'admin' }).success).toBe(false);
  });

  it('export query: by from the ranking modes, top a whole number ≥ 1 (capped), sep a separator word or character', () => {
    expect(exportQuerySchema.parse({})).toEqual({});
    expect(exportQuerySchema.parse({ by: 'votes', top: '5' })).toEqual({ by: 'votes', top: 5 });
    expect(exportQuerySchema.parse({ top: '100000' }).top).toBe(200);
    expect(csvExportQuerySchema.parse({ sep: 'comma' })).toEqual({ sep: ',' });
    expect(csvExportQuerySchema.parse({ sep: '' })).toEqual({ sep: undefined });
    for (const bad of [{ by: 'loudness' }, { top: '0' }, { top: 'many' }]) {
      expect(exportQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(csvExportQuerySchema.safeParse({ sep: '|' }).success).toBe(false);
  });
});

describe('reading answers', () => {
  const template = {
    id: 'blank',
    title: 'Blank',
    description: 'Start empty',
    stages: 7,
    cards: 0,
    preview: {
      stages: ['A'],
      counts: { touchpoints: 0, pains: 0, ideas: 0, notes: 0 },
      emotionCurve: [null],
      svg: '<svg/>',
    },
  };

  it('a success body is parsed by its schema; one that does not match is a failure without a code', () => {
    expect(readApiAnswer(templateSummarySchema, 200, template)).toEqual({ ok: true, value: template });
    expect(readApiAnswer(templateSummarySchema, 200, { ...template, preview: { ...template.preview, svg: '<script>' } })).toMatchObject({
      ok: false,
      failure: { status: 200, code: null },
    });
  });

  it('an error body gives its message, code, reason and problems; a foreign one just its status', () => {
    expect(
      readApiAnswer(templateSummarySchema, 409, {
        error: 'no votes left',
        code: 'vote-refused',
        reason: 'no-votes-left',
      }),
    ).toEqual({
      ok: false,
      failure: { status: 409, code: 'vote-refused', message: 'no votes left', reason: 'no-votes-left', problems: [] },
    });
    expect(
      readApiAnswer(templateSummarySchema, 400, {
        error: 'bad file',
        code: 'invalid-board-file',
        problems: ['stages: …', 5],
      }),
    ).toMatchObject({
      failure: { code: 'invalid-board-file', problems: ['stages: …'] },
    });
    expect(readApiAnswer(templateSummarySchema, 502, null)).toEqual({
      ok: false,
      failure: { status: 502, code: null, message: '', reason: null, problems: [] },
    });
  });
});

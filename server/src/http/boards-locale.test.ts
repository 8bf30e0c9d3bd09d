import { describe, expect, it } from 'vitest';
import { validateBoard } from '@rejse/shared';
import { findTemplate } from '@rejse/templates';
import { createTestApp, createdBoard, postJson, tickingClock } from './test-app.ts';

const setup = () => createTestApp({ now: tickingClock('2026-01-01T00:00:00Z') }).app;

describe('boards in a language', () => {
  it('a board created with a locale gets that language’s template texts, locale and currency', async () => {
    const app = setup();
    const danish = findTemplate('collection-letters', 'da');
    expect(danish?.board.locale).toBe('da');
    const board = await createdBoard(app, { template: 'collection-letters', locale: 'da', currency: 'DKK' });
    expect(board.locale).toBe('da');
    expect(board.currency).toBe('DKK');
    expect(board.title).toBe(danish?.board.title);
    expect(board.stages.map((s) => s.title)).toEqual(danish?.board.stages.map((s) => s.title));
    expect(validateBoard(board).ok).toBe(true);
  });

  it('a region tag picks the language’s template and is kept as the board’s locale', async () => {
    const board = await createdBoard(setup(), { template: 'blank', locale: 'sv-se', currency: 'EUR' });
    expect(board.locale).toBe('sv-SE');
    expect(board.currency).toBe('EUR');
    expect(board.lanes.map((l) => l.title)).toEqual(findTemplate('blank', 'sv')?.board.lanes.map((l) => l.title));
  });

  it('without a locale the board is the English template with the template’s currency', async () => {
    const board = await createdBoard(setup(), { template: 'blank' });
    expect(board.locale).toBe('en');
    expect(board.currency).toBe(findTemplate('blank')?.board.currency);
  });

  it('a malformed locale or an unknown currency is refused with 400', async () => {
    const app = setup();
    expect((await app.request('/api/boards', postJson({ locale: 'not a tag' }))).status).toBe(400);
    expect((await app.request('/api/boards', postJson({ locale: 42 }))).status).toBe(400);
    expect((await app.request('/api/boards', postJson({ locale: 'da', currency: 'GBP' }))).status).toBe(400);
  });

  it('the template list speaks the language asked for', async () => {
    const app = setup();
    const list = (await (await app.request('/api/templates?locale=sv')).json()) as { id: string; title: string }[];
    expect(list.find((t) => t.id === 'collection-letters')?.title).toBe(findTemplate('collection-letters', 'sv')?.title);
  });
});

import { describe, expect, it } from 'vitest';
import {
  actionListCsv,
  actionListMarkdown,
  DEFAULT_TOP_N,
  figureSource,
  letterLab,
  rankActions,
  renderBusinessText,
  reportModel,
  trackerCsv,
  type Board,
  type Card,
} from '@rejse/shared';
import { parseCsv } from '@rejse/shared/testing';
import { findTemplate, TEMPLATE_LOCALES } from './index.ts';

const boardOf = (locale: string): Board => {
  const t = findTemplate('collection-letters', locale);
  if (!t) throw new Error('no collection-letters template');
  return t.board;
};

/** An idea's touchpoints have figures when each effect's touchpoint carries a yearly volume and a cost. */
function touchpointsHaveFigures(board: Board, idea: Card): boolean {
  const source = figureSource(board);
  return (idea.effects ?? []).every((e) => {
    if (e.kind === 'customers-kept') return true;
    const tp = source.touchpoint(e.touchpointId);
    return tp?.metrics?.yearlyVolume !== undefined && tp.metrics.costPerContact !== undefined;
  });
}

describe('the collection-letters business case', () => {
  const board = boardOf('en');
  const ranked = rankActions(board, { by: 'manual' });

  it('states effects on all twelve ideas', () => {
    expect(ranked).toHaveLength(12);
    expect(ranked.every((r) => (r.card.effects?.length ?? 0) > 0)).toBe(true);
  });

  it('the CSV carries a value for each action whose touchpoints have figures, and the total of the top 12', () => {
    const [header, ...rows] = parseCsv(actionListCsv(board, { bom: false }), ',');
    expect(header?.slice(-4)).toEqual(['Value a year', 'Value, low', 'Value, high', 'Contacts avoided a year']);
    const valueAt = header?.indexOf('Value a year') ?? -1;
    const actionAt = header?.indexOf('Action') ?? -1;
    const total = rows.at(-1);
    const actions = rows.slice(0, -1);
    expect(actions).toHaveLength(12);
    let sum = 0;
    for (const row of ranked) {
      const line = actions.find((cells) => cells[actionAt] === row.card.text);
      const cell = line?.[valueAt] ?? '';
      if (touchpointsHaveFigures(board, row.card)) {
        expect(Number(cell), row.card.text).toBeGreaterThan(0);
        sum += Number(cell);
      } else {
        expect(cell, row.card.text).toBe('');
      }
    }
    expect(ranked.filter((r) => touchpointsHaveFigures(board, r.card))).toHaveLength(11);
    expect(total?.[actionAt]).toBe('Total of the top 12');
    expect(Number(total?.[valueAt])).toBeCloseTo(sum, 2);
  });

  it('names what is missing for the action it cannot value', () => {
    const agentView = ranked.find((r) => r.businessCase.value === null);
    expect(agentView?.businessCase.missing.map((m) => renderBusinessText(m, 'en', 'DKK'))).toEqual([
      'Add the contacts a year at “Agent finds the original creditor and product” (Customer contact) to value this',
    ]);
  });

  it('includes the reference arithmetic: 500 customers kept × 5,000 DKK × 5 years = 12.5 M DKK', () => {
    const plan = ranked.find((r) => r.card.id === 'c_idea_plan_self_service');
    expect(plan?.businessCase.effects.map((e) => e.value)).toEqual([24_000 * 40, 12_500_000]);
  });

  it.each(TEMPLATE_LOCALES)('gives the same values in every language (%s), in the Markdown, report and tracker file too', (locale) => {
    const translated = boardOf(locale);
    const values = rankActions(translated, { by: 'manual' }).map((r) => r.businessCase.value?.mid ?? null);
    expect(values).toEqual(ranked.map((r) => r.businessCase.value?.mid ?? null));
    const report = reportModel(translated, { generatedAt: new Date('2026-03-01T10:00:00Z') });
    expect(report.topTotal.n).toBe(DEFAULT_TOP_N);
    expect(report.topTotal.value?.mid).toBe(values.reduce((s: number, v) => s + (v ?? 0), 0));
    expect(actionListMarkdown(translated)).toMatch(/\*\*(Total of the top|I alt for top|Totalt för topp) 12:\*\*/);
    expect(parseCsv(trackerCsv(translated, { layout: 'jira' }), ',')).toHaveLength(13);
  });
});

describe('the collection-letters letters', () => {
  it.each(TEMPLATE_LOCALES)('the letter in use today (%s) is the poor one: hard to read and missing most of the checklist', (locale) => {
    const letter = boardOf(locale).cards.find((c) => c.id === 'c_collection_letter');
    const [today, improved] = letterLab(letter?.message, locale);
    expect(today?.inUse).toBe(true);
    expect(improved?.inUse).toBe(false);
    expect(today?.found).toBeLessThanOrEqual(2);
    expect(improved?.found).toBe(7);
    // Readability formulas are best at comparing two versions of one letter (DOMAIN.md).
    expect(['hard', 'very-hard']).toContain(today?.readability.level);
    expect(['very-easy', 'easy']).toContain(improved?.readability.level);
    const gap = (today?.readability.score ?? 0) - (improved?.readability.score ?? 0);
    if (locale === 'en')
      expect(gap).toBeLessThanOrEqual(-40); // Flesch: higher is easier
    else expect(gap).toBeGreaterThanOrEqual(25); // LIX: lower is easier
    expect(today?.checklist.filter((c) => !c.found).map((c) => c.item)).toEqual(
      expect.arrayContaining(['original-creditor', 'product-or-invoice', 'amount-and-due-date', 'help-or-plan']),
    );
  });

  it.each(TEMPLATE_LOCALES)('the reminder (%s) passes the whole checklist', (locale) => {
    const reminder = boardOf(locale).cards.find((c) => c.id === 'c_reminder');
    const [verdict] = letterLab(reminder?.message, locale);
    expect(verdict?.checklist.filter((c) => !c.found).map((c) => c.item)).toEqual([]);
  });
});

import {
  EXAMPLE_DANISH_PROCESS,
  EXAMPLE_SWEDISH_PROCESS,
  formatDueDay,
  formatSpan,
  generateDunningBoard,
  reportModel,
  stageSpans,
  type Board,
  type CardId,
  type LaneId,
  type StageId,
} from '@rejse/shared';
import { findTemplate } from '@rejse/templates';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReportHtml } from './report-html.ts';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;';

function hostileBoard(): Board {
  const stage = (id: string, title: string) => ({ id: id as StageId, title });
  const card = (id: string, kind: 'touchpoint' | 'pain' | 'idea', stageId: string, extra: Record<string, unknown> = {}) => ({
    id: id as CardId,
    kind,
    stageId: stageId as StageId,
    laneId: 'l_all' as LaneId,
    order: 1,
    text: HOSTILE,
    ...extra,
  });
  return {
    id: 'b_hostile' as Board['id'],
    title: `${HOSTILE} title`,
    schemaVersion: 2,
    scenarios: [],
    cadenceRules: [],
    locale: 'en',
    currency: 'DKK',
    personas: [{ id: 'p_one' as Board['personas'][number]['id'], name: HOSTILE, segment: '"><svg onload=alert(1)>', description: '' }],
    activePersonaId: null,
    stages: [stage('s_one', `${HOSTILE} stage`), stage('s_two', '</text><script>x</script>')],
    lanes: [{ id: 'l_all' as LaneId, title: 'All', kind: 'custom' }],
    cards: [
      card('c_tp', 'touchpoint', 's_one', { emotion: -2 }),
      card('c_tp2', 'touchpoint', 's_two', { emotion: 1 }),
      card('c_pain', 'pain', 's_one'),
      card('c_idea', 'idea', 's_two', { owner: HOSTILE, impact: 4, effort: 2 }),
    ],
    links: [{ id: 'k_one' as Board['links'][number]['id'], from: 'c_idea' as CardId, to: 'c_pain' as CardId }],
  } as Board;
}

describe('report HTML', () => {
  const html = renderReportHtml(reportModel(hostileBoard(), { generatedAt: new Date('2026-03-05T10:00:00Z'), participants: [HOSTILE] }), {
    boardId: 'b_hostile',
  });

  it('escapes every piece of user text: no tag, attribute or entity of theirs survives', () => {
    expect(html).not.toMatch(/<script|<img|<svg onload|onerror=alert\(1\)>|&amp;(?!amp;|lt;|gt;|quot;|#39;)/);
    // Ours: one <svg> (the chart), no scripts at all.
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;');
  });

  it('draws the chart from numbers only', () => {
    const paths = [...html.matchAll(/<path class="curve" d="([^"]*)"/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(0);
    for (const d of paths) expect(d).toMatch(/^[ML0-9. -]+$/);
  });

  it('escapes the five characters HTML gives a meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('report HTML: the dunning journey', () => {
  const render = (board: Board) => renderReportHtml(reportModel(board, { generatedAt: new Date('2026-03-05T10:00:00Z') }), { boardId: board.id });

  it('a template board’s report shows each stage’s days and each touchpoint at its day, in the board’s language', () => {
    const template = findTemplate('collection-letters', 'da');
    expect(template).toBeDefined();
    const board = template!.board;
    const html = render(board);
    expect(html).toContain('<h2>Tid, kontaktrytme og skyldnerscenarier</h2>');
    const dated = board.cards.filter((c) => c.kind === 'touchpoint' && c.dayOffset !== undefined);
    expect(dated.length).toBeGreaterThan(3);
    for (const card of dated) expect(html).toContain(`<span class="day">${escapeHtml(formatDueDay(card.dayOffset!))}</span> ${escapeHtml(card.text)}`);
    for (const span of stageSpans(board)) if (span.from !== null) expect(html).toContain(`<td class="nowrap day">${escapeHtml(formatSpan(span)!)}</td>`);
    expect(html).toContain('<h3>Kontakter pr. uge</h3>');
  });

  it('a crafted over-contact board shows its cadence warning and marks the week', () => {
    const board = generateDunningBoard(EXAMPLE_DANISH_PROCESS, 'en');
    const extra = [2, 3, 4].map((day, i) => ({ ...board.cards.find((c) => c.id === 'c_nudgeFirst')!, id: `c_extra${i}` as CardId, dayOffset: day, order: 10 + i }));
    board.cards.push(...extra);
    const html = render(board);
    expect(html).toMatch(/<ul class="warnings"><li>5 contacts between D0 and D\+4: more than 3 in 7 days/);
    expect(html).toContain('<tr class="warned">');
    expect(html).toContain('<li>At most 3 contacts in 7 days</li>');
    // The pre-reminder template, as it ships, has no warning.
    expect(render(findTemplate('pre-reminder-window', 'en')!.board)).toContain('<p class="ok">No cadence or checkpoint warning.</p>');
  });

  it('draws one curve per scenario from numbers only, named in the legend, hostile names escaped', () => {
    const board = generateDunningBoard(EXAMPLE_SWEDISH_PROCESS, 'sv');
    board.scenarios[0]!.name = HOSTILE;
    const html = render(board);
    const section = html.slice(html.indexOf('<section class="block dunning"'));
    expect(section).toContain('<h3>Känslokurva per gäldenärsscenario</h3>');
    for (const name of [escapeHtml(HOSTILE), 'Tillfälliga betalningssvårigheter (Avbetalningsplan)', 'Sårbar kund (Avbetalningsplan, sårbar)']) {
      expect(section).toContain(name);
    }
    expect(html).not.toMatch(/<script|<img/);
    expect(section.match(/<g class="scenario-curve"/g)).toHaveLength(5);
    const paths = [...section.matchAll(/<path class="scenario-line" stroke="(#[0-9a-f]{6})" d="([^"]*)"/g)];
    expect(paths.length).toBeGreaterThanOrEqual(5);
    for (const [, , d] of paths) expect(d).toMatch(/^[ML0-9. -]+$/);
    // Different debtors, different curves.
    expect(new Set(paths.map((p) => p[2])).size).toBeGreaterThan(1);
  });
});

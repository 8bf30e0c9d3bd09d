import {
  EXAMPLE_DANISH_PROCESS,
  EXAMPLE_SWEDISH_PROCESS,
  formatDueDay,
  formatSpan,
  generateDunningBoard,
  mapSvg,
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
    schemaVersion: 4,
    scenarios: [],
    cadenceRules: [],
    locale: 'en',
    currency: 'DKK',
    personas: [
      {
        id: 'p_one' as Board['personas'][number]['id'],
        name: HOSTILE,
        segment: '"><svg onload=alert(1)>',
        description: '',
      },
    ],
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

  it('inlines the map drawn from the layout, with every hostile text still escaped, and prints it landscape on a page of its own', () => {
    const board = hostileBoard();
    const withMap = renderReportHtml(reportModel(board, { generatedAt: new Date('2026-03-05T10:00:00Z') }), {
      boardId: board.id,
      mapSvg: mapSvg(board).svg,
    });
    expect(withMap).not.toMatch(/<script|<img|<svg onload|onerror=alert\(1\)>/);
    expect(withMap.match(/<svg/g)).toHaveLength(2);
    expect(withMap).toMatch(/<figure class="map"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(withMap).toContain('&#60;script&#62;alert(&#34;x&#34;)');
    expect(withMap).toContain('@page { size: A4 landscape;');
    expect(withMap).toContain('.block--map { break-before: page;');
  });
});

describe('report HTML with a business case', () => {
  /** The hostile board, in Danish, with figures on its touchpoint and effects on two ideas (one of them missing a figure). */
  function valuedBoard(locale: string): Board {
    const board = hostileBoard();
    return {
      ...board,
      locale,
      cards: [
        ...board.cards.map((c) =>
          c.id === 'c_tp' ? { ...c, channel: 'phone', metrics: { yearlyVolume: 800_000, costPerContact: 40 } } : c,
        ),
        {
          id: 'c_idea2' as CardId,
          kind: 'idea',
          stageId: 's_one' as StageId,
          laneId: 'l_all' as LaneId,
          order: 2,
          text: 'Fewer calls',
          impact: 5,
          effort: 1,
          effects: [{ kind: 'fewer-contacts', touchpointId: 'c_tp', share: 0.25 }],
        },
        {
          id: 'c_idea3' as CardId,
          kind: 'idea',
          stageId: 's_one' as StageId,
          laneId: 'l_all' as LaneId,
          order: 3,
          text: 'Fewer second calls',
          impact: 1,
          effort: 5,
          effects: [{ kind: 'fewer-contacts', touchpointId: 'c_tp2', share: 0.5 }],
        },
      ],
    } as Board;
  }
  const render = (locale: string) =>
    renderReportHtml(reportModel(valuedBoard(locale), { generatedAt: new Date('2026-03-05T10:00:00Z'), topN: 3 }), {
      boardId: 'b_hostile',
    }).replace(/[\u00a0\u202f]/g, ' ');

  it('shows the value a year per action and the total of the top N, in the board’s currency and locale', () => {
    const html = render('da-DK');
    expect(html).toContain('<th class="num">Værdi om året</th>');
    // 800,000 calls × 25 % × 40 kr. = 8,000,000 kr.; confidence not set (3) gives ±40 %.
    expect(html).toContain(
      '<td class="num value nowrap">8.000.000 kr.<br><span class="muted small">4.800.000 kr. – 11.200.000 kr.</span></td>',
    );
    expect(html).toContain('<p class="total"><strong>I alt for top 3: </strong>8.000.000 kr. (4.800.000 kr. – 11.200.000 kr.)</p>');
    expect(render('en')).toContain('<strong>Total of the top 3: </strong>DKK 8,000,000 (DKK 4,800,000 – DKK 11,200,000)');
  });

  it('names what is missing for an action without a value, with the user’s words escaped', () => {
    const html = render('en');
    expect(html).toContain(
      `no value yet: Add the contacts a year at “${escapeHtml(HOSTILE)}” (&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;) to value this`,
    );
    expect(html).not.toMatch(/<script|<img/);
  });

  it('has no value column on a board where no idea states an effect', () => {
    const html = renderReportHtml(reportModel(hostileBoard(), { generatedAt: new Date('2026-03-05T10:00:00Z') }), {
      boardId: 'b_hostile',
    });
    expect(html).not.toContain('Value a year');
    expect(html).not.toContain('class="total"');
  });
});

describe('report HTML: the dunning journey', () => {
  const render = (board: Board) =>
    renderReportHtml(reportModel(board, { generatedAt: new Date('2026-03-05T10:00:00Z') }), { boardId: board.id });

  it('a template board’s report shows each stage’s days and each touchpoint at its day, in the board’s language', () => {
    const template = findTemplate('collection-letters', 'da');
    expect(template).toBeDefined();
    const board = template!.board;
    const html = render(board);
    expect(html).toContain('<h2>Tid, kontaktrytme og skyldnerscenarier</h2>');
    const dated = board.cards.filter((c) => c.kind === 'touchpoint' && c.dayOffset !== undefined);
    expect(dated.length).toBeGreaterThan(3);
    for (const card of dated)
      expect(html).toContain(`<span class="day">${escapeHtml(formatDueDay(card.dayOffset!))}</span> ${escapeHtml(card.text)}`);
    for (const span of stageSpans(board))
      if (span.from !== null) expect(html).toContain(`<td class="nowrap day">${escapeHtml(formatSpan(span)!)}</td>`);
    expect(html).toContain('<h3>Kontakter pr. uge</h3>');
  });

  it('a crafted over-contact board shows its cadence warning and marks the week', () => {
    const board = generateDunningBoard(EXAMPLE_DANISH_PROCESS, 'en');
    const extra = [2, 3, 4].map((day, i) => ({
      ...board.cards.find((c) => c.id === 'c_nudgeFirst')!,
      id: `c_extra${i}` as CardId,
      dayOffset: day,
      order: 10 + i,
    }));
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
    for (const name of [
      escapeHtml(HOSTILE),
      'Tillfälliga betalningssvårigheter (Avbetalningsplan)',
      'Sårbar kund (Avbetalningsplan, sårbar)',
    ]) {
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

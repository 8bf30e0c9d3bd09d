import { reportModel, type Board, type CardId, type LaneId, type StageId } from '@rejse/shared';
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

describe('report HTML with a business case', () => {
  /** The hostile board, in Danish, with figures on its touchpoint and effects on two ideas (one of them missing a figure). */
  function valuedBoard(locale: string): Board {
    const board = hostileBoard();
    return {
      ...board,
      locale,
      cards: [
        ...board.cards.map((c) => (c.id === 'c_tp' ? { ...c, channel: 'phone', metrics: { yearlyVolume: 800_000, costPerContact: 40 } } : c)),
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
    renderReportHtml(reportModel(valuedBoard(locale), { generatedAt: new Date('2026-03-05T10:00:00Z'), topN: 3 }), { boardId: 'b_hostile' }).replace(
      /[\u00a0\u202f]/g,
      ' ',
    );

  it('shows the value a year per action and the total of the top N, in the board’s currency and locale', () => {
    const html = render('da-DK');
    expect(html).toContain('<th class="num">Værdi om året</th>');
    // 800,000 calls × 25 % × 40 kr. = 8,000,000 kr.; confidence not set (3) gives ±40 %.
    expect(html).toContain('<td class="num value nowrap">8.000.000 kr.<br><span class="muted small">4.800.000 kr. – 11.200.000 kr.</span></td>');
    expect(html).toContain('<p class="total"><strong>I alt for top 3: </strong>8.000.000 kr. (4.800.000 kr. – 11.200.000 kr.)</p>');
    expect(render('en')).toContain('<strong>Total of the top 3: </strong>DKK 8,000,000 (DKK 4,800,000 – DKK 11,200,000)');
  });

  it('names what is missing for an action without a value, with the user’s words escaped', () => {
    const html = render('en');
    expect(html).toContain(`no value yet: Add the contacts a year at “${escapeHtml(HOSTILE)}” (&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;) to value this`);
    expect(html).not.toMatch(/<script|<img/);
  });

  it('has no value column on a board where no idea states an effect', () => {
    const html = renderReportHtml(reportModel(hostileBoard(), { generatedAt: new Date('2026-03-05T10:00:00Z') }), { boardId: 'b_hostile' });
    expect(html).not.toContain('Value a year');
    expect(html).not.toContain('class="total"');
  });
});

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

import { describe, expect, it } from 'vitest';
import { buildBoard, idea, votesOf, workshopBoard } from '../../testing/board-fixtures.ts';
import { reportModel } from './report.ts';

const generatedAt = new Date('2026-03-05T23:30:00Z');

describe('report model', () => {
  it('carries the title, the day in the report’s time zone, the persona and the participants', () => {
    const model = reportModel(workshopBoard(), {
      generatedAt,
      timeZone: 'Europe/Copenhagen',
      participants: ['Mette', 'Lars', 'Aino'],
    });
    expect(model.title).toBe('Collection letters');
    expect(model.generatedAt).toBe('2026-03-05T23:30:00.000Z');
    expect(model.date).toBe('2026-03-06');
    expect(model.dateText).toBe('March 6, 2026');
    expect(model.persona?.name).toBe('Young customer');
    expect(model.participants).toEqual(['Mette', 'Lars', 'Aino']);
    expect(model.counts.participants).toBe(3);
  });

  it('counts the day in UTC by default and when the time zone is unknown', () => {
    expect(reportModel(workshopBoard(), { generatedAt }).date).toBe('2026-03-05');
    expect(reportModel(workshopBoard(), { generatedAt, timeZone: 'Mars/Olympus' }).date).toBe('2026-03-05');
  });

  it('has an emotion curve point per stage with its title, and a gap where nothing was scored', () => {
    const { emotionCurve } = reportModel(workshopBoard(), { generatedAt });
    expect(emotionCurve.map((p) => [p.stageTitle, p.mean, p.min])).toEqual([
      ['invoice', 0, 0],
      ['reminder', -0.5, -2],
      ['collection', -1, -1],
      ['paid', null, null],
    ]);
  });

  it('groups pains by stage with their severity and the live ideas that address them', () => {
    const { painsByStage, counts } = reportModel(workshopBoard(), { generatedAt });
    expect(painsByStage.map((g) => g.stageTitle)).toEqual(['invoice', 'reminder', 'collection']);
    expect(painsByStage.map((g) => g.pains.map((p) => [p.id, p.severity, p.addressedBy.map((i) => i.id)]))).toEqual([
      [['p_unclear', 1, ['i_plain', 'i_creditor']]],
      [['p_mistake', 3, ['i_creditor']]],
      [['p_fee', 2, ['i_fee']]],
    ]);
    expect(counts.painsWithoutAction).toBe(0);
  });

  it('lists the top-N actions with owners, due dates and linked pains, and counts the rest', () => {
    const model = reportModel(workshopBoard(), { generatedAt, topN: 2, votes: votesOf({ i_portal: 20 }) });
    expect(model.topN).toBe(2);
    expect(model.actions.map((a) => a.id)).toEqual(['i_creditor', 'i_portal']);
    expect(model.actions[0]).toMatchObject({
      rank: 1,
      text: 'Name the original creditor',
      stageTitle: 'reminder',
      owner: 'Lars',
      dueDate: '2026-03-01',
      status: 'in-progress',
      quadrant: 'quick-win',
      incomplete: false,
      linkedPains: [
        { id: 'p_unclear', text: 'Invoice is unclear', severity: 1 },
        { id: 'p_mistake', text: 'Thinks the claim is a mistake', severity: 3 },
      ],
    });
    expect(model.actions[1]).toMatchObject({ owner: null, dueDate: null, votes: 20, linkedPains: [] });
    expect(model.belowLine).toBe(3);
  });

  it('defaults to the twelve-proposal cut', () => {
    const many = buildBoard({
      cards: Array.from({ length: 15 }, (_, i) => idea(`i_${i}`, 's_invoice', { impact: 3, effort: 3 })),
    });
    const model = reportModel(many, { generatedAt });
    expect(model.actions).toHaveLength(12);
    expect(model.belowLine).toBe(3);
  });

  it('counts stages, cards, dropped ideas and votes', () => {
    const { counts } = reportModel(workshopBoard(), {
      generatedAt,
      votes: votesOf({ i_plain: 2, i_fee: 3, i_dropped: 7 }),
    });
    expect(counts).toEqual({
      stages: 4,
      touchpoints: 4,
      pains: 3,
      painsWithoutAction: 0,
      ideas: 6,
      actions: 5,
      dropped: 1,
      votes: 5,
      participants: 0,
    });
  });

  it('counts a pain addressed only by a dropped idea as a pain without action', () => {
    const board = workshopBoard();
    board.links = board.links.filter((l) => !(l.from === 'i_fee' && l.to === 'p_fee'));
    expect(reportModel(board, { generatedAt }).counts.painsWithoutAction).toBe(1);
  });

  it('is plain data that survives a JSON round trip unchanged', () => {
    const model = reportModel(workshopBoard(), { generatedAt, participants: ['Mette'] });
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

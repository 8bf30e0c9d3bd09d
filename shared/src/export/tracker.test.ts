import { describe, expect, it } from 'vitest';
import { buildBoard, idea, link, pain, touchpoint } from '../../testing/board-fixtures.ts';
import { parseCsv } from '../../testing/csv.ts';
import { trackerCsv, trackerLabel, TRACKER_SUMMARY_MAX } from './tracker.ts';

const board = buildBoard({
  title: 'Collection',
  stages: ['s_contact', 's_paid'],
  cards: [
    touchpoint('t_calls', 's_contact', -2, {
      text: 'Calls customer service',
      metrics: { yearlyVolume: 800_000, costPerContact: 40 },
    }),
    pain('p_simple', 's_contact', { text: 'Simple questions need a call' }),
    idea('i_pages', 's_contact', {
      text: '“My pages” log-in',
      impact: 5,
      effort: 4,
      owner: 'Ann <ann@example.com>',
      dueDate: '2026-09-30',
      effects: [{ kind: 'fewer-contacts', touchpointId: 't_calls', share: 0.25 }],
    }),
    idea('i_formula', 's_paid', { text: '=HYPERLINK("http://evil")', impact: 1, effort: 5 }),
  ],
  links: [link('i_pages', 'p_simple')],
});

const cells = (layout: 'jira' | 'azure-devops', locale?: string) =>
  parseCsv(trackerCsv(board, { layout, ...(locale ? { locale } : {}) }), ',');

describe('hand-off to a tracker', () => {
  it('writes Jira’s columns, one Labels column per label, and no byte-order mark', () => {
    const csv = trackerCsv(board, { layout: 'jira' });
    expect(csv.startsWith('Summary,')).toBe(true);
    const [header, first] = cells('jira');
    expect(header).toEqual(['Summary', 'Description', 'Assignee', 'Due date', 'Labels', 'Labels', 'Labels']);
    expect(first?.slice(0, 4).filter((_, i) => i !== 1)).toEqual(['“My pages” log-in', 'Ann <ann@example.com>', '2026-09-30']);
    expect(first?.slice(4)).toEqual(['rejse', 'contact', 'big-bet']);
  });

  it('puts the linked pains, the value and its formula into the description, in the board’s words and currency', () => {
    const description = cells('jira')[1]?.[1] ?? '';
    expect(description).toContain('Rank 1 of 2 on the to-do list');
    expect(description).toContain('Pain points it addresses:\n- Simple questions need a call');
    expect(description.replace(/\u00a0/g, ' ')).toContain('Value a year: DKK 8,000,000 (DKK 4,800,000 – DKK 11,200,000)');
    expect(description).toContain('200,000 contacts avoided');
    const danish = cells('jira', 'da')[1]?.[1]?.replace(/\u00a0/g, ' ') ?? '';
    expect(danish).toContain('Værdi om året: 8.000.000 kr.');
    expect(danish).toContain('Smertepunkter, den løser:');
  });

  it('names the missing figures of an action without a value', () => {
    const description = cells('jira')[2]?.[1] ?? '';
    expect(description).toContain('Figures still missing:\n- State what this idea changes');
    expect(description).not.toContain('Value a year:');
  });

  it('neutralises formulas in user text', () => {
    expect(cells('jira')[2]?.[0]).toBe('\'=HYPERLINK("http://evil")');
  });

  it('writes Azure DevOps’ columns, with the description as escaped HTML and tags separated by semicolons', () => {
    const [header, first] = cells('azure-devops');
    expect(header).toEqual(['Work Item Type', 'Title', 'Description', 'Assigned To', 'Due Date', 'Tags']);
    expect(first?.[0]).toBe('Issue');
    expect(first?.[5]).toBe('rejse; contact; big-bet');
    expect(first?.[2]).toContain('<br>Stage: contact<br>');
    expect(first?.[2]).not.toContain('\n');
    expect(first?.[3]).toBe('Ann <ann@example.com>');
    const withTag = trackerCsv(
      { ...board, cards: board.cards.map((c) => (c.id === 'p_simple' ? { ...c, text: '<b>bold</b>' } : c)) },
      { layout: 'azure-devops' },
    );
    expect(parseCsv(withTag, ',')[1]?.[2]).toContain('- &lt;b&gt;bold&lt;/b&gt;');
  });

  it('hands off the top N only, and caps a summary at 255 characters', () => {
    expect(parseCsv(trackerCsv(board, { layout: 'jira', topN: 1 }), ',')).toHaveLength(2);
    const long = {
      ...board,
      cards: board.cards.map((c) => (c.id === 'i_pages' ? { ...c, text: 'x'.repeat(400) } : c)),
    };
    expect(parseCsv(trackerCsv(long, { layout: 'azure-devops' }), ',')[1]?.[1]).toHaveLength(TRACKER_SUMMARY_MAX);
  });

  it('makes labels without spaces', () => {
    expect(trackerLabel('  Customer  contact, phone ')).toBe('customer-contact-phone');
    expect(trackerLabel('Inkassobrev')).toBe('inkassobrev');
  });
});

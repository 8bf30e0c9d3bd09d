import { describe, expect, it } from 'vitest';
import { buildBoard, note, workshopBoard } from '../../testing/board-fixtures.ts';
import { layoutGrid } from './grid.ts';
import { PERSONA_CURVE_COLOURS, PERSONA_CURVE_DASHES } from './curve.ts';
import type { PersonaId } from '../ids.ts';
import { escapeXml, mapArea, mapSvg, wrapText } from './svg.ts';

describe('the map as SVG, drawn from the layout', () => {
  it('draws every card, stage and lane of the board inside the whole map’s viewBox', () => {
    const board = workshopBoard();
    const { svg, width, height } = mapSvg(board);
    const area = mapArea(layoutGrid(board).layout);
    expect(svg).toContain(`viewBox="${area.x} ${area.y} ${area.width} ${area.height}"`);
    expect([width, height]).toEqual([area.width, area.height]);
    for (const stage of board.stages) expect(svg).toContain(escapeXml(stage.title));
    for (const lane of board.lanes) expect(svg).toContain(escapeXml(lane.title));
    for (const card of board.cards) expect(svg).toContain(escapeXml(wrapText(card.text, 33, 1)[0]!.replace(/…$/, '')));
  });

  it('writes user text as text: markup in a title or a card stays escaped', () => {
    const board = buildBoard({
      title: '<script>alert(1)</script>',
      cards: [note('c_x', 's_invoice', { text: '"><img src=x onerror=alert(1)> & co' })],
    });
    const { svg } = mapSvg(board);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).toContain('&#38;');
    expect(svg).toContain('&#34;&#62;');
  });

  it('a part of the map (the current view) is drawn at its own size and scale, leaving out cards outside it', () => {
    const board = workshopBoard();
    const layout = layoutGrid(board).layout;
    const [first] = [...layout.cards.values()];
    const area = { x: first!.x - 5, y: first!.y - 5, width: first!.width + 10, height: first!.height + 10 };
    const { svg, width, height } = mapSvg(board, { area, scale: 2 });
    expect([width, height]).toEqual([Math.round(area.width * 2), Math.round(area.height * 2)]);
    expect(svg.match(/<g><rect /g)?.length).toBe(1);
  });

  it('wraps words into the lines a card shows and ends a longer text with an ellipsis', () => {
    expect(wrapText('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('one two three four', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('Kreditvurdering', 6, 3)).toEqual(['Kredit', 'vurder', 'ing']);
    expect(wrapText('a\nb', 9, 3)).toEqual(['a', 'b']);
  });

  it('draws one curve per persona in its colour, with a legend naming each, and one shared curve with a single persona', () => {
    const board = workshopBoard();
    const second = { id: 'p_2' as PersonaId, name: 'Small <firm>', description: '', segment: '' };
    const cards = board.cards.map((c) => (c.id === 't_letter' ? { ...c, personaEmotions: { p_2: 2 as const } } : c));
    const { svg } = mapSvg({ ...board, personas: [...board.personas, second], cards });
    for (const colour of PERSONA_CURVE_COLOURS.slice(0, 2)) expect(svg).toContain(`stroke="${colour}" stroke-width="2.5"`);
    expect(svg).not.toContain(`stroke="${PERSONA_CURVE_COLOURS[2]}"`);
    // The second curve differs in its line pattern too, not only in colour.
    expect(svg).toContain(`stroke="${PERSONA_CURVE_COLOURS[1]}" stroke-width="2.5" stroke-dasharray="${PERSONA_CURVE_DASHES[1]}"`);
    expect(svg).toContain('>Young customer</text>');
    expect(svg).toContain('>Small &#60;firm&#62;</text>');
    const shared = mapSvg(board).svg;
    expect(shared).not.toContain(`stroke="${PERSONA_CURVE_COLOURS[1]}"`);
    expect(shared).toContain('stroke="#1f5f6b" stroke-width="2.5"');
  });
});

import type { CardId, LaneId, LaneKind, StageId } from '@rejse/shared';
import { cardAt, emotionCurve } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import { bandPath, CURVE, emotionY, placeCurve, smoothPath } from './curve.ts';
import {
  appendedCardRect,
  CARD_TEXT,
  CARD_WIDTH,
  cardHeight,
  cellAt,
  computeLayout,
  dropIndex,
  emotionHostLane,
  GRID,
  textLines,
  type LayoutCard,
  type LayoutInput,
} from './layout.ts';
import { fitViewport, stagesViewport, stageViewport } from './viewport.ts';

const stage = (id: string) => ({ id: id as StageId });
const lane = (id: string, kind: LaneKind = 'custom') => ({ id: id as LaneId, kind });
const card = (id: string, stageId: string, laneId: string, order: number, text = ''): LayoutCard => ({
  id: id as CardId,
  stageId: stageId as StageId,
  laneId: laneId as LaneId,
  order,
  text,
});

function board(cards: LayoutCard[] = []): LayoutInput {
  return {
    stages: [stage('s1'), stage('s2'), stage('s3')],
    lanes: [lane('l1', 'touchpoints'), lane('l2', 'pains'), lane('l3', 'ideas')],
    cards,
  };
}

describe('grid layout', () => {
  it('puts stage columns left to right after the lane header column', () => {
    const layout = computeLayout(board());
    expect(layout.stages.map((s) => s.x)).toEqual([
      GRID.laneHeaderWidth,
      GRID.laneHeaderWidth + GRID.stageWidth,
      GRID.laneHeaderWidth + 2 * GRID.stageWidth,
    ]);
    expect(layout.grid).toEqual({
      x: GRID.laneHeaderWidth,
      y: GRID.stageHeaderHeight,
      width: 3 * GRID.stageWidth,
      height: 3 * GRID.minLaneHeight,
    });
    expect(layout.addStage.x).toBe(layout.grid.x + layout.grid.width);
    expect(layout.addLane.y).toBe(layout.grid.y + layout.grid.height);
  });

  it('puts lane rows top to bottom under the stage header row, each at least the minimum height', () => {
    const layout = computeLayout(board());
    expect(layout.lanes.map((l) => [l.y, l.height])).toEqual([
      [GRID.stageHeaderHeight, GRID.minLaneHeight],
      [GRID.stageHeaderHeight + GRID.minLaneHeight, GRID.minLaneHeight],
      [GRID.stageHeaderHeight + 2 * GRID.minLaneHeight, GRID.minLaneHeight],
    ]);
  });

  it('stacks the cards of a cell by their order, not by their position in the input', () => {
    const layout = computeLayout(board([card('b', 's2', 'l1', 2), card('a', 's2', 'l1', 1), card('c', 's2', 'l1', 3)]));
    const [a, b, c] = ['a', 'b', 'c'].map((id) => layout.cards.get(id)!);
    expect([a!.index, b!.index, c!.index]).toEqual([0, 1, 2]);
    expect(a!.x).toBe(GRID.laneHeaderWidth + GRID.stageWidth + GRID.cellPadding);
    expect(a!.y).toBe(GRID.stageHeaderHeight + GRID.cellPadding);
    expect(b!.y).toBe(a!.y + a!.height + GRID.cardGap);
    expect(c!.y).toBe(b!.y + b!.height + GRID.cardGap);
    expect(a!.width).toBe(CARD_WIDTH);
    expect(layout.cellCards.get(`s2\u0000l1`)).toEqual(['a', 'b', 'c']);
  });

  it('grows a lane to fit its fullest cell and leaves the other lanes alone', () => {
    const cards = Array.from({ length: 5 }, (_, i) => card(`c${i}`, 's1', 'l2', i, 'x'.repeat(60)));
    const layout = computeLayout(board([...cards, card('single', 's3', 'l2', 1)]));
    const expected = GRID.cellPadding + 5 * cardHeight(textLines('x'.repeat(60))) + 4 * GRID.cardGap + GRID.cardGap + GRID.addButtonSpace;
    expect(layout.lanes[1]!.height).toBe(expected);
    expect(layout.lanes[0]!.height).toBe(GRID.minLaneHeight);
    expect(layout.lanes[2]!.y).toBe(layout.lanes[1]!.y + expected);
  });

  it('gives the emotions lane room for the curve and hosts the curve there, else in the touchpoints lane', () => {
    const withEmotions = computeLayout({ ...board(), lanes: [lane('t', 'touchpoints'), lane('e', 'emotions')] });
    expect(withEmotions.lanes[1]!.height).toBe(GRID.emotionLaneMinHeight);
    expect(emotionHostLane(withEmotions)?.id).toBe('e');
    expect(emotionHostLane(computeLayout(board()))?.id).toBe('l1');
    expect(emotionHostLane(computeLayout({ ...board(), lanes: [lane('x')] }))).toBeNull();
  });

  it('ignores a card whose stage or lane is missing instead of placing it nowhere', () => {
    const layout = computeLayout(board([card('lost', 'gone', 'l1', 1)]));
    expect(layout.cards.has('lost')).toBe(false);
  });

  it('counts explicit line breaks and wrapped lines, within the clamp', () => {
    expect(textLines('')).toBe(1);
    expect(textLines('short')).toBe(1);
    expect(textLines('a\nb\nc')).toBe(3);
    expect(textLines('x'.repeat(CARD_TEXT.charsPerLine + 1))).toBe(2);
    expect(textLines('x\n'.repeat(40))).toBe(CARD_TEXT.maxLines);
  });
});

describe('dropping on the grid', () => {
  const layout = computeLayout(board([card('a', 's1', 'l1', 1), card('b', 's1', 'l1', 2), card('c', 's2', 'l2', 1)]));

  it('finds the cell under a point and nothing over the headers or outside', () => {
    const s2 = layout.stages[1]!;
    const l2 = layout.lanes[1]!;
    expect(cellAt(layout, { x: s2.x + 5, y: l2.y + 5 })).toEqual({ stageId: 's2', laneId: 'l2' });
    expect(cellAt(layout, { x: s2.x + 5, y: 10 })).toBeNull();
    expect(cellAt(layout, { x: 10, y: l2.y + 5 })).toBeNull();
    expect(cellAt(layout, { x: layout.grid.x + layout.grid.width + 1, y: l2.y + 5 })).toBeNull();
  });

  it('finds the card whose box is under a point (the far layer’s hit test), and none between cards', () => {
    const a = layout.cards.get('a')!;
    const b = layout.cards.get('b')!;
    expect(cardAt(layout, { x: a.x + a.width / 2, y: a.y + a.height / 2 })).toBe('a');
    expect(cardAt(layout, { x: b.x + 1, y: b.y + b.height - 1 })).toBe('b');
    expect(cardAt(layout, { x: a.x + 5, y: (a.y + a.height + b.y) / 2 })).toBeNull();
    expect(cardAt(layout, { x: a.x - 20, y: 10 })).toBeNull();
  });

  it('inserts above the first card whose middle is below the drop point', () => {
    const a = layout.cards.get('a')!;
    const b = layout.cards.get('b')!;
    const none = new Set<string>();
    expect(dropIndex(layout, 's1', 'l1', a.y + 2, none)).toBe(0);
    expect(dropIndex(layout, 's1', 'l1', a.y + a.height - 2, none)).toBe(1);
    expect(dropIndex(layout, 's1', 'l1', b.y + b.height + 40, none)).toBe(2);
    expect(dropIndex(layout, 's3', 'l3', 9999, none)).toBe(0);
  });

  it('measures the drop position without the cards being moved', () => {
    const a = layout.cards.get('a')!;
    // With "a" lifted out, "b" is the first card and starts where "a" did.
    expect(dropIndex(layout, 's1', 'l1', a.y + a.height - 2, new Set(['a']))).toBe(1);
    expect(dropIndex(layout, 's1', 'l1', a.y + 2, new Set(['a']))).toBe(0);
  });

  it('places a new card under the last card of its cell', () => {
    const b = layout.cards.get('b')!;
    expect(appendedCardRect(layout, 's1', 'l1')?.y).toBe(b.y + b.height + GRID.cardGap);
    expect(appendedCardRect(layout, 's3', 'l1')?.y).toBe(layout.lanes[0]!.y + GRID.cellPadding);
    expect(appendedCardRect(layout, 'nope', 'l1')).toBeNull();
  });
});

describe('fitting the board to the screen', () => {
  it('centres a board that fits, at most at 100 %', () => {
    const view = fitViewport({ x: 0, y: 0, width: 400, height: 200 }, 1000, 800, { padding: 20 });
    expect(view).toEqual({ zoom: 1, x: 300, y: 300 });
  });

  it('scales a large board down to fit, keeping it centred', () => {
    const view = fitViewport({ x: 0, y: 0, width: 2000, height: 1000 }, 1040, 800, { padding: 20 });
    expect(view.zoom).toBe(0.5);
    expect(view.x).toBe(20);
    expect(view.y).toBe((800 - 500) / 2);
  });

  it('keeps the top-left in view when even the smallest zoom cannot show everything', () => {
    const view = fitViewport({ x: 0, y: 0, width: 2000, height: 40000 }, 1000, 800, { padding: 20, minZoom: 0.15 });
    expect(view.zoom).toBe(0.15);
    expect(view.y).toBe(20);
    expect(view.x).toBe((1000 - 300) / 2);
  });
});

describe('emotion curve geometry', () => {
  it('maps +2 to the top and −2 to the bottom of the plot area', () => {
    expect(emotionY(2, 200)).toBe(CURVE.padTop);
    expect(emotionY(-2, 200)).toBe(200 - CURVE.padBottom);
    expect(emotionY(0, 200)).toBe((CURVE.padTop + 200 - CURVE.padBottom) / 2);
    expect(emotionY(7, 200)).toBe(CURVE.padTop);
  });

  it('splits the curve where a stage has no rated touchpoint', () => {
    const stages = ['s1', 's2', 's3', 's4'].map((id) => ({ id: id as StageId, title: id }));
    const rated = (id: string, stageId: string, emotion: -2 | -1 | 0 | 1 | 2) => ({
      id: id as CardId,
      kind: 'touchpoint' as const,
      stageId: stageId as StageId,
      laneId: 'l' as LaneId,
      order: 1,
      text: '',
      emotion,
    });
    const points = emotionCurve({
      stages,
      cards: [rated('a', 's1', -2), rated('b', 's1', 0), rated('c', 's2', 1), rated('d', 's4', 2)],
    });
    const runs = placeCurve(points, new Map(stages.map((s) => [s.id, s.title])), 100, 200);
    expect(runs.map((run) => run.map((p) => p.stageId))).toEqual([['s1', 's2'], ['s4']]);
    const first = runs[0]![0]!;
    expect(first).toMatchObject({ mean: -1, min: -2, max: 0, count: 2, x: CURVE.axisWidth + 50, title: 's1' });
    expect(first.yMin).toBeGreaterThan(first.y);
    expect(first.yMax).toBeLessThan(first.y);
  });

  it('draws a smooth path from the first point to the last, and a closed band', () => {
    const path = smoothPath([
      { x: 0, y: 10 },
      { x: 50, y: 40 },
      { x: 100, y: 20 },
    ]);
    expect(path.startsWith('M0,10 C')).toBe(true);
    expect(path.endsWith(' 100,20')).toBe(true);
    expect(path.match(/C/g)).toHaveLength(2);
    expect(smoothPath([{ x: 3, y: 4 }])).toBe('M3,4');
    expect(smoothPath([])).toBe('');
    const band = bandPath([
      { stageId: 'a', title: '', count: 1, mean: 0, min: -1, max: 1, x: 0, y: 50, yMin: 70, yMax: 30 },
      { stageId: 'b', title: '', count: 1, mean: 0, min: 0, max: 0, x: 10, y: 50, yMin: 50, yMax: 50 },
    ]);
    expect(band).toBe('M0,30 L10,50 L10,50 L0,70 Z');
  });
});

describe('zoom to a stage', () => {
  const layout = computeLayout(board([card('a', 's2', 'l1', 1, 'x')]));

  it('centres the stage column across the screen and fits its height when it can', () => {
    const view = stageViewport(layout, 's2', 1200, 800, { padding: 20, minZoom: 0.5, maxZoom: 1.25 });
    const stage = layout.stages[1]!;
    expect(view).not.toBeNull();
    expect(view!.zoom).toBe(1.25);
    expect(view!.x + (stage.x + stage.width / 2) * view!.zoom).toBeCloseTo(600);
  });

  it('shows a column too tall for the screen from its header down, at the zoom floor', () => {
    const view = stageViewport(layout, 's1', 1200, 200, { padding: 20, minZoom: 0.5 });
    expect(view).toMatchObject({ zoom: 0.5, y: 20 });
  });

  it('has no viewport for an unknown stage', () => {
    expect(stageViewport(layout, 'nope', 1200, 800)).toBeNull();
  });

  it('presents a stage centred at the readable zoom or larger, from its header down when its column is taller than the screen', () => {
    const stage = layout.stages[1]!;
    const columnHeight = layout.grid.y + layout.grid.height;
    const tall = stagesViewport(layout, { from: 1, to: 1 }, 1440, columnHeight * 0.5, { padding: 28 });
    expect(tall).toMatchObject({ zoom: 1, y: 28 });
    expect(tall!.x + (stage.x + stage.width / 2) * tall!.zoom).toBeCloseTo(720);
    const roomy = stagesViewport(layout, { from: 1, to: 1 }, 1440, columnHeight * 3, { padding: 28, maxZoom: 1.5 });
    expect(roomy!.zoom).toBe(1.5);
    expect(roomy!.y).toBeGreaterThan(28);
  });

  it('presents a range too wide for the screen at the readable zoom whole, smaller', () => {
    const first = layout.stages[0]!;
    const last = layout.stages[layout.stages.length - 1]!;
    const across = last.x + last.width - first.x;
    const view = stagesViewport(layout, { from: 0, to: layout.stages.length - 1 }, across / 2, 2000, { padding: 0 });
    expect(view!.zoom).toBeCloseTo(0.5);
  });

  it('re-stacks only the cell whose card changed: other cells keep their box objects, the result is as from scratch', () => {
    const cards = [
      card('a', 's1', 'l1', 1, 'short'),
      card('b', 's1', 'l1', 2, 'short'),
      card('c', 's2', 'l1', 1, 'short'),
      card('d', 's1', 'l2', 1, 'short'),
      card('e', 's3', 'l3', 1, 'short'),
    ];
    const first = board(cards);
    const before = computeLayout(first);
    // One card's text grows to seven lines (remote typing): a new object for it only.
    const typed = { ...cards[2]!, text: 'x'.repeat(CARD_TEXT.charsPerLine * 6 + 1) };
    const second: LayoutInput = { ...first, cards: cards.map((c) => (c.id === 'c' ? typed : c)) };
    const after = computeLayout(second);
    expect(after.cards.get('a')).toBe(before.cards.get('a'));
    expect(after.cards.get('c')).not.toBe(before.cards.get('c'));
    expect(after.cards.get('c')?.lines).toBe(7);
    // Lane l1 grew, so the cards of the lanes below moved: new boxes, in new places.
    expect(after.cards.get('d')?.y).toBeGreaterThan(before.cards.get('d')!.y);
    const scratch = computeLayout({
      stages: first.stages.map((s) => ({ ...s })),
      lanes: first.lanes.map((l) => ({ ...l })),
      cards: second.cards.map((c) => ({ ...c })),
    });
    expect(after).toEqual(scratch);
  });
});

import { describe, expect, it } from 'vitest';
import type { EmotionPoint } from '../emotion.ts';
import type { StageId } from '../ids.ts';
import { emotionChartGeometry, wrapLabel } from './chart.ts';

const point = (index: number, mean: number | null, min = mean, max = mean): EmotionPoint => ({
  stageId: `s_${index}` as StageId,
  index,
  count: mean === null ? 0 : 2,
  mean,
  min,
  max,
});

describe('emotion chart geometry', () => {
  const size = { width: 440, height: 140 };
  const padding = { left: 40, right: 0, top: 20, bottom: 20 };

  it('spaces stages evenly and puts +2 at the top and −2 at the bottom of the plot', () => {
    const chart = emotionChartGeometry([point(0, 2), point(1, -2), point(2, 0), point(3, 1)], size, padding);
    expect(chart.stages.map((s) => s.x)).toEqual([90, 190, 290, 390]);
    expect(chart.points.map((p) => p.y)).toEqual([20, 120, 70, 45]);
    expect(chart.gridlines).toEqual([
      { value: 2, y: 20 },
      { value: 1, y: 45 },
      { value: 0, y: 70 },
      { value: -1, y: 95 },
      { value: -2, y: 120 },
    ]);
    expect(chart.paths).toEqual(['M90 20 L190 120 L290 70 L390 45']);
  });

  it('leaves a gap where a stage has no rated touchpoint instead of drawing a zero', () => {
    const chart = emotionChartGeometry([point(0, 1), point(1, null), point(2, -1), point(3, -2)], size, padding);
    expect(chart.paths).toEqual(['M90 45', 'M290 95 L390 120']);
    expect(chart.points.map((p) => p.index)).toEqual([0, 2, 3]);
    expect(chart.stages.map((s) => s.hasData)).toEqual([true, false, true, true]);
  });

  it('keeps the spread of a stage and only ever produces numbers', () => {
    const chart = emotionChartGeometry([point(0, -0.5, -2, 1)], size, padding);
    expect(chart.points[0]).toMatchObject({ yMin: 120, yMax: 45, mean: -0.5 });
    expect(chart.paths.join(' ')).toMatch(/^[ML0-9. -]+$/);
  });

  it('draws an empty board as an empty chart', () => {
    const chart = emotionChartGeometry([], size, padding);
    expect(chart.paths).toEqual([]);
    expect(chart.points).toEqual([]);
  });
});

describe('stage labels under the chart', () => {
  it('keeps a short title on one line and wraps a longer one at spaces', () => {
    expect(wrapLabel('Invoice', 12)).toEqual(['Invoice']);
    expect(wrapLabel('Credit assessment', 12)).toEqual(['Credit', 'assessment']);
    expect(wrapLabel('Customer contact centre', 12)).toEqual(['Customer', 'contact cen…']);
  });

  it('cuts a word longer than a line and never returns more lines than asked', () => {
    expect(wrapLabel('Betalingspåmindelse', 8)).toEqual(['Betalin…']);
    expect(wrapLabel('a b c d e f g h', 3, 2)).toEqual(['a b', 'c…']);
    expect(wrapLabel('', 10)).toEqual([]);
  });
});

import type { EmotionChartGeometry } from '@rejse/shared';

/**
 * The horizontal gridlines of an emotion chart (the zero line stands out), each with its value
 * to the left of the plot: the report's charts and the version comparison draw them alike.
 */
export function ChartGridlines({
  geometry,
  label,
  labelClassName,
  labelOffset,
}: {
  geometry: Pick<EmotionChartGeometry, 'gridlines' | 'plot'>;
  /** The text of the i-th gridline's label. */
  label: (value: number, index: number) => string;
  labelClassName: string;
  /** Where the label's right end and baseline stand: left of the plot, below the line. */
  labelOffset: { left: number; down: number };
}) {
  const { gridlines, plot } = geometry;
  return gridlines.map((line, index) => (
    <g key={line.value}>
      <line className={`report-chart__grid${line.value === 0 ? ' is-zero' : ''}`} x1={plot.left} x2={plot.right} y1={line.y} y2={line.y} />
      <text className={labelClassName} x={plot.left - labelOffset.left} y={line.y + labelOffset.down} textAnchor="end">
        {label(line.value, index)}
      </text>
    </g>
  ));
}

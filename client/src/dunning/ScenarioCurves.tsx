import { curveSegments, scenarioCurve, type Board } from '@rejse/shared';
import { useBoard } from '../doc/BoardContext.tsx';
import { useT, formatSigned } from '../i18n/index.ts';
import { SCENARIO_COLOURS } from './store.ts';

const HEIGHT = 150;
const PAD = 18;
const yOf = (mean: number) => PAD + ((2 - mean) / 4) * (HEIGHT - 2 * PAD);

/** One line of the chart: whose it is and its colour (`scenario` null: the board's own curve). */
interface CurveKey {
  id: string;
  scenario: string | null;
  name: string;
  colour: string;
}

/** The curves shown: every scenario's, or the chosen one's (the board's own when it has none). */
function useCurveKeys(board: Board, scenarioId: string | null): CurveKey[] {
  const t = useT();
  return board.scenarios.length === 0
    ? [{ id: 'board', scenario: null, name: t('dunning.curve.board'), colour: SCENARIO_COLOURS[0] as string }]
    : board.scenarios
        .map((s, index) => ({
          id: s.id,
          scenario: s.id,
          name: s.name,
          colour: SCENARIO_COLOURS[index % SCENARIO_COLOURS.length] as string,
        }))
        .filter((c) => scenarioId === null || c.id === scenarioId);
}

/**
 * The emotion curve under the time view's columns: one line per debtor scenario when all are
 * overlaid, or the chosen scenario's alone (the board's own curve when it has no scenarios).
 * Drawn from numbers only; names are text. `data-means` carries the plotted values, so a test
 * (and anyone inspecting) can read what changed.
 */
export function ScenarioCurves({ board, scenarioId, columnWidth }: { board: Board; scenarioId: string | null; columnWidth: number }) {
  const t = useT();
  // Numbers the board's way, as its money and scores.
  const locale = useBoard((b) => b.locale);
  // The points only here: the legend needs the names and colours alone.
  const curves = useCurveKeys(board, scenarioId).map((key) => ({ ...key, points: scenarioCurve(board, key.scenario) }));
  const width = board.stages.length * columnWidth;
  const xOf = (index: number) => index * columnWidth + columnWidth / 2;
  const stageTitle = (index: number) => board.stages[index]?.title ?? '';
  return (
    <section className="scenario-curves" aria-labelledby="scenario-curves-heading">
      <h3 className="time-view__subheading visually-hidden" id="scenario-curves-heading">
        {t('dunning.curve.heading')}
      </h3>
      <svg
        className="scenario-curves__chart"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={t('dunning.curve.label', { names: curves.map((c) => c.name).join(', ') })}
        data-testid="scenario-curves"
      >
        {[-2, -1, 0, 1, 2].map((value) => (
          <g key={value}>
            <line className={`scenario-curves__grid${value === 0 ? ' is-zero' : ''}`} x1={0} x2={width} y1={yOf(value)} y2={yOf(value)} />
            <text className="scenario-curves__axis" x={4} y={yOf(value) - 3}>
              {formatSigned(value, locale, 0)}
            </text>
          </g>
        ))}
        {curves.map((curve) => (
          <g
            key={curve.id}
            data-scenario={curve.id}
            data-means={curve.points.map((p) => (p.mean === null ? '' : p.mean.toFixed(2))).join(',')}
          >
            {curveSegments(curve.points).map((segment) => (
              <path
                key={segment[0]?.index}
                className="scenario-curves__line"
                stroke={curve.colour}
                d={segment.map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(p.index)},${yOf(p.mean as number).toFixed(1)}`).join(' ')}
              />
            ))}
            {curve.points
              .filter((p) => p.mean !== null)
              .map((p) => (
                <circle key={p.index} cx={xOf(p.index)} cy={yOf(p.mean as number)} r={4} fill={curve.colour}>
                  <title>{`${curve.name}, ${stageTitle(p.index)}: ${formatSigned(p.mean as number, locale)}`}</title>
                </circle>
              ))}
          </g>
        ))}
      </svg>
    </section>
  );
}

/**
 * The key to the curves' colours, outside the horizontally scrolled columns: always shown
 * whole at the view's width, however far the time axis is scrolled or however narrow it is.
 */
export function ScenarioLegend({ board, scenarioId }: { board: Board; scenarioId: string | null }) {
  const t = useT();
  const curves = useCurveKeys(board, scenarioId);
  return (
    <ul className="scenario-curves__legend" aria-label={t('dunning.curve.heading')} data-testid="scenario-legend">
      {curves.map((curve) => (
        <li key={curve.id}>
          <span className="scenario-curves__swatch" style={{ background: curve.colour }} aria-hidden="true" />
          {curve.name}
        </li>
      ))}
    </ul>
  );
}

import { formatDueDay, formatSpan, stageSpans, timePlacements, undatedTouchpoints, type Board } from '@rejse/shared';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBoardSnapshot, useBoardUiStore } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { CadenceStrip } from './CadenceStrip.tsx';
import { DunningSettings } from './DunningSettings.tsx';
import { ScenarioCurves, ScenarioLegend } from './ScenarioCurves.tsx';
import { useDunningUi } from './store.ts';
import { shownWarnings } from './warnings.ts';
import './dunning.css';

/** Width of one stage column in the time view; the curve below uses the same columns. */
const COLUMN_WIDTH = 200;
const CARD_HEIGHT = 46;
/** A touchpoint card's width and the margin kept at each side of its column, in % of the column. */
const CARD_WIDTH = 44;
const CARD_MARGIN = 3;
/** The range a card's left edge moves over (its day's fraction of the stage), so the card stays inside its column. */
const CARD_TRAVEL = 100 - 2 * CARD_MARGIN - CARD_WIDTH;
/** Cards whose fractions lie closer than a card width (plus a small gap) would cover each other: they stack. */
const CARD_SPACING = (CARD_WIDTH + 2) / CARD_TRAVEL;

/**
 * The dunning journey in time: the stages as columns with a ruler of the days each spans,
 * the touchpoints placed at their day within their column, the emotion curve per debtor
 * scenario, and the cadence strip with its warnings. Clicking a touchpoint opens it in the
 * inspector, where its day, step, scenarios and checkpoint are edited.
 */
export function TimeView() {
  const t = useT();
  const board = useBoardSnapshot();
  const { scenarioId: chosen, setScenario, settingsOpen, setSettingsOpen } = useDunningUi();
  // A scenario removed by someone else falls back to "all".
  const scenarioId = chosen !== null && board.scenarios.some((s) => s.id === chosen) ? chosen : null;
  const warnings = useMemo(() => shownWarnings(board, scenarioId, t), [board, scenarioId, t]);
  const warned = new Set(warnings.flatMap((w) => w.cardIds));

  return (
    <div className="time-view">
      <header className="time-view__header">
        <div>
          <h2 className="time-view__title">{t('dunning.heading')}</h2>
          <p className="muted time-view__intro">{t('dunning.intro')}</p>
        </div>
        <div className="time-view__controls">
          {board.scenarios.length > 0 ? (
            <label className="field field--inline">
              <span className="field__label">{t('dunning.scenario.label')}</span>
              <select
                className="input"
                data-testid="scenario-switcher"
                value={scenarioId ?? ''}
                onChange={(event) => setScenario(event.target.value || null)}
              >
                <option value="">{t('dunning.scenario.all')}</option>
                {board.scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} — {t(`dunning.outcome.${s.outcome}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="muted">{t('dunning.scenario.none')}</p>
          )}
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => setSettingsOpen(true)}>
            {t('dunning.settings.open')}
          </button>
        </div>
      </header>
      <div className="time-view__axis">
        <SidewaysScroll>
          <div className="time-view__grid" style={{ width: board.stages.length * COLUMN_WIDTH }}>
            <Columns board={board} scenarioId={scenarioId} warned={warned} />
            <ScenarioCurves board={board} scenarioId={scenarioId} columnWidth={COLUMN_WIDTH} />
          </div>
        </SidewaysScroll>
        <ScenarioLegend board={board} scenarioId={scenarioId} />
      </div>
      <Undated board={board} scenarioId={scenarioId} />
      <CadenceStrip board={board} scenarioId={scenarioId} warnings={warnings} />
      {settingsOpen ? <DunningSettings onClose={() => setSettingsOpen(false)} /> : null}
    </div>
  );
}

/**
 * The time axis, scrolled sideways when the stages are wider than the view (side panels open):
 * a shade at the edge where more stages lie (`data-more`), since overlay scroll bars stay hidden
 * until touched.
 */
function SidewaysScroll({ children }: { children: ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState('');
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => {
      const sides = [el.scrollLeft > 1 ? 'left' : '', el.scrollLeft + el.clientWidth < el.scrollWidth - 1 ? 'right' : ''];
      setMore(sides.filter(Boolean).join(' '));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);
  return (
    <div className="time-view__scroll-frame" data-more={more}>
      <div className="time-view__scroll" ref={scroller}>
        {children}
      </div>
    </div>
  );
}

function Columns({ board, scenarioId, warned }: { board: Board; scenarioId: string | null; warned: ReadonlySet<string> }) {
  const t = useT();
  const ui = useBoardUiStore();
  const select = (id: string) => ui.getState().setSelection([id as never], []);
  const spans = stageSpans(board, scenarioId);
  const placements = timePlacements(board, scenarioId, CARD_SPACING);
  const text = new Map(board.cards.map((c) => [c.id, c]));
  const rows = Math.max(1, ...placements.map((p) => p.stack + 1));
  return (
    <ol className="time-view__columns" aria-label={t('dunning.timeline.label')}>
      {board.stages.map((stage, index) => {
        const span = spans[index];
        const here = placements.filter((p) => p.stageId === stage.id);
        return (
          <li key={stage.id} className="time-column" aria-labelledby={`time-stage-${stage.id}`} style={{ width: COLUMN_WIDTH }}>
            <h3 className="time-column__title" id={`time-stage-${stage.id}`}>
              <span className="time-column__number">{index + 1}</span>
              {stage.title}
            </h3>
            <div className="time-column__ruler" role="note" aria-label={t('dunning.ruler.label')} data-testid="stage-ruler">
              {span ? (formatSpan(span) ?? t('dunning.ruler.none')) : null}
            </div>
            <ul className="time-column__cards" style={{ height: rows * CARD_HEIGHT + 8 }}>
              {here.map((p) => {
                const card = text.get(p.cardId);
                if (!card) return null;
                // The whole card stays inside its column: a card at a stage's last day never covers the next stage's first.
                const left = CARD_MARGIN + p.fraction * CARD_TRAVEL;
                return (
                  <li
                    key={p.cardId}
                    className="time-card-slot"
                    style={{ left: `${left}%`, width: `${CARD_WIDTH}%`, top: 4 + p.stack * CARD_HEIGHT }}
                  >
                    <button
                      type="button"
                      className={`time-card${warned.has(card.id) ? ' is-warned' : ''}${card.checkpoint ? ' is-checkpoint' : ''}`}
                      title={card.text}
                      aria-label={`${formatDueDay(p.day)}: ${card.text}`}
                      onClick={() => select(card.id)}
                    >
                      <span className="time-card__day">{formatDueDay(p.day)}</span>
                      <span className="time-card__text">{card.text}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function Undated({ board, scenarioId }: { board: Board; scenarioId: string | null }) {
  const ui = useBoardUiStore();
  const t = useT();
  const cards = undatedTouchpoints(board, scenarioId);
  if (cards.length === 0) return null;
  return (
    <section className="time-view__undated">
      <h3 className="time-view__subheading">{t('dunning.undated.heading')}</h3>
      <ul className="time-view__chips">
        {cards.map((card) => (
          <li key={card.id}>
            <button type="button" className="button button--quiet" onClick={() => ui.getState().setSelection([card.id], [])}>
              {card.text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

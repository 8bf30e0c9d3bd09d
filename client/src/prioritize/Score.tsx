import { PRIORITY_SCORE_EXPLANATION, SCORE_COMPONENT_KEYS, type ScoreBreakdown as Breakdown, type ScoreComponentKey } from '@rejse/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useBoard } from '../doc/BoardContext.tsx';
import { useT, type MessageKey, type Translate } from '../i18n/index.ts';

const COMPONENT_LABEL: Readonly<Record<ScoreComponentKey, MessageKey>> = {
  votes: 'prioritize.breakdown.votes',
  impact: 'prioritize.breakdown.impact',
  effort: 'prioritize.breakdown.effort',
  pains: 'prioritize.breakdown.pains',
  confidence: 'prioritize.breakdown.confidence',
};

const HELP_TEXT: Readonly<Record<ScoreComponentKey, MessageKey>> = {
  votes: 'prioritize.help.votes',
  impact: 'prioritize.help.impact',
  effort: 'prioritize.help.effort',
  pains: 'prioritize.help.pains',
  confidence: 'prioritize.help.confidence',
};

/** A score with one decimal, in the board's locale (pass `board.locale`, as its money is written): never the UI's. */
export const formatScore = (locale: string, score: number): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(score);

/** One line per score component: "Impact: 4 — 18.8 of 25". */
export function breakdownLines(t: Translate, locale: string, breakdown: Breakdown): string[] {
  return SCORE_COMPONENT_KEYS.map((key) => {
    const part = breakdown.components[key];
    const value = part.assumed ? t('prioritize.breakdown.assumed', { value: part.value }) : String(part.value);
    const label = t(COMPONENT_LABEL[key], { value, count: breakdown.linkedPainCount });
    return `${label} — ${t('prioritize.breakdown.points', { points: formatScore(locale, part.points), weight: part.weight })}`;
  });
}

/** The score's parts as a small table of bars (shown when a row is expanded). */
export function ScoreBreakdownView({ breakdown }: { breakdown: Breakdown }) {
  const t = useT();
  const locale = useBoard((b) => b.locale);
  return (
    <div className="score-breakdown">
      <p className="score-breakdown__title">{t('prioritize.breakdown.title', { score: formatScore(locale, breakdown.score) })}</p>
      <ul className="score-breakdown__list">
        {SCORE_COMPONENT_KEYS.map((key) => {
          const part = breakdown.components[key];
          const value = part.assumed ? t('prioritize.breakdown.assumed', { value: part.value }) : String(part.value);
          return (
            <li key={key} className={`score-breakdown__item${part.assumed ? ' is-assumed' : ''}`} data-component={key}>
              <span className="score-breakdown__label">{t(COMPONENT_LABEL[key], { value, count: breakdown.linkedPainCount })}</span>
              <span className="score-breakdown__bar" aria-hidden="true">
                <span style={{ width: `${(part.points / part.weight) * 100}%` }} />
              </span>
              <span className="score-breakdown__points">
                {t('prioritize.breakdown.points', { points: formatScore(locale, part.points), weight: part.weight })}
              </span>
            </li>
          );
        })}
      </ul>
      {breakdown.incomplete ? <p className="score-breakdown__warning">{t('prioritize.row.incomplete')}</p> : null}
    </div>
  );
}

/** "How the score works": a popover built from the score's own constants. */
export function ScoreHelp() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const explanation = PRIORITY_SCORE_EXPLANATION;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector<HTMLButtonElement>('.score-help__toggle')?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const severity = Object.fromEntries(explanation.painSeverity.byEmotion.map((s) => [String(s.emotion), s.severity]));
  return (
    <div className="score-help" ref={ref}>
      <button
        type="button"
        className="button button--quiet score-help__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="score-help__mark" aria-hidden="true">
          ?
        </span>
        {t('prioritize.help.button')}
      </button>
      {open ? (
        <div className="score-help__popover" id={id} role="dialog" aria-label={t('prioritize.help.title')}>
          <h3 className="score-help__title">{t('prioritize.help.title')}</h3>
          <p>{t('prioritize.help.intro', { min: explanation.min, max: explanation.max })}</p>
          <ul className="score-help__list">
            {explanation.components.map((part) => (
              <li key={part.key}>
                {t(HELP_TEXT[part.key], {
                  weight: part.weight,
                  halfAt: 'halfAt' in part ? part.halfAt : 0,
                  neutral: part.whenMissing,
                })}
              </li>
            ))}
          </ul>
          <p>
            {t('prioritize.help.severity', {
              severe: severity['-2'] ?? 3,
              serious: severity['-1'] ?? 2,
              mild: severity.other ?? 1,
            })}
          </p>
          <p>{t('prioritize.help.ranking')}</p>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('prioritize.help.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

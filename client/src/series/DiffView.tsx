import { formatSigned, type Board, type CardKind, type CompareResponse } from '@rejse/shared';
import { useEffect, useRef } from 'react';
import { formatMetric, metricSpec } from '../doc/metrics.ts';
import { useT } from '../i18n/index.ts';
import { CompareChart } from './CompareChart.tsx';

/** Two versions compared: what the server found, both boards (for the chart) and their names. */
export interface Comparison {
  result: CompareResponse;
  before: Board;
  after: Board;
  fromLabel: string;
  toLabel: string;
}

interface CardLine {
  id: string;
  kind: CardKind;
  text: string;
}

/**
 * What changed from one version to another: cards added, removed and edited (each opens on the
 * map: a removed card in the older version, the others where they are now), stages, the emotion
 * curve before and after, and touchpoint figures before → after (e.g. NPS −44 → −25) in the
 * board's locale and currency. The facilitator can put one removed or edited card back.
 */
export function DiffView({
  comparison,
  locale,
  currency,
  onClose,
  onShowCard,
  onRestoreCard,
}: {
  comparison: Comparison;
  locale: string;
  currency: string;
  onClose: () => void;
  onShowCard: (cardId: string, side: 'before' | 'after') => void;
  onRestoreCard?: ((cardId: string) => void) | undefined;
}) {
  const t = useT();
  const { diff } = comparison.result;
  // The comparison opens above the list: bring it into view and give its heading the focus.
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = comparison.result;
  useEffect(() => {
    if (!shown) return;
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [shown]);
  const cardButton = (card: CardLine, text: string, side: 'before' | 'after') => (
    <button type="button" className={`diff-card diff-card--${card.kind}`} onClick={() => onShowCard(card.id, side)}>
      {text}
    </button>
  );
  const restoreButton = (id: string) =>
    onRestoreCard ? (
      <button type="button" className="button button--small button--quiet" onClick={() => onRestoreCard(id)}>
        {t('series.history.restoreCard')}
      </button>
    ) : null;
  const emotion = (value: number | null) => (value === null ? '–' : formatSigned(value, locale));
  const figure = (key: Parameters<typeof metricSpec>[0], value: number | null) =>
    value === null ? '–' : formatMetric(metricSpec(key), value, locale, currency);
  const empty = diff.cards.added.length + diff.cards.removed.length + diff.cards.edited.length === 0;
  return (
    <section className="diff-view" aria-label={t('series.history.compareTitle')}>
      <header className="snapshot-view__head">
        <h3 ref={heading} tabIndex={-1}>
          {comparison.fromLabel} → {comparison.toLabel}
        </h3>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('series.history.closeView')}
        </button>
      </header>
      <p>
        {t('series.history.changes', {
          added: diff.cards.added.length,
          removed: diff.cards.removed.length,
          edited: diff.cards.edited.length,
        })}
      </p>
      {diff.title ? <p>{t('series.diff.title', diff.title)}</p> : null}
      {empty ? null : (
        <ul className="diff-view__list" aria-label={t('series2.compare.cards')}>
          {diff.cards.added.map((card) => (
            <li key={`a-${card.id}`} className="diff diff--added">
              {cardButton(card, t('series.diff.added', { text: card.text || t('card.empty') }), 'after')}
            </li>
          ))}
          {diff.cards.removed.map((card) => (
            <li key={`r-${card.id}`} className="diff diff--removed">
              {cardButton(card, t('series.diff.removed', { text: card.text || t('card.empty') }), 'before')} {restoreButton(card.id)}
            </li>
          ))}
          {diff.cards.edited.map((card) => (
            <li key={`e-${card.id}`} className="diff diff--edited">
              {cardButton(
                card,
                t('series.diff.edited', {
                  text: card.text || t('card.empty'),
                  fields: card.fields.map((field) => t('series.diff.field', { field })).join(', '),
                }),
                'after',
              )}{' '}
              {restoreButton(card.id)}
            </li>
          ))}
        </ul>
      )}
      {diff.stages.added.length + diff.stages.removed.length > 0 ? (
        <ul className="diff-view__list">
          {diff.stages.added.map((stage) => (
            <li key={`sa-${stage.id}`} className="diff diff--added">
              {t('series.diff.stageAdded', { name: stage.title })}
            </li>
          ))}
          {diff.stages.removed.map((stage) => (
            <li key={`sr-${stage.id}`} className="diff diff--removed">
              {t('series.diff.stageRemoved', { name: stage.title })}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>{t('series.diff.emotion')}</h4>
      <CompareChart before={comparison.before} after={comparison.after} locale={locale} />
      {diff.emotion.length > 0 ? (
        <ul className="diff-view__list">
          {diff.emotion.map((shift) => (
            <li key={shift.stageId}>
              {t('series.diff.shift', { name: shift.title, before: emotion(shift.before), after: emotion(shift.after) })}
            </li>
          ))}
        </ul>
      ) : null}
      {diff.figures.length > 0 ? (
        <>
          <h4>{t('series.diff.figures')}</h4>
          <ul className="diff-view__list" data-figures>
            {diff.figures.map((shift) => (
              <li key={`${shift.cardId}-${shift.figure}`}>
                {t('series.diff.figure', {
                  figure: t(`series.figure.${shift.figure}`),
                  name: shift.text,
                  before: figure(shift.figure, shift.before),
                  after: figure(shift.figure, shift.after),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

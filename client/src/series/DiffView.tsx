import { formatNumber, formatSigned, type CompareResponse } from '@rejse/shared';
import { useLocale, useT } from '../i18n/index.ts';

/**
 * What changed from a saved version to now: cards added, removed and edited, stages, the
 * emotion curve and touchpoint figures before → after (e.g. NPS −44 → −25). The facilitator
 * can put one removed or edited card back as it was.
 */
export function DiffView({
  result,
  onClose,
  onRestoreCard,
}: {
  result: CompareResponse;
  onClose: () => void;
  onRestoreCard?: ((cardId: string) => void) | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const { diff } = result;
  const num = (value: number | null, signed = false) =>
    value === null ? '–' : signed ? formatSigned(value, locale) : formatNumber(value, locale, 2);
  const restoreButton = (id: string) =>
    onRestoreCard ? (
      <button type="button" className="button button--small button--quiet" onClick={() => onRestoreCard(id)}>
        {t('series.history.restoreCard')}
      </button>
    ) : null;
  return (
    <section className="diff-view" aria-label={t('series.history.compareTitle')}>
      <header className="snapshot-view__head">
        <h3>{t('series.history.compareTitle')}</h3>
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
      <ul className="diff-view__list">
        {diff.cards.added.map((card) => (
          <li key={`a-${card.id}`} className="diff diff--added">
            {t('series.diff.added', { text: card.text || t('card.empty') })}
          </li>
        ))}
        {diff.cards.removed.map((card) => (
          <li key={`r-${card.id}`} className="diff diff--removed">
            {t('series.diff.removed', { text: card.text || t('card.empty') })} {restoreButton(card.id)}
          </li>
        ))}
        {diff.cards.edited.map((card) => (
          <li key={`e-${card.id}`} className="diff diff--edited">
            {t('series.diff.edited', { text: card.text || t('card.empty'), fields: card.fields.join(', ') })} {restoreButton(card.id)}
          </li>
        ))}
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
      {diff.emotion.length > 0 ? (
        <>
          <h4>{t('series.diff.emotion')}</h4>
          <ul className="diff-view__list">
            {diff.emotion.map((shift) => (
              <li key={shift.stageId}>
                {t('series.diff.shift', {
                  name: shift.title,
                  before: num(shift.before, true),
                  after: num(shift.after, true),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.figures.length > 0 ? (
        <>
          <h4>{t('series.diff.figures')}</h4>
          <ul className="diff-view__list">
            {diff.figures.map((shift) => (
              <li key={`${shift.cardId}-${shift.figure}`}>
                {t('series.diff.figure', {
                  figure: t(`series.figure.${shift.figure}`),
                  name: shift.text,
                  before: num(shift.before, shift.figure === 'nps'),
                  after: num(shift.after, shift.figure === 'nps'),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

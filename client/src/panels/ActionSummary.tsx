import type { Card } from '@rejse/shared';
import { useLocale, useT } from '../i18n/index.ts';

/** A due date (YYYY-MM-DD) for people, in the UI locale: "31 Dec 2026". */
function formatDay(locale: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * An idea's action fields (impact, effort, confidence, owner, due date, status), read-only:
 * they are scored and assigned in the prioritised action list. Shown only when set.
 */
export function ActionSummary({ card }: { card: Card }) {
  const t = useT();
  const locale = useLocale();
  const rows: { label: string; value: string }[] = [];
  if (card.impact !== undefined) rows.push({ label: t('inspector.action.impact'), value: t('inspector.action.score', { value: card.impact }) });
  if (card.effort !== undefined) rows.push({ label: t('inspector.action.effort'), value: t('inspector.action.score', { value: card.effort }) });
  if (card.confidence !== undefined) {
    rows.push({ label: t('inspector.action.confidence'), value: t('inspector.action.score', { value: card.confidence }) });
  }
  if (card.owner) rows.push({ label: t('inspector.action.owner'), value: card.owner });
  if (card.dueDate) rows.push({ label: t('inspector.action.due'), value: formatDay(locale, card.dueDate) });
  if (card.status) rows.push({ label: t('inspector.action.status'), value: t(`inspector.status.${card.status}`) });
  if (rows.length === 0) return null;
  return (
    <section className="action-summary" aria-label={t('inspector.action.heading')}>
      <h3 className="field__label">{t('inspector.action.heading')}</h3>
      <dl className="action-summary__list">
        {rows.map((row) => (
          <div key={row.label} className="action-summary__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="inspector__hint inspector__hint--top">{t('inspector.action.hint')}</p>
    </section>
  );
}

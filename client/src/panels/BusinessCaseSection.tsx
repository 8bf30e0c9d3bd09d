import {
  businessCase,
  figureSource,
  formatValueMoney,
  renderBusinessText,
  type Board,
  type Card,
  type CardId,
  type IdeaEffect,
} from '@rejse/shared';
import { useMemo, useState } from 'react';
import { useBoard, useCommands } from '../doc/BoardContext.tsx';
import { parseLocaleNumber } from '../doc/metrics.ts';
import { useLocale, useT, type MessageKey } from '../i18n/index.ts';

interface TouchpointOption {
  id: CardId;
  text: string;
  stage: string;
}

const touchpointsOf = (board: Board): TouchpointOption[] => {
  const stages = new Map(board.stages.map((s) => [s.id, s.title]));
  return board.cards.filter((c) => c.kind === 'touchpoint').map((c) => ({ id: c.id, text: c.text, stage: stages.get(c.stageId) ?? '' }));
};
const sameOptions = (a: TouchpointOption[], b: TouchpointOption[]): boolean =>
  a.length === b.length && a.every((o, i) => o.id === b[i]?.id && o.text === b[i]?.text && o.stage === b[i]?.stage);

/** The records a business case reads: touchpoints (their figures) and stages (their titles). */
interface FigureRecords {
  cards: Card[];
  stages: Board['stages'];
}
const figureRecordsOf = (board: Board): FigureRecords => ({
  cards: board.cards.filter((c) => c.kind === 'touchpoint'),
  stages: board.stages,
});
const sameRecords = (a: FigureRecords, b: FigureRecords): boolean =>
  a.stages === b.stages && a.cards.length === b.cards.length && a.cards.every((c, i) => c === b.cards[i]);

const EFFECT_LABELS: Record<IdeaEffect['kind'], MessageKey> = {
  'fewer-contacts': 'business.kind.fewer-contacts',
  'response-rate': 'business.kind.response-rate',
  'customers-kept': 'business.kind.customers-kept',
  'cost-avoided': 'business.kind.cost-avoided',
};

/**
 * The idea's business case: what it is worth a year from the board's figures, the formula in
 * words, the figures still missing, and its effects (fewer contacts can be added here; every
 * effect can be removed).
 */
export function BusinessCaseSection({ card }: { card: Card }) {
  const t = useT();
  const uiLocale = useLocale();
  const commands = useCommands();
  const { locale, currency } = useBoard(
    (board) => ({ locale: board.locale, currency: board.currency }),
    (a, b) => a.locale === b.locale && a.currency === b.currency,
  );
  const options = useBoard(touchpointsOf, sameOptions);
  // Re-read only when a touchpoint or a stage changes, not on every keystroke elsewhere.
  const records = useBoard(figureRecordsOf, sameRecords);
  const figures = useMemo(() => figureSource(records), [records]);
  const result = businessCase(card, figures);
  const money = (n: number) => formatValueMoney(n, locale, currency);
  const text = (m: Parameters<typeof renderBusinessText>[0]) => renderBusinessText(m, uiLocale, currency, locale);
  const effects = card.effects ?? [];

  const [touchpoint, setTouchpoint] = useState<string>('');
  const [share, setShare] = useState('');
  const parsedShare = parseLocaleNumber(share, locale);
  const shareValue =
    parsedShare.ok && parsedShare.value !== null && parsedShare.value > 0 && parsedShare.value <= 100 ? parsedShare.value : null;

  const saveEffects = (next: IdeaEffect[]) => commands.updateCard(card.id, { effects: next.length > 0 ? next : null });
  const add = () => {
    if (!touchpoint || shareValue === null) return;
    saveEffects([...effects, { kind: 'fewer-contacts', touchpointId: touchpoint, share: Math.round(shareValue * 100) / 10000 }]);
    setShare('');
  };

  return (
    <section className="field business-case" aria-labelledby={`business-${card.id}`}>
      <h3 id={`business-${card.id}`} className="field__label">
        {t('business.title')}
      </h3>
      {result.value ? (
        <p className="business-case__value" data-business-value={result.value.mid}>
          {t('business.value', {
            value: money(result.value.mid),
            low: money(result.value.low),
            high: money(result.value.high),
          })}
        </p>
      ) : (
        <p className="business-case__value business-case__value--none">{t('business.noValue')}</p>
      )}
      {result.formula.length > 0 ? (
        <details className="business-case__formula">
          <summary>{t('business.formula')}</summary>
          <ul>
            {result.formula.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: derived lines without an identity of their own (they can repeat); nothing in them holds state.
              <li key={i}>{text(line)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.missing.length > 0 ? (
        <ul className="business-case__missing" aria-label={t('business.missing')}>
          {result.missing.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: derived lines without an identity of their own (they can repeat); nothing in them holds state.
            <li key={i}>{text(line)}</li>
          ))}
        </ul>
      ) : null}
      {effects.length > 0 ? (
        <ul className="business-case__effects" aria-label={t('business.effects')}>
          {effects.map((effect, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: effects have no id (the same kind may be listed twice); the rows hold no state, the position is the identity.
            <li key={i}>
              <span>{t(EFFECT_LABELS[effect.kind])}</span>{' '}
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t('business.removeEffect', { n: i + 1 })}
                onClick={() => saveEffects(effects.filter((_, j) => j !== i))}
              >
                {t('business.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className="business-case__add">
        <legend>{t('business.addFewerContacts')}</legend>
        <label className="field">
          <span className="field__label">{t('business.touchpoint')}</span>
          <select className="input" value={touchpoint} onChange={(event) => setTouchpoint(event.target.value)}>
            <option value="">{t('business.chooseTouchpoint')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.stage ? `${o.text} (${o.stage})` : o.text}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('business.share')}</span>
          <input className="input" inputMode="decimal" value={share} onChange={(event) => setShare(event.target.value)} />
        </label>
        <button type="button" className="button" disabled={!touchpoint || shareValue === null} onClick={add}>
          {t('business.add')}
        </button>
      </fieldset>
    </section>
  );
}

import {
  MESSAGE_VARIANTS,
  TONE_RATINGS,
  toneOrder,
  type MessageVariant,
  type MyToneResponse,
  type OpenToneRound,
  type ToneRating,
  type ToneRoundResult,
} from '@rejse/shared';
import { useEffect, useState } from 'react';
import { useBoard } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { useToneApi, useToneState } from './useTone.ts';
import './tone.css';

/**
 * The blind tone round for everyone: while a round is open, the letter's variants in this
 * person's own order ("Letter 1", "Letter 2", never which one is sent today) with a 1–5
 * rating each (only they see theirs); once closed, the results per variant and which one is
 * in use, for all.
 */
export function ToneRoundPanel() {
  const state = useToneState();
  const latest = state.rounds.at(-1) ?? null;
  const [hidden, setHidden] = useState<string | null>(null);
  if (state.open) return <OpenTone round={state.open} />;
  if (latest && hidden !== latest.id) return <ToneResults round={latest} onHide={() => setHidden(latest.id)} />;
  return null;
}

const useLetter = (cardId: string) => useBoard((b) => b.cards.find((c) => c.id === cardId));

function OpenTone({ round }: { round: OpenToneRound }) {
  const t = useT();
  const api = useToneApi();
  const { role, participant } = useFacilitationContext();
  const card = useLetter(round.cardId);
  const [mine, setMine] = useState<MyToneResponse | null>(null);
  /** Ratings chosen but not yet confirmed by the server: shown at once, dropped when answered. */
  const [pending, setPending] = useState<Partial<Record<MessageVariant, ToneRating>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canRate = role !== 'viewer';
  // The server gives the same order (`toneOrder`); computed here too so nothing jumps.
  const order = mine?.order ?? toneOrder(round.id, participant.id);

  useEffect(() => {
    if (!canRate) return;
    let live = true;
    api.mine(round.id).then(
      (answer) => live && setMine(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, round.id, canRate]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      const closed = error instanceof Error && 'reason' in error && error.reason === 'closed';
      setMessage(closed ? t('tone.closed') : t('facilitation.failed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  const rate = (variant: MessageVariant, rating: ToneRating) => {
    setPending((current) => ({ ...current, [variant]: rating }));
    const settle = () => setPending(({ [variant]: _settled, ...rest }) => rest);
    return run(async () => setMine(await api.rate(round.id, variant, rating))).finally(settle);
  };
  const title = card?.text.trim() || t('card.empty');

  return (
    <section className="workshop-panel tone-round" aria-labelledby="tone-heading" data-tone-round-id={round.id}>
      <h2 id="tone-heading" className="workshop-panel__title">
        {t('tone.heading', { letter: title })}
      </h2>
      <p className="workshop-panel__lead">{canRate ? t('tone.lead') : t('tone.viewerNote')}</p>
      {canRate ? <p className="muted workshop-panel__hint">{t('tone.secret')}</p> : null}
      {order.map((variant, index) => {
        const n = index + 1;
        const given = pending[variant] ?? mine?.ratings[variant];
        return (
          <section key={n} className="tone-letter" aria-labelledby={`tone-letter-${n}`} data-tone-letter={n}>
            <h3 id={`tone-letter-${n}`} className="tone-letter__title">
              {t('tone.letter', { n })}
            </h3>
            <div className="tone-letter__text" tabIndex={0} aria-label={t('tone.letter', { n })}>
              {card?.message?.[variant] ?? ''}
            </div>
            {canRate ? (
              <fieldset className="tone-scale" disabled={busy}>
                <legend>{t('tone.rateLabel', { n })}</legend>
                {TONE_RATINGS.map((rating) => (
                  <label key={rating} className="tone-scale__option">
                    <input
                      type="radio"
                      name={`tone-${round.id}-${n}`}
                      value={rating}
                      checked={given === rating}
                      onChange={() => void rate(variant, rating)}
                    />
                    <span>
                      {rating} {t(`tone.scale.${rating}`)}
                    </span>
                  </label>
                ))}
              </fieldset>
            ) : null}
          </section>
        );
      })}
      {role === 'facilitator' ? (
        <button type="button" className="button" disabled={busy} onClick={() => void run(async () => void (await api.close(round.id)))}>
          {t('tone.close')}
        </button>
      ) : null}
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}

function ToneResults({ round, onHide }: { round: ToneRoundResult; onHide: () => void }) {
  const t = useT();
  const card = useLetter(round.cardId);
  const title = card?.text.trim() || t('card.empty');
  return (
    <section className="workshop-panel tone-round" aria-labelledby="tone-results-heading" data-tone-results-id={round.id}>
      <div className="workshop-panel__head">
        <h2 id="tone-results-heading" className="workshop-panel__title">
          {t('tone.results', { letter: title })}
        </h2>
        <button type="button" className="button button--small" onClick={onHide}>
          {t('facilitation.vote.hideResults')}
        </button>
      </div>
      <p className="muted workshop-panel__hint">{t('tone.raters', { count: round.raters })}</p>
      {round.inUse === null ? <p className="muted">{t('tone.inUseUnknown')}</p> : null}
      {MESSAGE_VARIANTS.map((variant) => {
        const result = round.variants[variant];
        const most = Math.max(1, ...result.counts);
        return (
          <section key={variant} className="tone-result" data-variant={variant} data-in-use={round.inUse === variant}>
            <h3 className="tone-letter__title">
              {t(`letter.variant.${variant}`)}
              {round.inUse === variant ? <span className="tone-result__in-use">{t('letter.inUse')}</span> : null}
            </h3>
            <p className="tone-result__mean">
              {result.mean === null ? t('tone.noRatings') : t('tone.variantResult', { mean: result.mean, count: result.ratings })}
            </p>
            <ul className="tone-result__bars">
              {TONE_RATINGS.map((rating) => {
                const count = result.counts[rating - 1] ?? 0;
                return (
                  <li key={rating} aria-label={t('tone.distribution', { scale: t(`tone.scale.${rating}`), count })}>
                    <span className="tone-result__label" aria-hidden="true">
                      {rating} {t(`tone.scale.${rating}`)}
                    </span>
                    <span className="tone-result__bar" aria-hidden="true" style={{ width: `${(count / most) * 100}%` }} />
                    <span className="tone-result__count" aria-hidden="true">
                      {count}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

import { canHoldToneRound, type Card } from '@rejse/shared';
import { useState } from 'react';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { useToneApi, useToneState } from './useTone.ts';

/** The facilitator's way into a blind tone round, in the letter lab of one letter. */
export function ToneRoundStart({ card }: { card: Card }) {
  const t = useT();
  const { role } = useFacilitationContext();
  const api = useToneApi();
  const { open } = useToneState();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (role !== 'facilitator' || open?.cardId === card.id) return null;
  if (open) return <p className="muted">{t('tone.openElsewhere')}</p>;
  if (!canHoldToneRound(card)) return <p className="muted">{t('tone.needsVariants')}</p>;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.start(card.id);
    } catch (failure) {
      setError(t('facilitation.failed', { error: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="tone-start">
      <button type="button" className="button" disabled={busy} onClick={() => void start()}>
        {t('tone.start')}
      </button>
      <p className="muted">{t('tone.startHint')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Whether the letter lab must hide which variant is in use: a blind tone round is open on this card. */
export const useInUseHidden = (cardId: string): boolean => useToneState().open?.cardId === cardId;

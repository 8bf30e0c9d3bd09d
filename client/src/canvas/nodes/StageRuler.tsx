import { formatSpan, type Board, type StageId } from '@rejse/shared';
import { memo } from 'react';
import { useBoard } from '../../doc/BoardContext.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import './stage-ruler.css';

/** Each stage's "D−14 – D0" (the days its touchpoints span), from one pass over the cards, kept per cards array. */
const spansByCards = new WeakMap<Board['cards'], ReadonlyMap<string, string | null>>();

function stageSpans(cards: Board['cards']): ReadonlyMap<string, string | null> {
  let spans = spansByCards.get(cards);
  if (!spans) {
    const ranges = new Map<string, { from: number; to: number }>();
    for (const card of cards) {
      if (card.kind !== 'touchpoint' || card.dayOffset === undefined) continue;
      const range = ranges.get(card.stageId);
      if (range) {
        range.from = Math.min(range.from, card.dayOffset);
        range.to = Math.max(range.to, card.dayOffset);
      } else ranges.set(card.stageId, { from: card.dayOffset, to: card.dayOffset });
    }
    spans = new Map([...ranges].map(([stageId, range]) => [stageId, formatSpan(range)]));
    spansByCards.set(cards, spans);
  }
  return spans;
}

/**
 * The dunning ruler on the map: under a stage's header line, the days its touchpoints span
 * (the same span as the time view's ruler). Only a stage with a dated touchpoint shows one,
 * so a board without days looks as before. Selects a string, so the header re-renders only
 * when the span itself changes.
 */
export const StageRuler = memo(function StageRuler({ stageId, title }: { stageId: StageId; title: string }) {
  const { t } = useCanvasText();
  const span = useBoard((board) => stageSpans(board.cards).get(stageId) ?? null);
  if (span === null) return null;
  return (
    <div className="stage-ruler" data-testid="map-stage-ruler" role="note" aria-label={t('dunning.ruler.stage', { stage: title, span })}>
      <span className="stage-ruler__span" aria-hidden="true">
        {span}
      </span>
    </div>
  );
});

import { formatSpan, type Board, type StageId } from '@rejse/shared';
import { memo } from 'react';
import { useBoard } from '../../doc/BoardContext.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import './stage-ruler.css';

/** "D−14 – D0": the days a stage's touchpoints span, or null when none has a day. */
function stageSpanText(board: Board, stageId: StageId): string | null {
  let from = Infinity;
  let to = -Infinity;
  for (const card of board.cards) {
    if (card.stageId !== stageId || card.kind !== 'touchpoint' || card.dayOffset === undefined) continue;
    from = Math.min(from, card.dayOffset);
    to = Math.max(to, card.dayOffset);
  }
  return from === Infinity ? null : formatSpan({ from, to });
}

/**
 * The dunning ruler on the map: under a stage's header line, the days its touchpoints span
 * (the same span as the time view's ruler). Only a stage with a dated touchpoint shows one,
 * so a board without days looks as before. Selects a string, so the header re-renders only
 * when the span itself changes.
 */
export const StageRuler = memo(function StageRuler({ stageId, title }: { stageId: StageId; title: string }) {
  const { t } = useCanvasText();
  const span = useBoard((board) => stageSpanText(board, stageId));
  if (span === null) return null;
  return (
    <div className="stage-ruler" data-testid="map-stage-ruler" role="note" aria-label={t('dunning.ruler.stage', { stage: title, span })}>
      <span className="stage-ruler__span" aria-hidden="true">
        {span}
      </span>
    </div>
  );
});

import { formatSpan, stageSpans, type Board, type StageId } from '@rejse/shared';
import { memo } from 'react';
import { useBoard } from '../../doc/BoardContext.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import './stage-ruler.css';

/** Each stage's "D−14 – D0" (the days its touchpoints span), by stage, computed once per board. */
const spansByBoard = new WeakMap<Board, ReadonlyMap<string, string | null>>();

function spanTexts(board: Board): ReadonlyMap<string, string | null> {
  let texts = spansByBoard.get(board);
  if (!texts) {
    texts = new Map(stageSpans(board).map((span) => [span.stageId, formatSpan(span)]));
    spansByBoard.set(board, texts);
  }
  return texts;
}

/**
 * The dunning ruler on the map: under a stage's header line, the days its touchpoints span
 * (the same span as the time view's ruler). Only a stage with a dated touchpoint shows one,
 * so a board without days looks as before. Selects a string, so the header re-renders only
 * when the span itself changes.
 */
export const StageRuler = memo(function StageRuler({ stageId, title }: { stageId: StageId; title: string }) {
  const { t } = useCanvasText();
  const span = useBoard((board) => spanTexts(board).get(stageId) ?? null);
  if (span === null) return null;
  return (
    <div className="stage-ruler" data-testid="map-stage-ruler" role="note" aria-label={t('dunning.ruler.stage', { stage: title, span })}>
      <span className="stage-ruler__span" aria-hidden="true">
        {span}
      </span>
    </div>
  );
});

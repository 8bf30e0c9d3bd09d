import type { CardKind } from '@rejse/shared';
import { useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';

export interface KindQuestion {
  /** How many of the dropped cards come into a lane meant for another kind. */
  count: number;
  from: CardKind;
  to: CardKind;
  laneTitle: string;
}

/**
 * Asked when cards are dropped into a lane meant for another kind (a touchpoint into the
 * Thoughts lane): change them to the lane's kind, move them as they are, or not move at all.
 * Esc is "not move", like the cancel button.
 */
export function KindChangeDialog({
  question,
  onChange,
  onKeep,
  onCancel,
}: {
  question: KindQuestion;
  onChange: () => void;
  onKeep: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const to = t(`kind.${question.to}`);
  return (
    <Dialog
      title={t('sharedrag.drop.title')}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('sharedrag.drop.cancel')}
          </button>
          <button type="button" className="button" onClick={onKeep}>
            {t('sharedrag.drop.keep')}
          </button>
          <button type="button" className="button button--primary" data-autofocus onClick={onChange}>
            {t('sharedrag.drop.change', { to })}
          </button>
        </>
      }
    >
      <p>{t('sharedrag.drop.body', { count: question.count, from: t(`kind.${question.from}`), to, lane: question.laneTitle })}</p>
    </Dialog>
  );
}

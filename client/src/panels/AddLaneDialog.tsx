import { LANE_KINDS, LIMITS, type LaneKind } from '@rejse/shared';
import { useId, useState, type FormEvent } from 'react';
import { useBoardUi, useBoardUiStore } from '../doc/BoardContext.tsx';
import { useAppendAxis } from '../canvas/useCanvasActions.ts';
import { useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';

/**
 * "Add a lane" asks what the lane holds, since the kind decides which card a new card in it
 * becomes and how cards dropped into it are treated; a board may have several lanes of one
 * kind (two touchpoint lanes: letters and digital). The title follows the kind until typed.
 */
export function AddLaneDialog() {
  const open = useBoardUi((s) => s.addingLane);
  return open ? <AddLaneDialogOpen /> : null;
}

function AddLaneDialogOpen() {
  const t = useT();
  const uiStore = useBoardUiStore();
  const append = useAppendAxis();
  const [kind, setKind] = useState<LaneKind>('touchpoints');
  const [title, setTitle] = useState<string | null>(null);
  const groupName = useId();
  const formId = useId();
  const close = () => uiStore.getState().askLane(false);
  const shownTitle = title ?? t(`lane.kind.${kind}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    close();
    append('lane', shownTitle.trim() || t(`lane.kind.${kind}`), kind);
  };

  return (
    <Dialog
      title={t('sharedrag.lane.addTitle')}
      onClose={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary">
            {t('sharedrag.lane.add')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit}>
        <fieldset className="field">
          <legend className="field__label">{t('sharedrag.lane.kindLegend')}</legend>
          <div className="choice-list choice-list--columns">
            {LANE_KINDS.map((option) => (
              <label key={option} className="choice">
                <input type="radio" name={groupName} checked={kind === option} onChange={() => setKind(option)} />
                <span>{t(`lane.kind.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span className="field__label">{t('lane.titleLabel')}</span>
          <input className="input" value={shownTitle} maxLength={LIMITS.titleLength} onChange={(event) => setTitle(event.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}

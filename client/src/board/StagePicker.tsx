import { useId } from 'react';
import { shallow } from 'zustand/shallow';
import { useZoomToStage } from '../canvas/useFitBoard.ts';
import { useT } from '../i18n/index.ts';
import { useBoard } from '../doc/BoardContext.tsx';

/** "Zoom to stage": a picker in the toolbar (the stage header's menu has the same action). */
export function StagePicker() {
  const t = useT();
  const id = useId();
  const stages = useBoard((b) => b.stages, shallow);
  const zoomToStage = useZoomToStage();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('toolbar.zoomToStage')}
      </label>
      <select
        id={id}
        className="input input--inline stage-picker"
        value=""
        onChange={(event) => {
          if (event.target.value) zoomToStage(event.target.value);
          event.target.blur();
        }}
      >
        <option value="">{t('toolbar.zoomToStage')}</option>
        {stages.map((stage, index) => (
          <option key={stage.id} value={stage.id}>
            {index + 1}. {stage.title || t('stage.new')}
          </option>
        ))}
      </select>
    </>
  );
}

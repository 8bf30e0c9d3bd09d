import type { LaneId, StageId } from '@rejse/shared';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../ui/icons.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import type { CellNode } from '../types.ts';
import { useAddCardAt } from '../useCanvasActions.ts';

/**
 * The background of one (stage, lane) cell; double-click or its "+" adds a card here. Seen from
 * far the "+" is left out: a few pixels wide there, it would only be an invisible Tab stop (the
 * far map's own list takes the keyboard, and the toolbar adds cards).
 */
function CellNodeView({ data }: NodeProps<CellNode>) {
  const { far, readOnly } = useCanvasText();
  return (
    <div className="cell" data-stage-id={data.stageId} data-lane-id={data.laneId}>
      {readOnly || far ? null : <CellAddButton data={data} />}
    </div>
  );
}

function CellAddButton({ data }: { data: CellNode['data'] }) {
  const { t } = useCanvasText();
  const addCardAt = useAddCardAt();
  const names = { stage: data.stageTitle || t('stage.new'), lane: data.laneTitle || t('lane.new') };
  return (
    <button
      type="button"
      className="cell__add nodrag nopan"
      aria-label={t('cell.add', names)}
      title={t('cell.add', names)}
      onClick={() => addCardAt(data.stageId as StageId, data.laneId as LaneId)}
    >
      <Icon name="plus" size={14} />
    </button>
  );
}

export const CellNodeComponent = memo(CellNodeView);

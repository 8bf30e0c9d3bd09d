import type { LaneId, StageId } from '@rejse/shared';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../ui/icons.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import { useAddAxis } from '../useCanvasActions.ts';
import type { AddLaneNode, AddStageNode, LaneNode, StageNode } from '../types.ts';
import { AxisHeader } from './AxisHeader.tsx';
import { StageRuler } from './StageRuler.tsx';

export const StageHeaderNode = memo(function StageHeaderNode({ data }: NodeProps<StageNode>) {
  return (
    <>
      <AxisHeader target={{ axis: 'stage', id: data.stageId as StageId }} title={data.title} index={data.index} count={data.count} />
      <StageRuler stageId={data.stageId as StageId} title={data.title} />
    </>
  );
});

export const LaneHeaderNode = memo(function LaneHeaderNode({ data }: NodeProps<LaneNode>) {
  return (
    <AxisHeader
      target={{ axis: 'lane', id: data.laneId as LaneId }}
      title={data.title}
      index={data.index}
      count={data.count}
      kind={data.kind}
    />
  );
});

export const AddStageNodeView = memo(function AddStageNodeView(_props: NodeProps<AddStageNode>) {
  const { t, readOnly } = useCanvasText();
  const add = useAddAxis('stage');
  if (readOnly) return null;
  return (
    <div className="axis-add axis-add--stage">
      <button type="button" className="axis-add__button nodrag" aria-label={t('stage.add')} title={t('stage.add')} onClick={add}>
        <Icon name="plus" size={18} />
      </button>
    </div>
  );
});

export const AddLaneNodeView = memo(function AddLaneNodeView(_props: NodeProps<AddLaneNode>) {
  const { t, readOnly } = useCanvasText();
  const add = useAddAxis('lane');
  if (readOnly) return null;
  return (
    <div className="axis-add axis-add--lane">
      <button type="button" className="axis-add__button nodrag" onClick={add}>
        <Icon name="plus" size={16} />
        <span>{t('lane.add')}</span>
      </button>
    </div>
  );
});

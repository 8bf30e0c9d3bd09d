import { LIMITS, type CardId } from '@rejse/shared';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useUiStore } from '../../app/uiStore.ts';
import { useCommands } from '../../board/BoardContext.tsx';
import { useT } from '../../i18n/index.ts';
import { Face, Icon } from '../../ui/icons.tsx';
import type { CardNode } from '../types.ts';

/** A card: kind colour and icon, channel, emotion face, text (edited in place). */
function CardNodeView({ id, data, selected }: NodeProps<CardNode>) {
  const t = useT();
  const editing = useUiStore((s) => s.editingCard === id);
  const emotionLabel = data.emotion !== null ? t(`emotion.${data.emotion}`) : null;

  return (
    <div
      className={`card card--${data.kind}${selected ? ' is-selected' : ''}${editing ? ' is-editing' : ''}`}
      data-card-id={id}
      data-stage-id={data.stageId}
      data-lane-id={data.laneId}
      data-kind={data.kind}
      style={{ '--lines': data.lines } as CSSProperties}
    >
      <Handle type="source" position={Position.Top} id="top" className="card__handle" />
      <div className="card__meta">
        <span className="card__kind">
          <Icon name={data.kind} size={13} />
          {t(`kind.${data.kind}`)}
        </span>
        {data.channel ? (
          <span className="card__channel" title={t('card.channel', { label: t(`channel.${data.channel}`) })}>
            <Icon name={data.channel} size={13} />
            {t(`channel.${data.channel}`)}
          </span>
        ) : null}
        {data.linkCount > 0 ? (
          <span className="card__links" aria-hidden="true">
            <Icon name="link" size={12} />
            {data.linkCount}
          </span>
        ) : null}
        {emotionLabel !== null && data.emotion !== null ? (
          <span className="card__emotion">
            <Face value={data.emotion} size={18} title={t('card.emotion', { label: emotionLabel })} />
          </span>
        ) : null}
      </div>
      {editing ? (
        <CardTextEditor id={id as CardId} text={data.text} />
      ) : (
        <p className={`card__text${data.text ? '' : ' card__text--empty'}`}>{data.text || t('card.empty')}</p>
      )}
      <Handle type="source" position={Position.Bottom} id="bottom" className="card__handle" />
      <DropZone />
    </div>
  );
}

const connecting = (s: ReactFlowState) => s.connection.inProgress;

/**
 * While a link is being drawn, the whole card accepts its end (not only the small dots).
 * Out of the way otherwise, so the card can still be dragged.
 */
function DropZone() {
  const active = useStore(connecting);
  return (
    <Handle
      type="target"
      position={Position.Top}
      id="body"
      isConnectableStart={false}
      className={`card__drop-zone${active ? ' is-active' : ''}`}
    />
  );
}

export const CardNodeComponent = memo(CardNodeView);

/** In-place editor: Enter saves, Shift+Enter breaks the line, Esc cancels, leaving saves. */
function CardTextEditor({ id, text }: { id: CardId; text: string }) {
  const t = useT();
  const commands = useCommands();
  const editCard = useUiStore((s) => s.editCard);
  const [value, setValue] = useState(text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.focus({ preventScroll: true });
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save && value !== text) commands.updateCard(id, { text: value });
    editCard(null);
    // Back to the card, so the keyboard can go on (Enter edits again, Delete removes).
    const node = ref.current?.closest<HTMLElement>('.react-flow__node');
    requestAnimationFrame(() => node?.isConnected && node.focus({ preventScroll: true }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  };

  return (
    <textarea
      ref={ref}
      className="card__editor nodrag nopan nowheel"
      aria-label={t('card.textLabel')}
      title={t('card.editHint')}
      value={value}
      maxLength={LIMITS.cardTextLength}
      rows={Math.max(2, value.split('\n').length)}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}

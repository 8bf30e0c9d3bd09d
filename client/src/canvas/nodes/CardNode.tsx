import { CARDS, LIMITS, type CardId } from '@rejse/shared';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useBoardUiStore, useCommands } from '../../doc/BoardContext.tsx';
import { useLiveText } from '../../doc/useLiveText.ts';
import { Face, Icon } from '../../ui/icons.tsx';
import { CommentBadge } from '../../series/CommentBadge.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import { CardAddonSlot, PrivateBadge } from './CardExtras.tsx';
import type { CardNode } from '../types.ts';

/**
 * A card: kind by colour, shape and icon; channel by icon; emotion by a face; the text
 * (edited in place) clamped to the lines the layout reserved, in full on hover and when it
 * is the only selected card; a touchpoint's figures; for a pain point the ideas that
 * address it, for an idea the pain points it fixes.
 *
 * Everything it shows comes from node data (plain, derived in toFlow.ts, overlaid with the
 * local editing/selection state), so it re-renders only when its own card changes.
 */
function CardNodeView({ id, data, selected, height }: NodeProps<CardNode>) {
  const { t } = useCanvasText();
  const editing = data.editing === true;
  const expanded = !editing && data.truncated && data.solo === true;
  const otherLinks = data.linkCount - data.related;

  return (
    <div
      className={`card card--${data.kind}${selected ? ' is-selected' : ''}${editing ? ' is-editing' : ''}${expanded ? ' is-expanded' : ''}${data.private ? ' card--private' : ''}`}
      data-card-id={id}
      data-private={data.private ? 'true' : undefined}
      data-stage-id={data.stageId}
      data-lane-id={data.laneId}
      data-kind={data.kind}
      // --h: the box's height, from which the overview's large-type summary takes its line count.
      style={{ '--lines': data.lines, '--h': height ?? 0 } as CSSProperties}
    >
      <Handle type="source" position={Position.Top} id="top" className="card__handle" />
      <div className="card__meta">
        <span className="card__kind" title={data.channel || data.customChannel ? t(`kind.${data.kind}`) : undefined}>
          <Icon name={data.kind} size={13} />
          {/* With a channel the colour and icon say "touchpoint"; the channel gets the room. */}
          {data.channel || data.customChannel ? null : <span className="card__kind-label">{t(`kind.${data.kind}`)}</span>}
        </span>
        {data.channel ? (
          <span className="card__channel" title={t('card.channel', { label: t(`channel.${data.channel}`) })}>
            <Icon name={data.channel} size={13} />
            {t(`channel.${data.channel}`)}
          </span>
        ) : data.customChannel ? (
          <span className="card__channel" title={t('card.channel', { label: data.customChannel })}>
            <Icon name="channel" size={13} />
            {data.customChannel}
          </span>
        ) : null}
        <span className="card__badges">
          {data.private ? <PrivateBadge /> : null}
          <CommentBadge kind="card" id={id} />
          {data.related > 0 && (data.kind === 'pain' || data.kind === 'idea') ? (
            <span
              className={`card__related card__related--${data.kind}`}
              title={`${t(data.kind === 'pain' ? 'card.addressedBy' : 'card.fixes', { count: data.related })}\n${data.relatedNames}`}
            >
              <Icon name={data.kind === 'pain' ? 'idea' : 'pain'} size={12} />
              {t(data.kind === 'pain' ? 'card.ideaCount' : 'card.painCount', { count: data.related })}
            </span>
          ) : null}
          {otherLinks > 0 ? (
            <span className="card__links" title={t('card.links', { count: otherLinks })}>
              <Icon name="link" size={12} />
              {otherLinks}
            </span>
          ) : null}
          {data.emotion !== null ? (
            <span className="card__emotion">
              <Face value={data.emotion} size={18} title={t('card.emotion', { label: t(`emotion.${data.emotion}`) })} />
            </span>
          ) : null}
        </span>
      </div>
      {editing ? (
        <CardTextEditor id={id as CardId} text={data.text} />
      ) : (
        <p className={`card__text${data.text ? '' : ' card__text--empty'}`} title={data.truncated && !expanded ? data.text : undefined}>
          {data.text || t('card.empty')}
        </p>
      )}
      {data.figures ? <p className="card__figures">{data.figures}</p> : null}
      {data.private ? null : <CardAddonSlot id={id} kind={data.kind} text={data.text} />}
      <Handle type="source" position={Position.Bottom} id="bottom" className="card__handle" />
      {/* While a link is being drawn the whole card takes its end (shown by the canvas's is-linking class). */}
      <Handle type="target" position={Position.Top} id="body" isConnectableStart={false} className="card__drop-zone" />
    </div>
  );
}

export const CardNodeComponent = memo(CardNodeView);

/**
 * In-place editor, live: each keystroke goes into the card's shared text (others see it as it
 * is typed, and their typing shows here). Enter or leaving closes it, Shift+Enter breaks the
 * line, Esc takes back what this person typed since opening it.
 */
function CardTextEditor({ id, text }: { id: CardId; text: string }) {
  const uiStore = useBoardUiStore();
  const { t } = useCanvasText();
  const commands = useCommands();
  // The field is uncontrolled: the live binding alone sets its value once it is open.
  const [initial] = useState(text);
  const [lines, setLines] = useState(() => text.split('\n').length);
  const live = useLiveText<HTMLTextAreaElement>(
    { root: CARDS, id, field: 'text' },
    (edit) => commands.editCardText(id, 'text', edit),
    (shown) => setLines(shown.split('\n').length),
  );
  const { ref } = live;
  const done = useRef(false);

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.focus({ preventScroll: true });
    area.setSelectionRange(area.value.length, area.value.length);
  }, [ref]);

  const finish = () => {
    if (done.current) return;
    done.current = true;
    uiStore.getState().editCard(null);
    // Back to the card, so the keyboard can go on (Enter edits again, Delete removes).
    const node = ref.current?.closest<HTMLElement>('.react-flow__node');
    requestAnimationFrame(() => node?.isConnected && node.focus({ preventScroll: true }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      live.revert();
      finish();
    }
  };

  return (
    <textarea
      ref={ref}
      className="card__editor nodrag nopan nowheel"
      aria-label={t('card.textLabel')}
      title={t('card.editHint')}
      defaultValue={initial}
      maxLength={LIMITS.cardTextLength}
      rows={Math.max(2, lines)}
      onKeyDown={onKeyDown}
      onBlur={finish}
    />
  );
}

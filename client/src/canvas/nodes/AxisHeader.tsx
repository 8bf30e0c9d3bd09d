import { countCardsIn, LANES, LIMITS, STAGES, type LaneKind } from '@rejse/shared';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { CommentBadge } from '../../series/CommentBadge.tsx';
import type { HeaderEdit } from '../../doc/boardUi.ts';
import { useBoardUi, useCommands, useSession } from '../../doc/BoardContext.tsx';
import { useLiveText } from '../../doc/useLiveText.ts';
import { IconButton } from '../../ui/IconButton.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import { useZoomToStage } from '../useFitBoard.ts';
import { longestWordEm } from '../wordWidth.ts';

type AxisRef = HeaderEdit;

interface AxisHeaderProps {
  target: AxisRef;
  title: string;
  index: number;
  count: number;
  kind?: LaneKind;
}

/**
 * A stage or lane header: the title (double-click or the pencil renames it in place), and
 * buttons to move it and to remove it. Removing one that holds cards asks first.
 */
export function AxisHeader(props: AxisHeaderProps) {
  // Seen from far, a header is its name only: its buttons would be a few pixels wide there
  // (invisible Tab stops), and the pinned headers show the names on screen.
  return useCanvasText().far ? <AxisHeaderName {...props} /> : <AxisHeaderWithTools {...props} />;
}

function AxisHeaderName({ target, title, index, kind }: AxisHeaderProps) {
  const { t } = useCanvasText();
  const isStage = target.axis === 'stage';
  const shown = title || t(isStage ? 'stage.new' : 'lane.new');
  return (
    <div
      className={`axis-header axis-header--${target.axis}${kind ? ` axis-header--${kind}` : ''}`}
      data-stage-id={isStage ? target.id : undefined}
      data-lane-id={isStage ? undefined : target.id}
    >
      <div className="axis-header__text">
        {isStage ? <span className="axis-header__number">{index + 1}</span> : null}
        <h2 className="axis-header__title" title={shown} style={{ '--word-em': longestWordEm(shown) } as CSSProperties}>
          {shown}
        </h2>
      </div>
    </div>
  );
}

function AxisHeaderWithTools({ target, title, index, count, kind }: AxisHeaderProps) {
  const { t, readOnly } = useCanvasText();
  const zoomToStage = useZoomToStage();
  const commands = useCommands();
  const session = useSession();
  const editing = useBoardUi((s) => s.editingHeader?.axis === target.axis && s.editingHeader.id === target.id);
  const editHeader = useBoardUi((s) => s.editHeader);
  const requestRemove = useBoardUi((s) => s.requestRemove);
  const isStage = target.axis === 'stage';
  const shown = title || t(isStage ? 'stage.new' : 'lane.new');

  const move = (delta: number) => {
    if (target.axis === 'stage') commands.moveStage(target.id, index + delta);
    else commands.moveLane(target.id, index + delta);
  };

  const remove = () => {
    const cards = countCardsIn(session.doc, target.axis, target.id);
    if (cards > 0) requestRemove(target);
    else if (target.axis === 'stage') commands.removeStage(target.id);
    else commands.removeLane(target.id);
  };

  return (
    <div
      className={`axis-header axis-header--${target.axis}${kind ? ` axis-header--${kind}` : ''}`}
      data-stage-id={isStage ? target.id : undefined}
      data-lane-id={isStage ? undefined : target.id}
    >
      {editing && !readOnly ? (
        <HeaderTitleEditor target={target} title={title} onDone={() => editHeader(null)} />
      ) : (
        <div className="axis-header__text">
          {isStage ? <span className="axis-header__number">{index + 1}</span> : null}
          <h2 className="axis-header__title" title={shown} style={{ '--word-em': longestWordEm(shown) } as CSSProperties}>
            {shown}
          </h2>
          {kind && kind !== 'custom' && t(`lane.kind.${kind}`) !== title ? (
            <span className="axis-header__kind">{t(`lane.kind.${kind}`)}</span>
          ) : null}
          {isStage ? <CommentBadge kind="stage" id={target.id} /> : null}
        </div>
      )}
      <div className="axis-header__tools nodrag">
        {isStage ? (
          <IconButton icon="zoomStage" label={t('stage.zoomTo', { title: shown })} onClick={() => zoomToStage(target.id)} />
        ) : null}
        {/* A view-only link gets no renaming, moving or removing (the server would refuse it anyway). */}
        {readOnly ? null : (
          <>
            <IconButton
              icon="pencil"
              label={t(isStage ? 'stage.rename' : 'lane.rename', { title: shown })}
              onClick={() => editHeader(target)}
            />
            <IconButton
              icon={isStage ? 'left' : 'up'}
              label={t(isStage ? 'stage.moveLeft' : 'lane.moveUp', { title: shown })}
              unavailable={index === 0}
              onClick={() => move(-1)}
            />
            <IconButton
              icon={isStage ? 'right' : 'down'}
              label={t(isStage ? 'stage.moveRight' : 'lane.moveDown', { title: shown })}
              unavailable={index >= count - 1}
              onClick={() => move(1)}
            />
            <IconButton
              icon="trash"
              className="icon-button--danger"
              label={t(isStage ? 'stage.remove' : 'lane.remove', { title: shown })}
              unavailable={count <= 1}
              reason={t(isStage ? 'stage.lastOne' : 'lane.lastOne')}
              onClick={remove}
            />
          </>
        )}
      </div>
    </div>
  );
}

/**
 * Renames in place, live: each keystroke goes into the shared title, so others see it typed.
 * Enter or leaving closes it; Esc takes back this person's typing; a title left empty gets
 * back the one it had when the editor opened.
 */
function HeaderTitleEditor({ target, title, onDone }: { target: AxisRef; title: string; onDone: () => void }) {
  const { t } = useCanvasText();
  const commands = useCommands();
  const [initial] = useState(title);
  const rename = (next: string) => {
    if (target.axis === 'stage') commands.renameStage(target.id, next);
    else commands.renameLane(target.id, next);
  };
  const live = useLiveText<HTMLInputElement>(
    { root: target.axis === 'stage' ? STAGES : LANES, id: target.id, field: 'title' },
    (_edit, next) => rename(next),
  );
  const { ref } = live;
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.select();
  }, [ref]);

  const finish = (revert: boolean) => {
    if (done.current) return;
    done.current = true;
    if (revert) live.revert();
    if (ref.current && !ref.current.value.trim() && initial.trim()) rename(initial);
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(false);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(true);
    }
  };

  return (
    <input
      ref={ref}
      className="axis-header__input nodrag nopan"
      aria-label={t(target.axis === 'stage' ? 'stage.titleLabel' : 'lane.titleLabel')}
      defaultValue={initial}
      maxLength={LIMITS.titleLength}
      onKeyDown={onKeyDown}
      onBlur={() => finish(false)}
    />
  );
}

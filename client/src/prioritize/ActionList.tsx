import {
  ACTION_STATUSES,
  LOCAL_ORIGIN,
  formatDay,
  formatValueMoney,
  type ActionRow,
  type ActionStatus,
  type CardId,
  type PrioritySettings,
} from '@rejse/shared';
import { memo, useEffect, useLayoutEffect, useRef, useState, type PointerEvent, type ReactElement } from 'react';
import { useBoard, useBoardUiStore, useCommands, useSession } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { dropIndexAt, reorderWrites } from './reorder.ts';
import { breakdownLines, formatScore, ScoreBreakdownView } from './Score.tsx';
import { UnratedFlag } from './UnratedFlag.tsx';
import { OwnerField } from './OwnerField.tsx';
import { usePrioritizeUi } from './store.tsx';

interface Drag {
  from: number;
  /** Landing index in the list without the dragged row. */
  over: number;
  pointerId: number;
  startY: number;
  dy: number;
}

/**
 * The ranked to-do list with its cut line. Editors and facilitators edit owner, due date
 * and status in place; the facilitator reorders by dragging a row's handle or with its
 * move up/down buttons (which also switches the list to manual order).
 */
export function ActionList({
  rows,
  settings,
  canEdit,
  canReorder,
  onRankByManual,
}: {
  rows: readonly ActionRow[];
  settings: PrioritySettings;
  canEdit: boolean;
  canReorder: boolean;
  onRankByManual: () => void;
}) {
  const t = useT();
  const session = useSession();
  const commands = useCommands();
  const listRef = useRef<HTMLOListElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<{ id: CardId; control: 'up' | 'down' } | null>(null);
  const expanded = usePrioritizeUi((s) => s.expanded);

  const move = (from: number, to: number, control?: 'up' | 'down') => {
    const row = rows[from];
    const writes = reorderWrites(rows, settings.rankBy, from, to);
    if (!row || writes.length === 0) return;
    // One transaction: one undo step, one update on the wire.
    session.doc.transact(() => {
      for (const write of writes) commands.updateCard(write.id, { manualRank: write.manualRank });
    }, LOCAL_ORIGIN);
    if (settings.rankBy !== 'manual') onRankByManual();
    if (control) focusAfterMove.current = { id: row.card.id, control };
    setAnnouncement(
      t('prioritize.row.moved', {
        text: row.card.text || t('prioritize.untitled'),
        rank: Math.max(0, Math.min(to, rows.length - 1)) + 1,
      }),
    );
  };

  // Keep the keyboard where it was: on the same row's button after the list re-sorted.
  useLayoutEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-card-row="${pending.id}"] [data-move="${pending.control}"]`);
    if (button && button.getAttribute('aria-disabled') !== 'true') {
      button.focus();
      focusAfterMove.current = null;
    } else if (button) {
      const other = listRef.current?.querySelector<HTMLButtonElement>(
        `[data-card-row="${pending.id}"] [data-move="${pending.control === 'up' ? 'down' : 'up'}"]`,
      );
      other?.focus();
      focusAfterMove.current = null;
    }
  });

  const middlesWithout = (from: number): number[] => {
    const items = listRef.current?.querySelectorAll<HTMLElement>('[data-row-index]') ?? [];
    const middles: number[] = [];
    items.forEach((item) => {
      if (Number(item.dataset.rowIndex) === from) return;
      const box = item.getBoundingClientRect();
      middles.push(box.top + box.height / 2);
    });
    return middles;
  };

  const onHandleDown = (index: number) => (event: PointerEvent<HTMLElement>) => {
    if (!canReorder || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ from: index, over: index, pointerId: event.pointerId, startY: event.clientY, dy: 0 });
  };
  const onHandleMove = (event: PointerEvent<HTMLElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag({ ...drag, over: dropIndexAt(middlesWithout(drag.from), event.clientY), dy: event.clientY - drag.startY });
  };
  const onHandleUp = (event: PointerEvent<HTMLElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag(null);
    move(drag.from, drag.over);
  };

  useEffect(() => {
    if (!drag) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setDrag(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drag]);

  const cut = Math.min(settings.topN, rows.length);
  const cutLine = (
    // A list holds only list items: the separator role goes on the item's content (axe "list").
    <li key="cut-line" className="cut-line">
      {/* biome-ignore lint/a11y/useSemanticElements: an <hr> cannot hold the cut line's text; the separator role is announced with its label. */}
      <span role="separator" aria-label={t('prioritize.cutLine', { n: settings.topN })}>
        {rows.length >= settings.topN
          ? t('prioritize.cutLine', { n: settings.topN })
          : t('prioritize.cutLineShort', { count: rows.length, n: settings.topN })}
      </span>
    </li>
  );
  const indicatorAt = (i: number): boolean => {
    if (!drag || drag.over === drag.from) return false;
    if (i === rows.length) return drag.over === rows.length - 1 && drag.from !== rows.length - 1;
    if (i === drag.from) return false;
    const j = i < drag.from ? i : i - 1;
    return j === drag.over;
  };

  const items: ReactElement[] = [];
  rows.forEach((row, i) => {
    if (indicatorAt(i)) items.push(<li key="drop" className="drop-indicator" aria-hidden="true" />);
    items.push(
      <ActionRowView
        key={row.card.id}
        row={row}
        index={i}
        count={rows.length}
        below={i >= settings.topN}
        canEdit={canEdit}
        canReorder={canReorder}
        expanded={expanded.has(row.card.id)}
        dragging={drag?.from === i ? drag.dy : null}
        onMove={move}
        onHandleDown={onHandleDown(i)}
        onHandleMove={onHandleMove}
        onHandleUp={onHandleUp}
      />,
    );
    if (i === cut - 1) items.push(cutLine);
  });
  if (indicatorAt(rows.length)) items.push(<li key="drop" className="drop-indicator" aria-hidden="true" />);

  return (
    <>
      <div className="action-list__head" aria-hidden="true">
        <span />
        <span>{t('prioritize.col.rank')}</span>
        <span>{t('prioritize.col.action')}</span>
        <span>{t('prioritize.row.owner')}</span>
        <span>{t('prioritize.row.due')}</span>
        <span>{t('prioritize.row.status')}</span>
        <span className="num">{t('prioritize.col.votes')}</span>
        <span className="num">{t('prioritize.col.score')}</span>
      </div>
      <ol className={`action-list${drag ? ' is-dragging' : ''}`} ref={listRef} aria-label={t('prioritize.title')}>
        {items}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

interface RowProps {
  row: ActionRow;
  index: number;
  count: number;
  below: boolean;
  canEdit: boolean;
  canReorder: boolean;
  expanded: boolean;
  /** Pixels the row is dragged by, or null when it is not being dragged. */
  dragging: number | null;
  onMove: (from: number, to: number, control?: 'up' | 'down') => void;
  onHandleDown: (event: PointerEvent<HTMLElement>) => void;
  onHandleMove: (event: PointerEvent<HTMLElement>) => void;
  onHandleUp: (event: PointerEvent<HTMLElement>) => void;
}

const ActionRowView = memo(function ActionRowView({
  row,
  index,
  count,
  below,
  canEdit,
  canReorder,
  expanded,
  dragging,
  onMove,
  onHandleDown,
  onHandleMove,
  onHandleUp,
}: RowProps) {
  const t = useT();
  const commands = useCommands();
  const uiStore = useBoardUiStore();
  const toggleExpanded = usePrioritizeUi((s) => s.toggleExpanded);
  const { card } = row;
  const text = card.text || t('prioritize.untitled');
  const breakdownId = `breakdown-${card.id}`;
  const boardLocale = useBoard((b) => b.locale);
  const score = formatScore(boardLocale, row.score);
  const currency = useBoard((b) => b.currency);
  const value = row.businessCase.value;

  return (
    <li
      className={`action-row${below ? ' is-below' : ''}${dragging !== null ? ' is-dragged' : ''}`}
      data-row-index={index}
      data-card-row={card.id}
      data-rank={row.rank}
      style={dragging !== null ? { transform: `translateY(${dragging}px)` } : undefined}
    >
      <div className="action-row__grid">
        <div className="action-row__order">
          {canReorder ? (
            <>
              <span
                className="action-row__handle"
                role="img"
                aria-label={t('prioritize.row.drag', { text })}
                title={t('prioritize.row.drag', { text })}
                onPointerDown={onHandleDown}
                onPointerMove={onHandleMove}
                onPointerUp={onHandleUp}
                onPointerCancel={onHandleUp}
              >
                ⋮⋮
              </span>
              <span className="action-row__moves">
                <button
                  type="button"
                  className="icon-button icon-button--small"
                  data-move="up"
                  aria-label={t('prioritize.row.moveUp', { text })}
                  title={t('prioritize.row.moveUp', { text })}
                  aria-disabled={index === 0 || undefined}
                  onClick={() => index > 0 && onMove(index, index - 1, 'up')}
                >
                  <Icon name="up" size={14} />
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--small"
                  data-move="down"
                  aria-label={t('prioritize.row.moveDown', { text })}
                  title={t('prioritize.row.moveDown', { text })}
                  aria-disabled={index === count - 1 || undefined}
                  onClick={() => index < count - 1 && onMove(index, index + 1, 'down')}
                >
                  <Icon name="down" size={14} />
                </button>
              </span>
            </>
          ) : null}
        </div>
        <span className="action-row__rank">
          <span aria-hidden="true">{row.rank}</span>
          <span className="visually-hidden">{t('prioritize.row.rank', { rank: row.rank })}</span>
        </span>
        <div className="action-row__main">
          <button
            type="button"
            className="action-row__text"
            title={t('prioritize.row.open', { text })}
            onClick={() => uiStore.getState().setSelection([card.id], [])}
          >
            {text}
          </button>
          <UnratedFlag id={card.id} text={text} missing={row.breakdown.missing} canEdit={canEdit} />
          <div className="action-row__context">
            <span className="action-row__stage">{row.stage.title || t('stage.new')}</span>
            {value ? (
              <span className="action-row__worth">
                {t('prioritize.row.worth', { value: formatValueMoney(value.mid, boardLocale, currency) })}
              </span>
            ) : null}
            {row.linkedPains.length === 0 ? (
              <span className="action-row__no-pains">{t('prioritize.row.noPains')}</span>
            ) : (
              <ul className="pain-chips" aria-label={t('prioritize.row.pains')}>
                {row.linkedPains.map((pain) => (
                  <li key={pain.id} className="pain-chip" title={pain.text}>
                    <Icon name="pain" size={12} />
                    <span>{pain.text || t('card.empty')}</span>
                  </li>
                ))}
              </ul>
            )}
            {row.quadrant ? (
              <span className={`quadrant-badge quadrant-badge--${row.quadrant}`}>{t(`prioritize.quadrant.${row.quadrant}`)}</span>
            ) : null}
          </div>
        </div>
        <OwnerField id={card.id} owner={card.owner ?? ''} text={text} canEdit={canEdit} />
        {canEdit ? (
          <input
            type="date"
            className="input input--compact"
            aria-label={t('prioritize.row.dueOf', { text })}
            value={card.dueDate ?? ''}
            onChange={(event) => commands.updateCard(card.id, { dueDate: event.target.value || null })}
          />
        ) : (
          <span className="action-row__value">{card.dueDate ? formatDay(card.dueDate, boardLocale) : ''}</span>
        )}
        {canEdit ? (
          <select
            className={`input input--compact status-select status-select--${row.status}`}
            aria-label={t('prioritize.row.statusOf', { text })}
            value={row.status}
            onChange={(event) => commands.updateCard(card.id, { status: event.target.value as ActionStatus })}
          >
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`prioritize.status.${status}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className={`status-pill status-pill--${row.status}`}>{t(`prioritize.status.${row.status}`)}</span>
        )}
        <span className="action-row__votes num" title={t('prioritize.row.votes', { count: row.votes })}>
          {row.votes}
        </span>
        <button
          type="button"
          className={`score-button${row.breakdown.incomplete ? ' is-incomplete' : ''}`}
          aria-expanded={expanded}
          aria-controls={breakdownId}
          aria-label={t('prioritize.row.scoreHint', { score })}
          title={breakdownLines(t, boardLocale, row.breakdown).join('\n')}
          onClick={() => toggleExpanded(card.id)}
        >
          {score}
        </button>
      </div>
      {expanded ? (
        <div id={breakdownId} className="action-row__breakdown">
          <ScoreBreakdownView breakdown={row.breakdown} />
        </div>
      ) : null}
    </li>
  );
});

import { readingOrder, type Board } from '@rejse/shared';
import { memo, useId, useMemo } from 'react';
import { useCanvasText } from './CanvasText.tsx';
import type { GridLayout } from './layout.ts';
import type { FarKeys } from './useFarKeys.ts';
import './far-keys.css';

interface FarKeysListProps {
  board: Pick<Board, 'cards' | 'stages' | 'lanes'>;
  layout: GridLayout;
  keys: FarKeys;
  selectedCards: ReadonlySet<string>;
  privateIds: ReadonlySet<string>;
}

/**
 * The map seen from far for the keyboard and assistive technology: one Tab stop over the
 * drawn map (transparent to the pointer), a list of its cards of which only the one the
 * keyboard is on is written out — its kind, text, stage and lane, whether it is selected and
 * where it stands among them — as the list's active option, so a screen reader reads each
 * card the arrows reach. `useFarKeys` does the keys; the far layer draws the ring.
 */
function FarKeysListView({ board, layout, keys, selectedCards, privateIds }: FarKeysListProps) {
  const { t, readOnly } = useCanvasText();
  const base = useId();
  const order = useMemo(() => readingOrder(layout), [layout]);
  const id = keys.focused !== null && layout.cards.has(keys.focused) ? keys.focused : (order[0] ?? null);
  const box = id ? layout.cards.get(id) : undefined;
  if (!id || !box) return null;
  const card = board.cards.find((c) => c.id === id);
  const stageNumber = layout.stages.findIndex((s) => s.id === box.stageId) + 1;
  const stage = board.stages.find((s) => s.id === box.stageId)?.title ?? '';
  const lane = board.lanes.find((l) => l.id === box.laneId)?.title ?? '';
  const label = t('canvas.farKeys.card', {
    kind: t(`kind.${card?.kind ?? 'note'}`),
    text: card?.text || t('canvas.farKeys.noText'),
    stageNumber,
    stage,
    lane,
  });
  const optionId = `${base}-card-${order.indexOf(id)}`;
  return (
    <div className="far-keys">
      <div
        className="far-keys__list"
        tabIndex={0}
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('canvas.farLayer', { count: layout.cards.size })}
        aria-describedby={`${base}-help`}
        aria-activedescendant={optionId}
        onFocus={keys.onFocus}
        onBlur={keys.onBlur}
        onKeyDown={keys.onKeyDown}
      >
        {/* biome-ignore lint/a11y/useFocusableInteractive: the active descendant of the listbox, which keeps the focus (aria-activedescendant). */}
        <div
          id={optionId}
          role="option"
          className="visually-hidden"
          aria-selected={selectedCards.has(id)}
          aria-posinset={order.indexOf(id) + 1}
          aria-setsize={order.length}
        >
          {privateIds.has(id) ? t('mapvote.private.cardLabel', { label }) : label}
        </div>
      </div>
      <span id={`${base}-help`} className="visually-hidden">
        {t(readOnly ? 'canvas.farKeys.helpReadOnly' : 'canvas.farKeys.help')}
      </span>
    </div>
  );
}

export const FarKeysList = memo(FarKeysListView);

import {
  MATRIX_SPLIT,
  NEUTRAL_RATING,
  QUADRANTS,
  matrixPosition,
  quadrantOf,
  formatValueMoney,
  valuesFromMatrixPosition,
  type ActionRow,
  type CardId,
  type Quadrant,
} from '@rejse/shared';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { useBoard, useBoardUiStore, useCommands } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { usePrioritizeUi } from './store.tsx';
import { chipScale } from './valueSize.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;
/** Each rating's band on an axis, as a share of the plot. */
const BAND = 1 / RATINGS.length;
/** Pointer travel (px) before a press becomes a drag rather than a click. */
const DRAG_THRESHOLD = 4;
/** A drop this far outside the plot (as a share of its size) still counts, clamped to the edge. */
const DROP_MARGIN = 0.08;

/** Screen rectangles of the four quadrants, in % of the plot (impact up, effort right). */
const QUADRANT_AREAS: Readonly<Record<Quadrant, { left: number; top: number; width: number; height: number }>> = {
  'quick-win': { left: 0, top: 0, width: MATRIX_SPLIT.x, height: 1 - MATRIX_SPLIT.y },
  'big-bet': { left: MATRIX_SPLIT.x, top: 0, width: 1 - MATRIX_SPLIT.x, height: 1 - MATRIX_SPLIT.y },
  'fill-in': { left: 0, top: 1 - MATRIX_SPLIT.y, width: MATRIX_SPLIT.x, height: MATRIX_SPLIT.y },
  'money-pit': { left: MATRIX_SPLIT.x, top: 1 - MATRIX_SPLIT.y, width: 1 - MATRIX_SPLIT.x, height: MATRIX_SPLIT.y },
};

const pct = (share: number): string => `${(share * 100).toFixed(3)}%`;

interface Drag {
  id: CardId;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moved: boolean;
  /** The ratings written during this drag, so each cell is written once. */
  written: { impact: number; effort: number } | null;
}

interface Ratings {
  impact: number;
  effort: number;
}

const ratingsOf = (row: ActionRow): Ratings | null =>
  row.card.impact !== undefined && row.card.effort !== undefined ? { impact: row.card.impact, effort: row.card.effort } : null;

/**
 * The impact/effort 2×2. Dragging an idea to another cell writes its new impact and effort
 * at once (every time the cell under the pointer changes), so everyone sees it move live.
 * Keyboard: arrow keys on a focused idea change impact (up/down) and effort (left/right).
 */
export function ImpactEffortMatrix({ rows, canEdit }: { rows: readonly ActionRow[]; canEdit: boolean }) {
  const uiStore = useBoardUiStore();
  const t = useT();
  const commands = useCommands();
  const plotRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  dragRef.current = drag;
  const [announcement, setAnnouncement] = useState('');
  /** A chip to give the focus back to once it shows these ratings (it re-mounts in its new cell). */
  const refocus = useRef<{ id: CardId; ratings: Ratings | null } | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const sizeByValue = usePrioritizeUi((s) => s.sizeByValue);
  const setSizeByValue = usePrioritizeUi((s) => s.setSizeByValue);
  const locale = useBoard((b) => b.locale);
  const currency = useBoard((b) => b.currency);
  const valued = rows.some((r) => r.businessCase.value !== null);
  const maxValue = Math.max(0, ...rows.map((r) => r.businessCase.value?.mid ?? 0));

  const describe = (row: ActionRow, ratings: Ratings): string =>
    t('prioritize.matrix.moved', {
      text: row.card.text || t('prioritize.untitled'),
      impact: ratings.impact,
      effort: ratings.effort,
      quadrant: t(`prioritize.quadrant.${quadrantOf(ratings.impact, ratings.effort)}`),
    });

  const rate = (id: CardId, ratings: Ratings) => {
    const row = rowsRef.current.find((r) => r.card.id === id);
    if (!row) return;
    const current = ratingsOf(row);
    if (current && current.impact === ratings.impact && current.effort === ratings.effort) return;
    commands.updateCard(id, ratings);
    setAnnouncement(describe(row, ratings));
  };

  /** The ratings under a screen point, or null when it is well outside the plot. */
  const ratingsAt = (clientX: number, clientY: number): Ratings | null => {
    const box = plotRef.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return null;
    const x = (clientX - box.left) / box.width;
    const y = 1 - (clientY - box.top) / box.height;
    if (x < -DROP_MARGIN || x > 1 + DROP_MARGIN || y < -DROP_MARGIN || y > 1 + DROP_MARGIN) return null;
    return valuesFromMatrixPosition(x, y);
  };

  // The dragged chip moves to another cell (and is re-mounted) as soon as its ratings are
  // written, so the drag is followed on the window, not on the chip.
  const dragging = drag !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the handlers read the latest drag and rows through refs; the listeners live as long as the drag.
  useEffect(() => {
    if (!dragging) return;
    const onMove = (event: globalThis.PointerEvent) => {
      const current = dragRef.current;
      if (!current || event.pointerId !== current.pointerId) return;
      const moved = current.moved || Math.hypot(event.clientX - current.startX, event.clientY - current.startY) > DRAG_THRESHOLD;
      let written = current.written;
      if (moved) {
        const ratings = ratingsAt(event.clientX, event.clientY);
        if (ratings && (written?.impact !== ratings.impact || written?.effort !== ratings.effort)) {
          rate(current.id, ratings);
          written = ratings;
        }
      }
      setDrag({ ...current, x: event.clientX, y: event.clientY, moved, written });
    };
    const onUp = (event: globalThis.PointerEvent) => {
      const current = dragRef.current;
      if (!current || event.pointerId !== current.pointerId) return;
      setDrag(null);
      if (!current.moved) {
        uiStore.getState().setSelection([current.id], []);
        return;
      }
      refocus.current = { id: current.id, ratings: current.written };
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setDrag(null);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
      window.removeEventListener('keydown', onKey);
    };
  }, [dragging]);

  // A chip re-mounts in its new cell: give it the keyboard focus back.
  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending) return;
    const chip = rootRef.current?.querySelector<HTMLButtonElement>(`[data-matrix-card="${pending.id}"]`);
    if (!chip) return;
    const moved =
      !pending.ratings ||
      (chip.dataset.impact === String(pending.ratings.impact) && chip.dataset.effort === String(pending.ratings.effort));
    if (document.activeElement !== chip) chip.focus();
    if (moved) refocus.current = null;
  });

  const onPointerDown = (row: ActionRow) => (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    if (!canEdit) return;
    event.preventDefault();
    event.currentTarget.focus();
    setDrag({
      id: row.card.id,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      x: event.clientX,
      y: event.clientY,
      moved: false,
      written: null,
    });
  };

  const onKeyDown = (row: ActionRow) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const steps: Record<string, [number, number]> = {
      ArrowUp: [1, 0],
      ArrowDown: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
    };
    const step = steps[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      uiStore.getState().setSelection([row.card.id], []);
      return;
    }
    if (!step || !canEdit) return;
    event.preventDefault();
    const current = ratingsOf(row) ?? { impact: NEUTRAL_RATING, effort: NEUTRAL_RATING };
    const clamp = (n: number) => Math.max(1, Math.min(5, n));
    // A first arrow on an unrated idea places it in the middle.
    const next = ratingsOf(row) ? { impact: clamp(current.impact + step[0]), effort: clamp(current.effort + step[1]) } : current;
    refocus.current = { id: row.card.id, ratings: next };
    rate(row.card.id, next);
  };

  const cells = new Map<string, ActionRow[]>();
  const unrated: ActionRow[] = [];
  for (const row of rows) {
    const ratings = ratingsOf(row);
    if (!ratings) {
      unrated.push(row);
      continue;
    }
    const key = `${ratings.impact}:${ratings.effort}`;
    cells.set(key, [...(cells.get(key) ?? []), row]);
  }

  const chip = (row: ActionRow) => {
    const ratings = ratingsOf(row);
    const text = row.card.text || t('prioritize.untitled');
    const label = ratings
      ? t('prioritize.matrix.card', {
          rank: row.rank,
          text,
          impact: ratings.impact,
          effort: ratings.effort,
          quadrant: t(`prioritize.quadrant.${quadrantOf(ratings.impact, ratings.effort)}`),
        })
      : t('prioritize.matrix.cardUnrated', { rank: row.rank, text });
    const value = row.businessCase.value?.mid;
    const sized = sizeByValue && valued;
    return (
      <button
        key={row.card.id}
        type="button"
        className={`matrix-chip${drag?.id === row.card.id && drag.moved ? ' is-dragged' : ''}${sized ? ' is-sized' : ''}`}
        style={sized ? ({ '--chip-scale': chipScale(value, maxValue) } as CSSProperties) : undefined}
        data-matrix-card={row.card.id}
        data-impact={ratings?.impact ?? ''}
        data-effort={ratings?.effort ?? ''}
        aria-label={
          !sized
            ? label
            : value === undefined
              ? t('prioritize.matrix.cardNoValue', { label })
              : t('prioritize.matrix.cardValue', { label, value: formatValueMoney(value, locale, currency) })
        }
        aria-describedby={canEdit ? 'matrix-keys' : undefined}
        title={text}
        onPointerDown={onPointerDown(row)}
        onKeyDown={onKeyDown(row)}
      >
        <span className="matrix-chip__rank">{row.rank}</span>
        <span className="matrix-chip__text">{text}</span>
      </button>
    );
  };

  const dragged = drag?.moved ? rows.find((r) => r.card.id === drag.id) : undefined;

  return (
    <div className={`matrix${drag?.moved ? ' is-dragging' : ''}`} ref={rootRef}>
      <div className="matrix__frame">
        <div className="matrix__y-axis" aria-hidden="true">
          <span className="matrix__axis-title">{t('prioritize.matrix.impact')} ↑</span>
          {[...RATINGS].reverse().map((r) => (
            <span key={r} className="matrix__tick" style={{ top: pct((5 - r + 0.5) * BAND) }}>
              {r}
            </span>
          ))}
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: the plot is a labelled area of draggable chips, not a form; its box is the coordinate system for drops. */}
        <div className="matrix__plot" ref={plotRef} role="group" aria-label={t('prioritize.matrix.label')}>
          {QUADRANTS.map((q) => {
            const area = QUADRANT_AREAS[q];
            return (
              <div
                key={q}
                className={`matrix__quadrant matrix__quadrant--${q}`}
                style={{ left: pct(area.left), top: pct(area.top), width: pct(area.width), height: pct(area.height) }}
              >
                <span className="matrix__quadrant-name">{t(`prioritize.quadrant.${q}`)}</span>
                <span className="matrix__quadrant-hint">{t(`prioritize.quadrantHint.${q}`)}</span>
              </div>
            );
          })}
          {RATINGS.flatMap((impact) =>
            RATINGS.map((effort) => {
              const here = cells.get(`${impact}:${effort}`);
              if (!here) return null;
              const centre = matrixPosition(impact, effort);
              return (
                <div
                  key={`${impact}:${effort}`}
                  className="matrix__cell"
                  data-cell={`${impact}:${effort}`}
                  style={{
                    left: pct(centre.x - BAND / 2),
                    top: pct(1 - centre.y - BAND / 2),
                    width: pct(BAND),
                    height: pct(BAND),
                  }}
                >
                  {here.map(chip)}
                </div>
              );
            }),
          )}
        </div>
        <div className="matrix__x-axis" aria-hidden="true">
          {RATINGS.map((r) => (
            <span key={r} className="matrix__tick" style={{ left: pct((r - 0.5) * BAND) }}>
              {r}
            </span>
          ))}
          <span className="matrix__axis-title">{t('prioritize.matrix.effort')} →</span>
        </div>
      </div>
      <aside className="matrix__tray" aria-label={t('prioritize.matrix.unrated')}>
        {valued ? (
          <div className="matrix__size">
            <label className="matrix__size-toggle">
              <input type="checkbox" checked={sizeByValue} onChange={(event) => setSizeByValue(event.target.checked)} />
              {t('prioritize.matrix.sizeByValue')}
            </label>
            {sizeByValue ? <p className="muted">{t('prioritize.matrix.sizeHint')}</p> : null}
          </div>
        ) : null}
        <h3 className="matrix__tray-title">{t('prioritize.matrix.unrated')}</h3>
        {unrated.length === 0 ? (
          <p className="muted">{t('prioritize.matrix.allRated')}</p>
        ) : (
          <>
            <p className="muted">{canEdit ? t('prioritize.matrix.unratedHint') : t('prioritize.matrix.viewOnly')}</p>
            <div className="matrix__tray-chips">{unrated.map(chip)}</div>
          </>
        )}
      </aside>
      <p id="matrix-keys" className="visually-hidden">
        {t('prioritize.matrix.keys')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {dragged && drag ? (
        <div className="matrix-ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          <span className="matrix-chip__rank">{dragged.rank}</span>
          <span className="matrix-chip__text">{dragged.card.text || t('prioritize.untitled')}</span>
        </div>
      ) : null}
    </div>
  );
}

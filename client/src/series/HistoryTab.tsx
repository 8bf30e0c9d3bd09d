import type { Board, SnapshotInfo } from '@rejse/shared';
import { useCallback, useEffect, useState } from 'react';
import { useBoard, useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { formatDateTime, useT } from '../i18n/index.ts';
import { navigate } from '../routing/router.tsx';
import { boardPath } from '../routing/routes.ts';
import { DiffView, type Comparison } from './DiffView.tsx';
import { snapshotLabel } from './snapshotLabel.ts';
import { useRestore, useSeriesApi } from './useSeries.ts';
import { focusLiveCard, showSnapshot } from './viewState.ts';

const LIVE = 'live';

/**
 * The version history: when, by whom and what changed; save one by hand with a name; view one
 * read-only on the canvas; compare two (or one with now); the facilitator restores a whole
 * version or one card (a new change everyone sees, undone from the toast it leaves).
 */
export function HistoryTab() {
  const t = useT();
  const session = useSession();
  const locale = useBoard((b) => b.locale);
  const currency = useBoard((b) => b.currency);
  const { role, boardId } = useFacilitationContext();
  const api = useSeriesApi();
  const restore = useRestore();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(LIVE);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.snapshots().then(
      (list) => setSnapshots([...list.snapshots].reverse()),
      (cause: unknown) => setError(String(cause)),
    );
  }, [api]);
  useEffect(reload, [reload]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
    reload();
  };

  const label = (s: SnapshotInfo) => snapshotLabel(t, s);
  const by = (s: SnapshotInfo) => s.by.name ?? (s.by.role ? t(`series.activity.role.${s.by.role}`) : t('series.history.byServer'));
  const find = (id: string) => snapshots?.find((s) => s.id === id);
  const optionLabel = (s: SnapshotInfo) => `${label(s)} · ${formatDateTime(s.createdAt, locale)}`;

  const view = async (info: SnapshotInfo, focusCardId: string | null = null) => {
    const board = await api.snapshotBoard(info.id);
    showSnapshot({ boardId, info, board, focusCardId });
    // The version is shown where the live map is.
    if (!window.location.pathname.endsWith(encodeURIComponent(boardId))) navigate(boardPath(boardId));
  };

  const compare = (fromId: string, toId: string) =>
    run(async () => {
      const fromInfo = find(fromId);
      const toInfo = toId === LIVE ? null : find(toId);
      if (!fromInfo || (toId !== LIVE && !toInfo)) return;
      const [result, before, after] = await Promise.all([
        api.compare(fromId, toId),
        api.snapshotBoard(fromId),
        toInfo ? api.snapshotBoard(toInfo.id) : Promise.resolve<Board>(session.getBoard()),
      ]);
      setComparison({
        result,
        before,
        after,
        fromLabel: optionLabel(fromInfo),
        toLabel: toInfo ? optionLabel(toInfo) : t('series2.compare.now'),
      });
    });

  const showCard = (cardId: string, side: 'before' | 'after') => {
    if (!comparison) return;
    const snapshotId = side === 'before' ? comparison.result.from : comparison.result.to;
    const info = find(snapshotId);
    if (snapshotId === LIVE || !info) {
      showSnapshot(null);
      focusLiveCard(boardId, cardId);
    } else void run(() => view(info, cardId));
  };

  const fromId = from || snapshots?.[0]?.id || '';
  return (
    <div className="history">
      {error ? (
        <p className="series-error" role="alert">
          {error}
        </p>
      ) : null}
      {role !== 'viewer' ? (
        <form
          className="history__save"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim())
              void run(async () => {
                await api.takeSnapshot(name.trim());
                setName('');
              });
          }}
        >
          <label className="field">
            <span className="field__label">{t('series.history.name')}</span>
            <input
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
              placeholder={t('series.history.namePlaceholder')}
            />
          </label>
          <button type="submit" className="button button--small button--primary" disabled={!name.trim()}>
            {t('series.history.save')}
          </button>
        </form>
      ) : null}
      {snapshots && snapshots.length > 0 ? (
        <form
          className="history__compare"
          aria-label={t('series2.compare.title')}
          onSubmit={(event) => {
            event.preventDefault();
            if (fromId && fromId !== to) void compare(fromId, to);
          }}
        >
          <label className="field">
            <span className="field__label">{t('series2.compare.from')}</span>
            <select value={fromId} onChange={(event) => setFrom(event.target.value)}>
              {snapshots.map((s) => (
                <option key={s.id} value={s.id}>
                  {optionLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('series2.compare.to')}</span>
            <select value={to} onChange={(event) => setTo(event.target.value)}>
              <option value={LIVE}>{t('series2.compare.now')}</option>
              {snapshots.map((s) => (
                <option key={s.id} value={s.id}>
                  {optionLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--small" disabled={!fromId || fromId === to}>
            {t('series2.compare.run')}
          </button>
        </form>
      ) : null}
      {comparison ? (
        <DiffView
          comparison={comparison}
          locale={locale}
          currency={currency}
          onClose={() => setComparison(null)}
          onShowCard={showCard}
          onRestoreCard={
            role === 'facilitator'
              ? (cardId) =>
                  void run(async () => {
                    await restore(comparison.result.from, comparison.fromLabel, cardId);
                    setComparison(null);
                  })
              : undefined
          }
        />
      ) : null}
      {snapshots && snapshots.length === 0 ? <p>{t('series.history.empty')}</p> : null}
      <ol className="history__list">
        {(snapshots ?? []).map((s) => (
          <li key={s.id} className={`history__entry history__entry--${s.kind}`} data-snapshot-id={s.id}>
            <p className="history__line">
              <strong>{label(s)}</strong>
              <time dateTime={new Date(s.createdAt).toISOString()}>{formatDateTime(s.createdAt, locale)}</time>
            </p>
            <p className="history__meta">
              {t('series.history.by', { who: by(s) })} · {t('series.history.changes', s.changes)}
            </p>
            <div className="history__actions">
              <button type="button" className="button button--small" onClick={() => void run(() => view(s))}>
                {t('series.history.view')}
              </button>
              <button type="button" className="button button--small" onClick={() => void compare(s.id, LIVE)}>
                {t('series.history.compare')}
              </button>
              {role === 'facilitator' ? (
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => {
                    if (window.confirm(t('series.history.confirmRestore', { name: label(s) }))) void run(() => restore(s.id, label(s)));
                  }}
                >
                  {t('series.history.restore')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

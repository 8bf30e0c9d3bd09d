import type { Board, CompareResponse, RestoreResponse, SnapshotInfo } from '@rejse/shared';
import { useCallback, useEffect, useState } from 'react';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { formatDateTime, useLocale, useT } from '../i18n/index.ts';
import { DiffView } from './DiffView.tsx';
import { SnapshotView } from './SnapshotView.tsx';
import { useSeriesApi } from './useSeries.ts';

type Opened = { kind: 'view'; id: string; board: Board } | { kind: 'compare'; id: string; result: CompareResponse } | null;

/**
 * The version history: when, by whom and what changed; save one by hand with a name; view one
 * read-only; compare one with now; the facilitator restores a whole version or one card (a new
 * change everyone sees, undone by restoring the version taken just before it).
 */
export function HistoryTab() {
  const t = useT();
  const locale = useLocale();
  const { role } = useFacilitationContext();
  const api = useSeriesApi();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [name, setName] = useState('');
  const [opened, setOpened] = useState<Opened>(null);
  const [restored, setRestored] = useState<RestoreResponse | null>(null);
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
  const restore = (id: string, cardId?: string) =>
    run(async () => {
      setRestored(await api.restore(id, cardId));
      setOpened(null);
    });

  const label = (s: SnapshotInfo) => s.name || t(`series.history.kind.${s.kind}`);
  const by = (s: SnapshotInfo) => s.by.name ?? (s.by.role ? t(`series.activity.role.${s.by.role}`) : t('series.history.byServer'));

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
      {restored ? (
        <p className="history__restored" role="status">
          {t('series.history.restored')}{' '}
          {role === 'facilitator' ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => void restore(restored.undoSnapshotId).then(() => setRestored(null))}
            >
              {t('series.history.undoRestore')}
            </button>
          ) : null}
        </p>
      ) : null}
      {opened?.kind === 'view' ? <SnapshotView board={opened.board} onClose={() => setOpened(null)} /> : null}
      {opened?.kind === 'compare' ? (
        <DiffView
          result={opened.result}
          onClose={() => setOpened(null)}
          onRestoreCard={role === 'facilitator' ? (cardId) => void restore(opened.id, cardId) : undefined}
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
              <button
                type="button"
                className="button button--small"
                onClick={() => void run(async () => setOpened({ kind: 'view', id: s.id, board: await api.snapshotBoard(s.id) }))}
              >
                {t('series.history.view')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => void run(async () => setOpened({ kind: 'compare', id: s.id, result: await api.compare(s.id, 'live') }))}
              >
                {t('series.history.compare')}
              </button>
              {role === 'facilitator' ? (
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => {
                    if (window.confirm(t('series.history.confirmRestore', { name: label(s) }))) void restore(s.id);
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

import { MAX_TOP_N, RANK_MODES, type RankBy } from '@rejse/shared';
import { useState } from 'react';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { ActionList } from './ActionList.tsx';
import { ImpactEffortMatrix } from './Matrix.tsx';
import { ScoreHelp } from './Score.tsx';
import { usePrioritizeUi, type PrioritizeSubview } from './store.tsx';
import { usePrioritySettingsSetter, useRankedActions } from './usePrioritize.ts';

const SUBVIEWS: readonly PrioritizeSubview[] = ['list', 'matrix'];

/**
 * From map to to-do list: the board's ideas ranked (score, votes, impact/effort or the
 * facilitator's order) with a "top N" cut line, or plotted on the impact/effort matrix.
 */
export function PrioritizeView() {
  const t = useT();
  const role = useRole();
  const subview = usePrioritizeUi((s) => s.subview);
  const setSubview = usePrioritizeUi((s) => s.setSubview);
  const { rows, settings } = useRankedActions();
  const setSettings = usePrioritySettingsSetter();
  const canEdit = role !== 'viewer';

  return (
    <section className="prioritize" aria-labelledby="prioritize-title">
      <header className="prioritize__bar">
        <h2 id="prioritize-title" className="prioritize__title">
          {t('prioritize.title')}
          <span className="prioritize__count">{t('prioritize.count', { count: rows.length })}</span>
        </h2>
        <div className="pz-segmented" role="radiogroup" aria-label={t('prioritize.view.label')}>
          {SUBVIEWS.map((view) => (
            <label key={view} className="pz-segmented__option">
              <input type="radio" name="prioritize-view" checked={subview === view} onChange={() => setSubview(view)} />
              <span>{t(`prioritize.view.${view}`)}</span>
            </label>
          ))}
        </div>
        {setSettings ? (
          <>
            <label className="prioritize__control">
              <span>{t('prioritize.rankBy.label')}</span>
              <select
                className="input input--compact"
                value={settings.rankBy}
                onChange={(event) => setSettings({ rankBy: event.target.value as RankBy })}
              >
                {RANK_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`prioritize.rankBy.${mode}`)}
                  </option>
                ))}
              </select>
            </label>
            <TopNField value={settings.topN} onChange={(topN) => setSettings({ topN })} />
          </>
        ) : (
          <p className="prioritize__readonly" title={t('prioritize.facilitatorOnly')}>
            {t('prioritize.rankBy.readonly', { mode: t(`prioritize.rankBy.${settings.rankBy}`), n: settings.topN })}
          </p>
        )}
        <ScoreHelp />
      </header>
      <div className="prioritize__body">
        {rows.length === 0 ? (
          <p className="prioritize__empty">{t('prioritize.empty')}</p>
        ) : subview === 'list' ? (
          <ActionList
            rows={rows}
            settings={settings}
            canEdit={canEdit}
            canReorder={setSettings !== null}
            onRankByManual={() => setSettings?.({ rankBy: 'manual' })}
          />
        ) : (
          <ImpactEffortMatrix rows={rows} canEdit={canEdit} />
        )}
      </div>
    </section>
  );
}

/** The cut line, written when it is a whole number from 1 to MAX_TOP_N (typing "1" on the way to "15" waits for the blur). */
function TopNField({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (text: string) => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_TOP_N && n !== value) onChange(n);
  };
  return (
    <label className="prioritize__control">
      <span>{t('prioritize.topN.label')}</span>
      <input
        className="input input--compact prioritize__top-n"
        type="number"
        min={1}
        max={MAX_TOP_N}
        step={1}
        value={draft ?? String(value)}
        onFocus={() => setDraft(String(value))}
        onChange={(event) => {
          setDraft(event.target.value);
          // Arrow keys and the spinner change by one: write at once.
          const n = Number(event.target.value);
          if (Math.abs(n - value) === 1) commit(event.target.value);
        }}
        onBlur={(event) => {
          commit(event.target.value);
          setDraft(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
    </label>
  );
}

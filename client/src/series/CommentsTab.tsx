import { commentThreads, readComments, targetKey } from '@rejse/shared';
import { useState } from 'react';
import { useBoard } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { Threads } from './Threads.tsx';
import { useDocValue } from './useSeries.ts';

/** Every target with comments (cards and stages), and a way to start a thread on a stage. */
export function CommentsTab() {
  const t = useT();
  const stages = useBoard((board) => board.stages);
  const cards = useBoard((board) => board.cards);
  const targets = useDocValue((doc) => [...new Set(commentThreads(readComments(doc)).map((thread) => targetKey(thread.target)))]);
  const [stageId, setStageId] = useState('');
  const nameOf = (key: string) => {
    const [kind, id] = key.split(':') as ['card' | 'stage', string];
    if (kind === 'stage') return t('series.comments.onStage', { name: stages.find((s) => s.id === id)?.title ?? '' });
    return t('series.comments.onCard', { name: cards.find((c) => c.id === id)?.text ?? t('series.comments.goneCard') });
  };
  return (
    <div className="comments-tab">
      <label className="field">
        <span className="field__label">{t('series.comments.stagePick')}</span>
        <select className="input" value={stageId} onChange={(event) => setStageId(event.target.value)}>
          <option value="">—</option>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.title}
            </option>
          ))}
        </select>
      </label>
      {stageId && !targets.includes(`stage:${stageId}`) ? <Threads target={{ kind: 'stage', id: stageId }} /> : null}
      {targets.length === 0 && !stageId ? <p className="muted">{t('series.comments.noneOnBoard')}</p> : null}
      {targets.map((key) => {
        const [kind, id] = key.split(':') as ['card' | 'stage', string];
        return (
          <section key={key} className="comments-tab__target">
            <h3>{nameOf(key)}</h3>
            <Threads target={{ kind, id }} label={nameOf(key)} />
          </section>
        );
      })}
    </div>
  );
}

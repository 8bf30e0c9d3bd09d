import type { FacilitationState } from '@rejse/shared';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useBoard } from '../doc/BoardContext.tsx';
import { wsBaseFor } from '../doc/connection.ts';
import { useT } from '../i18n/index.ts';
import { DraftsSession } from './drafts.ts';
import { useDrafts, useFacilitationContext } from './FacilitationContext.tsx';

/** Opens this editor's private drafts while private mode is on, and closes them after. */
export function DraftsConnector({ privateMode }: { privateMode: boolean }) {
  const { boardId, token, participant, role, drafts } = useFacilitationContext();
  const wanted = privateMode && role === 'editor';
  useEffect(() => {
    if (!wanted) return;
    const session = new DraftsSession(boardId, wsBaseFor(window.location), token, participant);
    drafts.set(session);
    return () => {
      drafts.set(null);
      session.destroy();
    };
  }, [wanted, boardId, token, participant, drafts]);
  return null;
}

/** Private mode: an editor's own hidden cards (editable until revealed); the facilitator's reminder. */
export function DraftsPanel({ state }: { state: FacilitationState }) {
  const t = useT();
  const { role } = useFacilitationContext();
  if (!state.privateMode) return null;
  return (
    <section className="workshop-panel" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading" className="workshop-panel__title">
        {t('facilitation.private.heading')}
      </h2>
      <p className="workshop-panel__lead">
        {role === 'facilitator' ? t('facilitation.private.facilitatorNote') : t('facilitation.private.editorNote')}
      </p>
      {role === 'editor' ? <MyDrafts /> : null}
    </section>
  );
}

function MyDrafts() {
  const t = useT();
  const drafts = useDrafts();
  const empty = useMemo(() => ({ get: () => [] as const, subscribe: () => () => {} }), []);
  const store = drafts?.cards ?? empty;
  const cards = useSyncExternalStore(store.subscribe, store.get);
  const stages = useBoard((b) => b.stages);
  const stageTitle = (id: string) => stages.find((s) => s.id === id)?.title ?? '';
  if (cards.length === 0) return <p className="muted">{t('facilitation.private.none')}</p>;
  return (
    <ul className="draft-list">
      {cards.map((card) => (
        <li key={card.id} className="draft-item">
          <label className="field">
            <span className="field__label">
              {t('facilitation.private.cardIn', { kind: t(`kind.${card.kind}`), stage: stageTitle(card.stageId) })}
            </span>
            <textarea
              className="input"
              rows={2}
              defaultValue={card.text}
              onBlur={(event) => {
                if (event.target.value !== card.text) drafts?.setText(card.id, event.target.value);
              }}
            />
          </label>
          <button type="button" className="button button--small" onClick={() => drafts?.remove(card.id)}>
            {t('facilitation.private.delete')}
          </button>
        </li>
      ))}
    </ul>
  );
}

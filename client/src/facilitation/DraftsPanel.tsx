import { readPeople, textValue, cardsMap, type CardId, type FacilitationState } from '@rejse/shared';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { wsBaseFor } from '../doc/connection.ts';
import { useT } from '../i18n/index.ts';
import { DraftsSession } from './drafts.ts';
import { useDrafts, useFacilitationContext } from './FacilitationContext.tsx';
import { usePolled } from './usePolled.ts';

/** How often the facilitator's overview asks how many private cards each person has. */
const COUNTS_EVERY_MS = 2_000;

/**
 * Opens this editor's private cards while private mode is on, and closes them after. A
 * private card left empty when its editor closes is thrown away: adding one and typing
 * nothing leaves nothing behind.
 */
export function DraftsConnector({ privateMode }: { privateMode: boolean }) {
  const { boardId, token, participant, role, drafts } = useFacilitationContext();
  const session = useSession();
  const uiStore = useBoardUiStore();
  const wanted = privateMode && role === 'editor';
  useEffect(() => {
    if (!wanted) return;
    const opened = new DraftsSession(boardId, wsBaseFor(window.location), token, participant, session.doc);
    drafts.set(opened);
    // Undo and redo take this person's private edits too, in order with the board's.
    const leaveHistory = session.history.add(opened.undoManager);
    const stopWatching = uiStore.subscribe((state, previous) => {
      const left = previous.editingCard;
      if (!left || left === state.editingCard || !opened.has(left)) return;
      if (textValue(cardsMap(opened.doc).get(left)?.get('text')).trim() === '') opened.remove([left as CardId]);
    });
    return () => {
      stopWatching();
      leaveHistory();
      drafts.set(null);
      opened.destroy();
    };
  }, [wanted, boardId, token, participant, drafts, session, uiStore]);
  return null;
}

/** Private mode: the editor's reminder and how many private cards they have; the facilitator's count per person. */
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
      {role === 'editor' ? <MyCount /> : null}
      {role === 'facilitator' ? <CountsByPerson /> : null}
    </section>
  );
}

function MyCount() {
  const t = useT();
  const drafts = useDrafts();
  const count = useSyncExternalStore(
    (listener) => drafts?.cards.subscribe(listener) ?? (() => undefined),
    () => drafts?.cards.get().length ?? 0,
  );
  return <p className="muted">{t('mapvote.private.mine', { count })}</p>;
}

function CountsByPerson() {
  const t = useT();
  const session = useSession();
  const { api } = useFacilitationContext();
  const counts = usePolled(
    useCallback(() => api.privateCounts(), [api]),
    COUNTS_EVERY_MS,
  );
  if (!counts) return null;
  if (counts.length === 0) return <p className="muted">{t('mapvote.private.noneYet')}</p>;
  // Names from the board's people directory, read when the counts arrive.
  const people = readPeople(session.doc);
  return (
    <ul className="private-counts" aria-label={t('mapvote.private.countsLabel')}>
      {counts.map(({ participantId, count }) => (
        <li key={participantId} className="private-counts__row" data-participant-id={participantId}>
          <span className="private-counts__name">{people.get(participantId) ?? t('series.comments.someone')}</span>
          <span className="private-counts__count">{t('mapvote.private.count', { count })}</span>
        </li>
      ))}
    </ul>
  );
}

import type { OpenVoteRound } from '@rejse/shared';
import { useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useBoardUiStore } from '../doc/BoardContext.tsx';
import type { CardAddonProps } from '../doc/mapLayers.ts';
import { useT } from '../i18n/index.ts';
import { FacilitationApiError } from './api.ts';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { isVotable, useVoteView } from './voteView.tsx';

const REASONS: Record<string, 'facilitation.vote.noneLeft' | 'facilitation.vote.onePerCard' | 'facilitation.vote.closed'> = {
  'no-votes-left': 'facilitation.vote.noneLeft',
  'one-per-card': 'facilitation.vote.onePerCard',
  closed: 'facilitation.vote.closed',
};

/**
 * Voting on the map, drawn on every card (see `MapLayers.CardAddon`): while a round is open,
 * each card of its target carries this person's vote control (a toggle when the round allows
 * one vote per card, − count + when several); once it has closed, the card shows the total it
 * got. Viewers do not vote; they see the totals.
 */
export function VoteControl({ id, kind, text }: CardAddonProps) {
  const t = useT();
  const { role } = useFacilitationContext();
  const { round, totals } = useVoteView();
  if (round) return isVotable(round, kind) && role !== 'viewer' ? <OnCardVote round={round} id={id} text={text} /> : null;
  const total = totals.get(id);
  if (!total) return null;
  return (
    <span className="card-votes" title={t('mapvote.vote.totalHint')}>
      {t('facilitation.vote.total', { count: total })}
    </span>
  );
}

/**
 * Enter and Space press the button, not the card around it (Enter would open the card's text,
 * the arrows move it, Delete remove it): the keys stay here (`nokey` tells React Flow the same).
 */
const keepKeys = (event: KeyboardEvent) => event.stopPropagation();

function OnCardVote({ round, id, text }: { round: OpenVoteRound; id: string; text: string }) {
  const t = useT();
  const { api, myVotes } = useFacilitationContext();
  const uiStore = useBoardUiStore();
  const [busy, setBusy] = useState(false);
  const mine = useSyncExternalStore(myVotes.subscribe, () => {
    const votes = myVotes.get();
    return votes?.roundId === round.id ? (votes.votes[id] ?? 0) : 0;
  });
  const card = text.trim() || t('card.empty');

  const vote = async (delta: 1 | -1) => {
    setBusy(true);
    try {
      myVotes.set(await api.vote(round.id, id, delta));
    } catch (error) {
      const reason = error instanceof FacilitationApiError ? error.reason : null;
      const key = reason ? REASONS[reason] : undefined;
      uiStore.getState().notify(key ? t(key) : t('facilitation.failed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  if (!round.allowMultiplePerCard) {
    const voted = mine > 0;
    return (
      <div className={`card-vote nodrag nopan nokey${voted ? ' is-voted' : ''}`}>
        <button
          type="button"
          className="card-vote__toggle"
          aria-pressed={voted}
          aria-label={t(voted ? 'facilitation.vote.remove' : 'facilitation.vote.add', { card })}
          disabled={busy}
          onKeyDown={keepKeys}
          onClick={() => void vote(voted ? -1 : 1)}
        >
          <span aria-hidden="true">{voted ? '●' : '○'}</span>
          {t(voted ? 'mapvote.vote.voted' : 'mapvote.vote.vote')}
        </button>
      </div>
    );
  }
  return (
    <div className={`card-vote nodrag nopan nokey${mine > 0 ? ' is-voted' : ''}`}>
      <button
        type="button"
        className="card-vote__step"
        aria-label={t('facilitation.vote.remove', { card })}
        disabled={busy || mine === 0}
        onKeyDown={keepKeys}
        onClick={() => void vote(-1)}
      >
        −
      </button>
      <span className="card-vote__count" role="img" aria-label={t('facilitation.vote.mine', { count: mine })}>
        {mine}
      </span>
      <button
        type="button"
        className="card-vote__step"
        aria-label={t('facilitation.vote.add', { card })}
        disabled={busy}
        onKeyDown={keepKeys}
        onClick={() => void vote(1)}
      >
        +
      </button>
    </div>
  );
}

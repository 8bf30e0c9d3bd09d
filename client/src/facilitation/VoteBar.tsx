import type { OpenVoteRound } from '@rejse/shared';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useT } from '../i18n/index.ts';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { usePolled } from './usePolled.ts';

/** How often the facilitator's "N of M have voted" asks the server again. */
const PROGRESS_EVERY_MS = 2_000;

/**
 * The open round above the map: what is voted on, this person's budget ("3 of 5 votes left",
 * with a dot per vote), and for the facilitator how many have voted so far. The votes
 * themselves are cast on the cards (VoteControl). Loads this person's own votes when the round
 * opens (or the page reloads during it).
 */
export function VoteBar({ round }: { round: OpenVoteRound }) {
  const t = useT();
  const { api, role, myVotes } = useFacilitationContext();
  const canVote = role !== 'viewer';
  const votes = useSyncExternalStore(myVotes.subscribe, myVotes.get);
  const remaining = votes?.roundId === round.id ? votes.remaining : round.votesPerPerson;

  useEffect(() => {
    if (!canVote) return;
    let live = true;
    api.myVotes(round.id).then(
      (mine) => live && myVotes.set(mine),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, myVotes, round.id, canVote]);

  return (
    <div className="vote-bar" data-round-id={round.id}>
      <strong className="vote-bar__title">
        {t(round.target === 'ideas' ? 'facilitation.vote.headingIdeas' : 'facilitation.vote.headingPains')}
      </strong>
      {canVote ? (
        <span className="vote-bar__budget">
          <span className="vote-bar__dots" aria-hidden="true">
            {Array.from({ length: round.votesPerPerson }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the dots are positions, nothing else.
              <span key={i} className={`vote-bar__dot${i < remaining ? ' is-left' : ''}`} />
            ))}
          </span>
          <span role="status">{t('mapvote.vote.left', { remaining, total: round.votesPerPerson })}</span>
        </span>
      ) : (
        <span className="muted">{t('facilitation.vote.viewerNote')}</span>
      )}
      {role === 'facilitator' ? (
        <VoteProgress roundId={round.id} />
      ) : (
        <span className="muted vote-bar__hint">{t('facilitation.vote.secret')}</span>
      )}
    </div>
  );
}

function VoteProgress({ roundId }: { roundId: string }) {
  const t = useT();
  const { api } = useFacilitationContext();
  const progress = usePolled(
    useCallback(() => api.voteProgress(roundId), [api, roundId]),
    PROGRESS_EVERY_MS,
  );
  if (!progress) return null;
  return (
    <span className="vote-bar__progress" role="status" title={t('mapvote.vote.progressHint')}>
      {t('mapvote.vote.progress', { voted: progress.voted, eligible: progress.eligible })}
    </span>
  );
}

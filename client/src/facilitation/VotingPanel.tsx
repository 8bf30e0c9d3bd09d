import { voteTargetKind, type Card, type FacilitationState, type OpenVoteRound, type VoteRoundResult } from '@rejse/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useBoard } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { FacilitationApiError, type MyVotes } from './api.ts';
import { useFacilitationContext } from './FacilitationContext.tsx';

const REASONS: Record<string, 'facilitation.vote.noneLeft' | 'facilitation.vote.onePerCard' | 'facilitation.vote.closed'> = {
  'no-votes-left': 'facilitation.vote.noneLeft',
  'one-per-card': 'facilitation.vote.onePerCard',
  closed: 'facilitation.vote.closed',
};

const cardLabel = (card: Card | undefined, fallback: string): string => (card?.text.trim() ? card.text.trim() : fallback);

/**
 * Dot voting for everyone: while a round is open, the cards of its target with this
 * person's own votes only (they live on the server, not in the shared document); once
 * closed, the latest round's totals for all.
 */
export function VotingPanel({ state }: { state: FacilitationState }) {
  const latest = state.rounds.at(-1) ?? null;
  const [hiddenResult, setHiddenResult] = useState<string | null>(null);
  if (state.openRound) return <OpenRound round={state.openRound} />;
  if (latest && hiddenResult !== latest.id) return <RoundResults round={latest} onHide={() => setHiddenResult(latest.id)} />;
  return null;
}

function OpenRound({ round }: { round: OpenVoteRound }) {
  const t = useT();
  const { api, role } = useFacilitationContext();
  const cards = useBoard((b) => b.cards);
  const targets = useMemo(() => cards.filter((c) => c.kind === voteTargetKind(round.target)), [cards, round.target]);
  const [mine, setMine] = useState<MyVotes | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canVote = role !== 'viewer';

  useEffect(() => {
    if (!canVote) return;
    let live = true;
    api.myVotes(round.id).then(
      (votes) => live && setMine(votes),
      () => live && setMine({ roundId: round.id, votes: {}, used: 0, remaining: round.votesPerPerson }),
    );
    return () => {
      live = false;
    };
  }, [api, round.id, round.votesPerPerson, canVote]);

  const vote = useCallback(
    async (cardId: string, delta: 1 | -1) => {
      setBusy(true);
      setMessage(null);
      try {
        setMine(await api.vote(round.id, cardId, delta));
      } catch (error) {
        const reason = error instanceof FacilitationApiError ? error.reason : null;
        const key = reason ? REASONS[reason] : undefined;
        setMessage(key ? t(key) : t('facilitation.failed', { error: error instanceof Error ? error.message : String(error) }));
      } finally {
        setBusy(false);
      }
    },
    [api, round.id, t],
  );

  const remaining = mine?.remaining ?? round.votesPerPerson;
  return (
    <section className="workshop-panel" aria-labelledby="voting-heading" data-round-id={round.id}>
      <h2 id="voting-heading" className="workshop-panel__title">
        {t(round.target === 'ideas' ? 'facilitation.vote.headingIdeas' : 'facilitation.vote.headingPains')}
      </h2>
      <p className="workshop-panel__lead">
        {canVote ? t('facilitation.vote.remaining', { remaining, total: round.votesPerPerson }) : t('facilitation.vote.viewerNote')}
      </p>
      <p className="muted workshop-panel__hint">{t('facilitation.vote.secret')}</p>
      {targets.length === 0 ? <p className="muted">{t('facilitation.vote.noCards')}</p> : null}
      <ul className="vote-list">
        {targets.map((card) => {
          const count = mine?.votes[card.id] ?? 0;
          const text = cardLabel(card, t('card.empty'));
          return (
            <li key={card.id} className="vote-item" data-card-id={card.id}>
              <span className="vote-item__text">{text}</span>
              <span className="vote-item__dots" role="img" aria-label={t('facilitation.vote.mine', { count })}>
                {'●'.repeat(count)}
              </span>
              {canVote ? (
                <span className="vote-item__buttons">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('facilitation.vote.add', { card: text })}
                    disabled={busy}
                    onClick={() => void vote(card.id, 1)}
                  >
                    +
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('facilitation.vote.remove', { card: text })}
                    disabled={busy || count === 0}
                    onClick={() => void vote(card.id, -1)}
                  >
                    −
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}

function RoundResults({ round, onHide }: { round: VoteRoundResult; onHide: () => void }) {
  const t = useT();
  const cards = useBoard((b) => b.cards);
  const byId = useMemo(() => new Map(cards.map((c) => [c.id as string, c])), [cards]);
  const rows = Object.entries(round.totals)
    .filter(([id]) => byId.has(id))
    .sort(([, a], [, b]) => b - a);
  return (
    <section className="workshop-panel" aria-labelledby="results-heading" data-results-round-id={round.id}>
      <div className="workshop-panel__head">
        <h2 id="results-heading" className="workshop-panel__title">
          {t('facilitation.vote.results')}
        </h2>
        <button type="button" className="button button--small" onClick={onHide}>
          {t('facilitation.vote.hideResults')}
        </button>
      </div>
      <p className="muted workshop-panel__hint">{t('facilitation.vote.voters', { count: round.voters })}</p>
      {rows.length === 0 ? <p className="muted">{t('facilitation.vote.noVotes')}</p> : null}
      <ol className="vote-list vote-list--results">
        {rows.map(([id, count]) => (
          <li key={id} className="vote-item" data-card-id={id}>
            <span className="vote-item__text">{cardLabel(byId.get(id), t('card.empty'))}</span>
            <span className="vote-item__total">{t('facilitation.vote.total', { count })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

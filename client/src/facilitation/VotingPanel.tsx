import type { Card, FacilitationState, VoteRoundResult } from '@rejse/shared';
import { useMemo, useState } from 'react';
import { useBoard } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';

const cardLabel = (card: Card | undefined, fallback: string): string => (card?.text.trim() ? card.text.trim() : fallback);

/**
 * The latest closed round's results, ranked, for everyone (until hidden here). Votes are cast
 * on the cards themselves (VoteControl) and the budget shows above the map (VoteBar).
 */
export function VotingPanel({ state }: { state: FacilitationState }) {
  const latest = state.rounds.at(-1) ?? null;
  const [hiddenResult, setHiddenResult] = useState<string | null>(null);
  if (state.openRound) return null;
  if (latest && hiddenResult !== latest.id) return <RoundResults round={latest} onHide={() => setHiddenResult(latest.id)} />;
  return null;
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

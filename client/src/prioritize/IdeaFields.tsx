import {
  ACTION_STATUSES,
  LIMITS,
  painLinks,
  rankActions,
  type ActionStatus,
  type Board,
  type Card,
  type CardId,
  type LinkId,
} from '@rejse/shared';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useBoardSnapshot, useCommands } from '../doc/BoardContext.tsx';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { useDocChoice } from '../ui/useDocChoice.ts';
import { formatScore, ScoreBreakdownView } from './Score.tsx';
import { useVoteCounts } from './usePrioritize.ts';
import './prioritize.css';

const RATINGS = [1, 2, 3, 4, 5] as const;
const RATING_FIELDS = ['impact', 'effort', 'confidence'] as const;
type RatingField = (typeof RATING_FIELDS)[number];

const RATING_LABEL: Readonly<Record<RatingField, MessageKey>> = {
  impact: 'prioritize.fields.impact',
  effort: 'prioritize.fields.effort',
  confidence: 'prioritize.fields.confidence',
};
const RATING_HINT: Readonly<Record<RatingField, MessageKey>> = {
  impact: 'prioritize.fields.impactHint',
  effort: 'prioritize.fields.effortHint',
  confidence: 'prioritize.fields.confidenceHint',
};

/** One of the idea's ratings, 1–5, bound to the document (`useDocChoice`): a choice shows at once, "Clear" too. */
function IdeaRating({ card, field, canEdit }: { card: Card; field: RatingField; canEdit: boolean }) {
  const t = useT();
  const commands = useCommands();
  const [shown, choose] = useDocChoice(card[field], (value) => commands.updateCard(card.id, { [field]: value ?? null }));
  return (
    <fieldset className="field idea-rating">
      <legend className="field__label">{t(RATING_LABEL[field])}</legend>
      <div className="idea-rating__options">
        {RATINGS.map((value) => (
          <label key={value} className="idea-rating__option" title={t('prioritize.fields.rating', { value })}>
            <input
              type="radio"
              name={`idea-${field}-${card.id}`}
              value={value}
              checked={shown === value}
              disabled={!canEdit}
              onChange={() => choose(value)}
              aria-label={t('prioritize.fields.ratingOf', { field: t(RATING_LABEL[field]), value })}
            />
            <span aria-hidden="true">{value}</span>
          </label>
        ))}
        {shown !== undefined && canEdit ? (
          <button type="button" className="button button--quiet idea-rating__clear" onClick={() => choose(undefined)}>
            {t('prioritize.fields.clear')}
          </button>
        ) : null}
      </div>
      <span className="idea-fields__hint">{t(RATING_HINT[field])}</span>
    </fieldset>
  );
}

/** The linked pains of an idea with the link that joins them (to unlink), and the pains not linked yet. */
function painsOf(board: Board, id: CardId) {
  const linked = painLinks(board).painsOfIdea.get(id) ?? [];
  const linkOf = (painId: CardId) => board.links.find((l) => (l.from === id && l.to === painId) || (l.to === id && l.from === painId))?.id;
  const linkedIds = new Set(linked.map((p) => p.id));
  return {
    linked: linked.map((pain) => ({ pain, linkId: linkOf(pain.id) })),
    others: board.cards.filter((c) => c.kind === 'pain' && !linkedIds.has(c.id)),
  };
}

/**
 * The idea's action fields in the card inspector: impact, effort, confidence, owner, due
 * date, status, votes (read-only, from voting rounds), the pains it addresses, and its score.
 */
export interface IdeaFieldsProps {
  card: Card;
  /** False where the inspector lists the linked pains already: link and unlink pickers only. */
  listPains?: boolean;
}

export function IdeaFields({ card, listPains = true }: IdeaFieldsProps) {
  const t = useT();
  const role = useRole();
  const commands = useCommands();
  const board = useBoardSnapshot();
  const votes = useVoteCounts();
  const canEdit = role !== 'viewer';
  const { linked, others } = useMemo(() => painsOf(board, card.id), [board, card.id]);
  const row = useMemo(
    () => rankActions(board, { votes, includeDropped: true }).find((r) => r.card.id === card.id),
    [board, votes, card.id],
  );
  const stageTitle = (stageId: string) => board.stages.find((s) => s.id === stageId)?.title ?? '';

  return (
    <section className="idea-fields" aria-label={t('prioritize.fields.heading')}>
      <h3 className="field__label idea-fields__heading">{t('prioritize.fields.heading')}</h3>
      {RATING_FIELDS.map((field) => (
        <IdeaRating key={field} card={card} field={field} canEdit={canEdit} />
      ))}

      <OwnerInput id={card.id} owner={card.owner ?? ''} disabled={!canEdit} />

      <div className="idea-fields__pair">
        <label className="field">
          <span className="field__label">{t('prioritize.fields.due')}</span>
          <input
            type="date"
            className="input"
            value={card.dueDate ?? ''}
            disabled={!canEdit}
            onChange={(event) => commands.updateCard(card.id, { dueDate: event.target.value || null })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('prioritize.row.status')}</span>
          <select
            className="input"
            value={card.status ?? 'proposed'}
            disabled={!canEdit}
            onChange={(event) => commands.updateCard(card.id, { status: event.target.value as ActionStatus })}
          >
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`prioritize.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <p className="idea-fields__votes">
        <span className="field__label">{t('prioritize.fields.votes')}</span>
        <span data-idea-votes={votes.get(card.id) ?? 0}>{t('prioritize.fields.votesValue', { count: votes.get(card.id) ?? 0 })}</span>
      </p>

      <div className="field">
        {listPains ? <span className="field__label">{t('prioritize.fields.pains')}</span> : null}
        {listPains && linked.length === 0 ? <p className="idea-fields__hint">{t('prioritize.fields.noPains')}</p> : null}
        {listPains ? (
          <ul className="idea-fields__pains">
            {linked.map(({ pain, linkId }) => (
              <li key={pain.id} className="pain-chip pain-chip--wide">
                <Icon name="pain" size={12} />
                <span>{pain.text || t('card.empty')}</span>
                {canEdit && linkId ? (
                  <button
                    type="button"
                    className="icon-button icon-button--small"
                    aria-label={t('prioritize.fields.unlink', { text: pain.text || t('card.empty') })}
                    title={t('prioritize.fields.unlink', { text: pain.text || t('card.empty') })}
                    onClick={() => commands.deleteElements([], [linkId])}
                  >
                    <Icon name="close" size={12} />
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : canEdit && linked.some((l) => l.linkId) ? (
          <select
            className="input"
            value=""
            aria-label={t('prioritize.fields.removePain')}
            onChange={(event) => {
              if (event.target.value) commands.deleteElements([], [event.target.value as LinkId]);
            }}
          >
            <option value="">{t('prioritize.fields.removePain')}</option>
            {linked.map(({ pain, linkId }) =>
              linkId ? (
                <option key={pain.id} value={linkId}>
                  {t('prioritize.fields.painOption', {
                    stage: stageTitle(pain.stageId),
                    text: pain.text || t('card.empty'),
                  })}
                </option>
              ) : null,
            )}
          </select>
        ) : null}
        {canEdit && others.length > 0 ? (
          <select
            className="input"
            value=""
            aria-label={t('prioritize.fields.addPain')}
            onChange={(event) => {
              if (event.target.value) commands.link(card.id, event.target.value as CardId);
            }}
          >
            <option value="">{t('prioritize.fields.addPain')}</option>
            {others.map((pain) => (
              <option key={pain.id} value={pain.id}>
                {t('prioritize.fields.painOption', {
                  stage: stageTitle(pain.stageId),
                  text: pain.text || t('card.empty'),
                })}
              </option>
            ))}
          </select>
        ) : null}
      </div>

      {row ? (
        <div className="idea-fields__score">
          <p>
            <span className="field__label">{t('prioritize.fields.score')}</span> <strong>{formatScore(board.locale, row.score)}</strong>
          </p>
          <ScoreBreakdownView breakdown={row.breakdown} />
        </div>
      ) : null}
    </section>
  );
}

function OwnerInput({ id, owner, disabled }: { id: CardId; owner: string; disabled: boolean }) {
  const t = useT();
  const commands = useCommands();
  const [draft, setDraft] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another card (the trigger, not read) drops the draft.
  useEffect(() => setDraft(null), [id]);
  const commit = () => {
    if (draft !== null && draft.trim() !== owner) commands.updateCard(id, { owner: draft.trim() || null });
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    }
  };
  return (
    <label className="field">
      <span className="field__label">{t('prioritize.fields.owner')}</span>
      <input
        className="input"
        value={draft ?? owner}
        maxLength={LIMITS.titleLength}
        disabled={disabled}
        placeholder={t('prioritize.row.ownerPlaceholder')}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}

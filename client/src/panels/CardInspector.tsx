import { LinkPicker } from './LinkPicker.tsx';
import { CARD_KINDS, CARDS, type Board, type Card, type CardId, type CardKind } from '@rejse/shared';
import { shallow } from 'zustand/shallow';
import { useBoard, useBoardUi, useBoardUiStore, useCommands, useSession } from '../doc/BoardContext.tsx';
import { usePrivateCard } from '../doc/mapLayers.ts';
import { computeLayout } from '../canvas/layout.ts';
import { useReveal } from '../canvas/useCanvasActions.ts';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { useDocChoice } from '../ui/useDocChoice.ts';
import { IdeaFields } from '../prioritize/IdeaFields.tsx';
import { hasMessageChannel } from '@rejse/shared';
import { BusinessCaseSection } from './BusinessCaseSection.tsx';
import { LetterSection } from './LetterSection.tsx';
import { Threads } from '../series/Threads.tsx';
import { LiveTextField } from './LiveTextField.tsx';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { TouchpointFields } from './TouchpointFields.tsx';

interface RelatedCard {
  id: CardId;
  kind: CardKind;
  text: string;
}

interface Selected {
  card: Card | undefined;
  stage: string;
  lane: string;
  links: number;
  /** For a pain point the ideas that address it, for an idea the pains it fixes. */
  related: RelatedCard[];
  locale: string;
  currency: string;
}

const NONE: Selected = { card: undefined, stage: '', lane: '', links: 0, related: [], locale: 'en', currency: 'EUR' };

function selectCard(board: Board, id: string | undefined): Selected {
  if (!id) return NONE;
  const card = board.cards.find((c) => c.id === id);
  if (!card) return NONE;
  const wanted: CardKind | null = card.kind === 'pain' ? 'idea' : card.kind === 'idea' ? 'pain' : null;
  const others = new Set<string>();
  let links = 0;
  for (const link of board.links) {
    if (link.from !== id && link.to !== id) continue;
    links += 1;
    others.add(link.from === id ? link.to : link.from);
  }
  const related = wanted
    ? board.cards.filter((c) => c.kind === wanted && others.has(c.id)).map((c) => ({ id: c.id, kind: c.kind, text: c.text }))
    : [];
  return {
    card,
    stage: board.stages.find((s) => s.id === card.stageId)?.title ?? '',
    lane: board.lanes.find((l) => l.id === card.laneId)?.title ?? '',
    links,
    related,
    locale: board.locale,
    currency: board.currency,
  };
}

const sameRelated = (a: RelatedCard[], b: RelatedCard[]): boolean =>
  a.length === b.length && a.every((r, i) => r.id === b[i]?.id && r.text === b[i]?.text);

const sameSelected = (a: Selected, b: Selected): boolean =>
  a.stage === b.stage &&
  a.lane === b.lane &&
  a.links === b.links &&
  a.locale === b.locale &&
  a.currency === b.currency &&
  shallow(a.card, b.card) &&
  sameRelated(a.related, b.related);

/** The side panel for the selected card (or a summary of a multi-selection). */
export function CardInspector() {
  const uiStore = useBoardUiStore();
  const t = useT();
  const commands = useCommands();
  const selectedCards = useBoardUi((s) => s.selectedCards);
  const selectedId = selectedCards.length === 1 ? selectedCards[0] : undefined;
  // One of this person's private cards is inspected like any card (its edits go to their drafts).
  const privateCard = usePrivateCard(selectedId);
  const selected = useBoard(
    (board) => selectCard(privateCard ? { ...board, cards: [privateCard], links: [] } : board, selectedId),
    sameSelected,
  );
  // A view-only link sees every field, none of them live (the server would refuse the change).
  const readOnly = useRole() === 'viewer';
  const close = () => uiStore.getState().setSelection([], []);

  if (selectedCards.length > 1) {
    return (
      <aside className="inspector" aria-label={t('inspector.label')}>
        <InspectorHeader title={t('inspector.selected', { count: selectedCards.length })} onClose={close} />
        <div className="inspector__body">
          <p className="inspector__hint inspector__hint--top">{t('inspector.multiHint')}</p>
          <button
            type="button"
            disabled={readOnly}
            className="button button--danger"
            onClick={() => {
              commands.deleteElements(selectedCards, []);
              close();
            }}
          >
            <Icon name="trash" />
            {t('inspector.deleteSelected', { count: selectedCards.length })}
          </button>
        </div>
      </aside>
    );
  }
  const { card } = selected;
  if (!card) return null;

  return (
    <aside className="inspector" aria-label={t('inspector.label')} data-inspected-card={card.id}>
      <InspectorHeader title={t(`kind.${card.kind}`)} onClose={close} />
      <div className="inspector__body">
        <p className="inspector__location">{t('inspector.location', { stage: selected.stage, lane: selected.lane })}</p>
        {readOnly ? <p className="inspector__hint inspector__hint--top">{t('inspector.viewOnlyHint')}</p> : null}

        {/* disabled: every control inside is off for a view-only link (a disabled fieldset disables them all). */}
        <fieldset className="inspector__fields" disabled={readOnly}>
          <CardKindField card={card} />

          <LiveTextField
            key={`text-${card.id}`}
            label={t('inspector.text')}
            value={card.text}
            target={{ root: CARDS, id: card.id, field: 'text' }}
            write={(edit) => commands.editCardText(card.id, 'text', edit)}
            rows={5}
          />

          {card.kind === 'touchpoint' ? <TouchpointFields card={card} locale={selected.locale} currency={selected.currency} /> : null}
        </fieldset>

        {card.kind === 'pain' || card.kind === 'idea' ? <RelatedCards kind={card.kind} related={selected.related} /> : null}

        <fieldset className="inspector__fields" disabled={readOnly}>
          {card.kind === 'idea' ? <IdeaFields card={card} listPains={false} /> : null}

          {card.kind === 'idea' ? <BusinessCaseSection card={card} /> : null}

          {hasMessageChannel(card) ? <LetterSection card={card} locale={selected.locale} /> : null}
        </fieldset>

        {privateCard ? (
          // Comments and links wait until the card is revealed: nobody else could see them.
          <p className="inspector__hint">{t('mapvote.private.cardHint')}</p>
        ) : (
          <section className="inspector__comments" aria-label={t('series.comments.title')}>
            <h3 className="field__label">{t('series.comments.title')}</h3>
            <Threads target={{ kind: 'card', id: card.id }} />
          </section>
        )}

        <fieldset className="inspector__fields" disabled={readOnly}>
          <div className="inspector__links-block" hidden={privateCard !== undefined}>
            <p className="inspector__links">
              <Icon name="link" size={14} />
              {t('inspector.links', { count: selected.links })}
            </p>
            <p className="inspector__hint">{t('inspector.linkHint')}</p>
            <LinkPicker cardId={card.id} />
          </div>

          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              commands.deleteElements([card.id], []);
              close();
            }}
          >
            <Icon name="trash" />
            {t('inspector.delete')}
          </button>
        </fieldset>
      </div>
    </aside>
  );
}

/** The card's kind, bound to the document (`useDocChoice`). */
function CardKindField({ card }: { card: Card }) {
  const t = useT();
  const commands = useCommands();
  const [kindShown, chooseKind] = useDocChoice(card.kind, (kind) => commands.updateCard(card.id, { kind }));
  return (
    <fieldset className="field">
      <legend className="field__label">{t('inspector.kind')}</legend>
      <div className="segmented">
        {CARD_KINDS.map((kind) => (
          <label key={kind} className={`segmented__option segmented__option--${kind}`}>
            <input type="radio" name="card-kind" value={kind} checked={kindShown === kind} onChange={() => chooseKind(kind)} />
            <Icon name={kind} size={14} />
            <span>{t(`kind.${kind}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function InspectorHeader({ title, onClose }: { title: string; onClose: () => void }) {
  const t = useT();
  return (
    <div className="inspector__header">
      <h2 className="inspector__title">{title}</h2>
      <button type="button" className="icon-button" aria-label={t('inspector.close')} title={t('inspector.close')} onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  );
}

/** The ideas addressing a pain point, or the pain points an idea fixes; a click goes to the card. */
function RelatedCards({ kind, related }: { kind: 'pain' | 'idea'; related: RelatedCard[] }) {
  const uiStore = useBoardUiStore();
  const t = useT();
  const session = useSession();
  const reveal = useReveal();
  const go = (id: CardId) => {
    uiStore.getState().setSelection([id], []);
    const box = computeLayout(session.getBoard()).cards.get(id);
    if (box) reveal(box);
  };
  const heading = kind === 'pain' ? t('inspector.addressedBy', { count: related.length }) : t('inspector.fixes', { count: related.length });
  return (
    <section className="related" aria-label={heading}>
      <h3 className="field__label">{heading}</h3>
      {related.length === 0 ? (
        <p className="inspector__hint inspector__hint--top">{t(kind === 'pain' ? 'inspector.noIdeas' : 'inspector.noPains')}</p>
      ) : (
        <ul className="related__list">
          {related.map((r) => (
            <li key={r.id}>
              <button type="button" className={`related__card related__card--${r.kind}`} onClick={() => go(r.id)}>
                <Icon name={r.kind} size={13} />
                <span>{r.text || t('card.empty')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

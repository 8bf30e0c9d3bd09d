import { CARD_KINDS, CHANNELS, EMOTIONS, LIMITS, type Board, type Card, type CardId, type Channel } from '@rejse/shared';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { shallow } from 'zustand/shallow';
import { useUiStore } from '../app/uiStore.ts';
import { useBoard, useCommands } from '../board/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { Face, Icon } from '../ui/icons.tsx';

interface Selected {
  card: Card | undefined;
  stage: string;
  lane: string;
  links: number;
}

const NONE: Selected = { card: undefined, stage: '', lane: '', links: 0 };

function selectCard(board: Board, id: string | undefined): Selected {
  if (!id) return NONE;
  const card = board.cards.find((c) => c.id === id);
  if (!card) return NONE;
  return {
    card,
    stage: board.stages.find((s) => s.id === card.stageId)?.title ?? '',
    lane: board.lanes.find((l) => l.id === card.laneId)?.title ?? '',
    links: board.links.filter((l) => l.from === id || l.to === id).length,
  };
}

const sameSelected = (a: Selected, b: Selected): boolean =>
  a.stage === b.stage && a.lane === b.lane && a.links === b.links && shallow(a.card, b.card);

/** The side panel for the selected card (or a summary of a multi-selection). */
export function CardInspector() {
  const t = useT();
  const commands = useCommands();
  const selectedCards = useUiStore((s) => s.selectedCards);
  const selectedId = selectedCards.length === 1 ? selectedCards[0] : undefined;
  const selected = useBoard((board) => selectCard(board, selectedId), sameSelected);
  const close = () => useUiStore.getState().setSelection([], []);

  if (selectedCards.length > 1) {
    return (
      <aside className="inspector" aria-label={t('inspector.label')}>
        <InspectorHeader title={t('inspector.selected', { count: selectedCards.length })} onClose={close} />
        <div className="inspector__body">
          <button
            type="button"
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

        <fieldset className="field">
          <legend className="field__label">{t('inspector.kind')}</legend>
          <div className="segmented">
            {CARD_KINDS.map((kind) => (
              <label key={kind} className={`segmented__option segmented__option--${kind}`}>
                <input
                  type="radio"
                  name="card-kind"
                  value={kind}
                  checked={card.kind === kind}
                  onChange={() => commands.updateCard(card.id, { kind })}
                />
                <Icon name={kind} size={14} />
                <span>{t(`kind.${kind}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {card.kind === 'touchpoint' ? (
          <>
            <label className="field">
              <span className="field__label">{t('inspector.channel')}</span>
              <select
                className="input"
                value={card.channel ?? ''}
                onChange={(event) =>
                  commands.updateCard(card.id, { channel: event.target.value ? (event.target.value as Channel) : null })
                }
              >
                <option value="">{t('inspector.noChannel')}</option>
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`channel.${channel}`)}
                  </option>
                ))}
              </select>
            </label>

            <fieldset className="field">
              <legend className="field__label">{t('inspector.emotion')}</legend>
              <div className="faces">
                {EMOTIONS.map((value) => (
                  <label key={value} className="faces__option" title={t(`emotion.${value}`)}>
                    <input
                      type="radio"
                      name="card-emotion"
                      value={value}
                      checked={card.emotion === value}
                      onChange={() => commands.updateCard(card.id, { emotion: value })}
                      aria-label={t(`emotion.${value}`)}
                    />
                    <Face value={value} size={26} />
                  </label>
                ))}
                <button
                  type="button"
                  className="button button--quiet faces__clear"
                  disabled={card.emotion === undefined}
                  onClick={() => commands.updateCard(card.id, { emotion: null })}
                >
                  {t('inspector.clearEmotion')}
                </button>
              </div>
            </fieldset>
          </>
        ) : null}

        <CardTextField id={card.id} text={card.text} />

        <p className="inspector__links">
          <Icon name="link" size={14} />
          {t('inspector.links', { count: selected.links })}
        </p>
        <p className="inspector__hint">{t('inspector.linkHint')}</p>

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
      </div>
    </aside>
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

/** The card text, saved when the field is left (or Ctrl/Cmd+Enter); shows remote edits when not typing. */
function CardTextField({ id, text }: { id: CardId; text: string }) {
  const t = useT();
  const commands = useCommands();
  const [draft, setDraft] = useState<string | null>(null);

  useEffect(() => setDraft(null), [id]);

  const commit = () => {
    if (draft !== null && draft !== text) commands.updateCard(id, { text: draft });
    setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    }
  };

  return (
    <label className="field">
      <span className="field__label">{t('inspector.text')}</span>
      <textarea
        className="input input--area"
        rows={5}
        value={draft ?? text}
        maxLength={LIMITS.cardTextLength}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}

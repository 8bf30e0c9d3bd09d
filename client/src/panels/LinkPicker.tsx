import type { CardId } from '@rejse/shared';
import { useId } from 'react';
import { shallow } from 'zustand/shallow';
import { useBoard, useCommands } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';

/**
 * The keyboard's way to link two cards (dragging from a card's dot needs a pointer): choose
 * the other card from a list, stage by stage; the link is the same shared edit as a drag.
 */
export function LinkPicker({ cardId }: { cardId: CardId }) {
  const t = useT();
  const id = useId();
  const commands = useCommands();
  const stages = useBoard((b) => b.stages, shallow);
  const cards = useBoard((b) => b.cards, shallow);
  const linked = useBoard(
    (b) => b.links.filter((l) => l.from === cardId || l.to === cardId).map((l) => (l.from === cardId ? l.to : l.from)),
    shallow,
  );
  const taken = new Set<string>([cardId, ...linked]);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t('map.link.label')}
      </label>
      <select
        id={id}
        className="input"
        value=""
        onChange={(event) => {
          const other = event.target.value as CardId;
          if (other) commands.link(cardId, other);
        }}
      >
        <option value="">{t('map.link.placeholder')}</option>
        {stages.map((stage, index) => (
          <optgroup key={stage.id} label={`${index + 1}. ${stage.title || t('stage.new')}`}>
            {cards
              .filter((c) => c.stageId === stage.id && !taken.has(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {`${t(`kind.${c.kind}`)}: ${(c.text || t('card.empty')).slice(0, 80)}`}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

import type { CardKind } from '@rejse/shared';
import { useCardAddon } from '../../doc/mapLayers.ts';
import { Icon } from '../../ui/icons.tsx';
import { useCanvasText } from '../CanvasText.tsx';
import './card-extras.css';

/** Marks one of this person's private cards: nobody else sees it until the facilitator reveals it. */
export function PrivateBadge() {
  const { t } = useCanvasText();
  return (
    <span className="card__private" title={t('mapvote.private.cardHint')}>
      <Icon name="lock" size={12} />
      {t('mapvote.private.cardBadge')}
    </span>
  );
}

/** Whatever the workshop draws on a card of the live map (the vote control, the round's total); nothing elsewhere. */
export function CardAddonSlot({ id, kind, text }: { id: string; kind: CardKind; text: string }) {
  const Addon = useCardAddon();
  return Addon ? <Addon id={id} kind={kind} text={text} /> : null;
}

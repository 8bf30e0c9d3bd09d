import type { FacilitationState } from '@rejse/shared';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';

/**
 * The locks in force, for everyone (the facilitator too) from the moment they are set, so
 * nobody first learns of a lock by bumping into it. Each badge names what is locked.
 */
export function LockBadges({ locks }: { locks: FacilitationState['locks'] }) {
  const t = useT();
  const badges: string[] = [];
  if (locks.board) badges.push(t('facilitation.lock.boardBadge'));
  else if (locks.structure) badges.push(t('sharedrag.lock.structureBadge'));
  if (locks.cards.size > 0) badges.push(t('sharedrag.lock.cardsBadge', { count: locks.cards.size }));
  if (badges.length === 0) return null;
  return (
    <>
      {badges.map((label) => (
        <span key={label} className="workshop-badge workshop-badge--lock" data-lock-badge="">
          <Icon name="lock" size={12} />
          {label}
        </span>
      ))}
    </>
  );
}

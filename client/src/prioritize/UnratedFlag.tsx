import type { CardId } from '@rejse/shared';
import { useCommands } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * Says, where an idea is ranked, that its impact or effort is not rated (so its score assumes
 * the middle of the scale and it may rank lower or higher than it should), and — for those who
 * may edit — rates it in one click: a 1–5 button row for each missing rating.
 */
export function UnratedFlag({
  id,
  text,
  missing,
  canEdit,
}: {
  id: CardId;
  text: string;
  missing: readonly ('impact' | 'effort')[];
  canEdit: boolean;
}) {
  const t = useT();
  const commands = useCommands();
  if (missing.length === 0) return null;
  const which = missing.length === 2 ? 'both' : (missing[0] ?? 'both');
  return (
    <div className="unrated-flag" title={t('mapvote.rate.hint')}>
      <span className="unrated-flag__text">
        <Icon name="pain" size={13} />
        {t('mapvote.rate.flag', { missing: which })}
      </span>
      {canEdit
        ? missing.map((field) => (
            <span key={field} className="unrated-flag__rate">
              <span className="unrated-flag__field" aria-hidden="true">
                {t(field === 'impact' ? 'mapvote.rate.impact' : 'mapvote.rate.effort')}
              </span>
              {SCALE.map((value) => (
                <button
                  key={value}
                  type="button"
                  className="unrated-flag__value"
                  aria-label={t(field === 'impact' ? 'mapvote.rate.setImpact' : 'mapvote.rate.setEffort', { text, value })}
                  onClick={() => commands.updateCard(id, { [field]: value })}
                >
                  {value}
                </button>
              ))}
            </span>
          ))
        : null}
    </div>
  );
}

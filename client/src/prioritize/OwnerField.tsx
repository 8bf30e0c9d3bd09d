import { LIMITS, type CardId } from '@rejse/shared';
import { useState, type KeyboardEvent } from 'react';
import { useCommands } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';

/** The owner, saved when the field is left or Enter is pressed; shows others' edits when not typing. */
export function OwnerField({ id, owner, text, canEdit }: { id: CardId; owner: string; text: string; canEdit: boolean }) {
  const t = useT();
  const commands = useCommands();
  const [draft, setDraft] = useState<string | null>(null);
  if (!canEdit) return <span className="action-row__value">{owner}</span>;
  const commit = () => {
    if (draft !== null && draft.trim() !== owner) commands.updateCard(id, { owner: draft.trim() || null });
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    }
  };
  return (
    <input
      className="input input--compact"
      aria-label={t('prioritize.row.ownerOf', { text })}
      placeholder={t('prioritize.row.ownerPlaceholder')}
      value={draft ?? owner}
      maxLength={LIMITS.titleLength}
      onFocus={() => setDraft(owner)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

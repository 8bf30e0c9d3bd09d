import { LIMITS } from '@rejse/shared';
import { useState, type KeyboardEvent } from 'react';
import { Link } from '../routing/router.tsx';
import { useT } from '../i18n/index.ts';
import { LanguageMenu } from '../i18n/LanguageMenu.tsx';
import { BoardSettingsButton } from '../settings/BoardSettings.tsx';
import { Icon } from '../ui/icons.tsx';
import { useBoard, useCommands } from '../doc/BoardContext.tsx';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { PersonaBadge } from './PersonaBadge.tsx';

/**
 * Back to the list, the board title (edited in place), the connection state, this browser's
 * UI language and (for the facilitator) the board's settings.
 */
export function BoardHeader() {
  const t = useT();
  return (
    <header className="board-header">
      <Link to="/" className="board-header__back">
        <Icon name="back" />
        <span>{t('board.allBoards')}</span>
      </Link>
      <BoardTitle />
      <PersonaBadge />
      <ConnectionIndicator />
      <LanguageMenu />
      <BoardSettingsButton />
    </header>
  );
}

function BoardTitle() {
  const t = useT();
  const commands = useCommands();
  const title = useBoard((b) => b.title);
  // A view-only link reads the title; it could not keep a change.
  const readOnly = useRole() === 'viewer';
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const next = draft.trim();
    if (next !== title) commands.setTitle(next);
    setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
      // Blurring after the reset keeps the document's title.
      const input = event.currentTarget;
      requestAnimationFrame(() => input.blur());
    }
  };

  return (
    <input
      className="board-header__title"
      aria-label={t('board.titleLabel')}
      placeholder={t('board.untitled')}
      value={draft ?? title}
      maxLength={LIMITS.titleLength}
      readOnly={readOnly}
      onFocus={() => !readOnly && setDraft(title)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { MAX_NAME_LENGTH, saveDisplayName } from './identity.ts';

/**
 * Asks for the name others see, in the workshop bar (not a modal: the board stays usable).
 * Shown once per browser until a name is saved, and again to change it.
 */
export function NamePrompt({ initial, onDone }: { initial: string | null; onDone: () => void }) {
  const t = useT();
  const [name, setName] = useState(initial ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    saveDisplayName(name);
    onDone();
  };
  return (
    <form className="name-prompt" onSubmit={submit} aria-label={t('presence.name.title')}>
      <label className="name-prompt__field">
        <span className="name-prompt__label">{t('presence.name.label')}</span>
        <input
          className="input input--small"
          value={name}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="name"
          placeholder={t('presence.name.placeholder')}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <button type="submit" className="button button--primary button--small" disabled={!name.trim()}>
        {t('presence.name.save')}
      </button>
      {initial ? (
        <button type="button" className="button button--small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      ) : null}
    </form>
  );
}

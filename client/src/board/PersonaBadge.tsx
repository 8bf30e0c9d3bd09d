import type { PersonaId } from '@rejse/shared';
import { useEffect, useRef } from 'react';
import { shallow } from 'zustand/shallow';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { useDocChoice } from '../ui/useDocChoice.ts';
import { PersonaAvatar } from '../panels/PersonaAvatar.tsx';
import { useBoard, useCommands, useEditorState } from '../doc/BoardContext.tsx';

/**
 * The map header's persona: whose journey this is (name and segment; the description on
 * hover and in the panel it opens), switching the active persona, and the way to the
 * persona editor. Viewers see the persona but change nothing.
 */
export function PersonaBadge() {
  const t = useT();
  const commands = useCommands();
  const role = useRole();
  const personas = useBoard((b) => b.personas, shallow);
  const activeId = useBoard((b) => b.activePersonaId);
  const openDialog = useEditorState((s) => s.openDialog);
  const details = useRef<HTMLDetailsElement>(null);
  const active = personas.find((p) => p.id === activeId) ?? null;
  const canEdit = role !== 'viewer';
  // The switch shows a choice at once; the header follows the document (`useDocChoice`).
  const [switchShown, switchTo] = useDocChoice(activeId, (id) => commands.setActivePersona(id));

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const element = details.current;
      if (element?.open && !element.contains(event.target as Node)) element.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const element = details.current;
      if (event.key === 'Escape' && element?.open) {
        element.open = false;
        element.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  const manage = () => {
    if (details.current) details.current.open = false;
    openDialog('personas');
  };

  if (!active) {
    return canEdit ? (
      <button type="button" className="persona-add" onClick={manage}>
        <Icon name="person" size={15} />
        <span>{t('persona.add')}</span>
      </button>
    ) : null;
  }

  return (
    <details ref={details} className="persona-badge">
      <summary
        className="persona-badge__summary"
        aria-label={t('persona.summaryLabel', { name: active.name || t('persona.unnamed'), segment: active.segment })}
        title={active.description || undefined}
      >
        <PersonaAvatar persona={active} />
        <span className="persona-badge__text">
          <span className="persona-badge__name" data-persona-name>
            {active.name || t('persona.unnamed')}
          </span>
          {active.segment ? <span className="persona-badge__segment">{active.segment}</span> : null}
        </span>
        <Icon name="down" size={14} className="persona-badge__chevron" />
      </summary>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of text about the persona, not form fields; a <fieldset> would say otherwise. */}
      <div className="persona-badge__panel" role="group" aria-label={t('persona.panelLabel')}>
        <p className="persona-badge__eyebrow">{t('persona.journeyOf')}</p>
        <p className="persona-badge__title">
          {active.name || t('persona.unnamed')}
          {active.segment ? <span className="persona-badge__segment">{active.segment}</span> : null}
        </p>
        {active.description ? (
          <p className="persona-badge__description">{active.description}</p>
        ) : (
          <p className="persona-badge__description muted">{t('persona.noDescription')}</p>
        )}
        {personas.length > 1 ? (
          <fieldset className="persona-badge__switch">
            <legend className="field__label">{t('persona.switch')}</legend>
            {personas.map((p) => (
              <label key={p.id} className="persona-option">
                <input
                  type="radio"
                  name="active-persona-badge"
                  checked={p.id === switchShown}
                  disabled={!canEdit}
                  onChange={() => switchTo(p.id as PersonaId)}
                />
                <PersonaAvatar persona={p} size="s" />
                <span>{p.name || t('persona.unnamed')}</span>
                {p.segment ? <span className="persona-option__segment">{p.segment}</span> : null}
              </label>
            ))}
          </fieldset>
        ) : null}
        {canEdit ? (
          <button type="button" className="button persona-badge__manage" onClick={manage}>
            <Icon name="pencil" size={14} />
            {t('persona.manage')}
          </button>
        ) : null}
      </div>
    </details>
  );
}

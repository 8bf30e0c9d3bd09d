import { LIMITS, PERSONAS, type Persona, type PersonaId } from '@rejse/shared';
import { useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useBoard, useCommands, useEditorState, useEditorStore } from '../doc/BoardContext.tsx';
import { PersonaAvatar } from './PersonaAvatar.tsx';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { Icon } from '../ui/icons.tsx';
import { useDocChoice } from '../ui/useDocChoice.ts';
import { TextField } from './TextField.tsx';
import { LiveTextField } from './LiveTextField.tsx';

/**
 * The board's personas: add, edit (saved field by field when a field is left), remove, and
 * pick the one whose journey the map shows. Opened from the header's persona badge.
 */
export function PersonaDialog() {
  const open = useEditorState((s) => s.dialog === 'personas');
  return open ? <PersonaDialogView /> : null;
}

function PersonaDialogView() {
  const editorStore = useEditorStore();
  const t = useT();
  const commands = useCommands();
  const role = useRole();
  const personas = useBoard((b) => b.personas, shallow);
  const activeId = useBoard((b) => b.activePersonaId);
  const close = () => editorStore.getState().openDialog(null);
  const [added, setAdded] = useState<PersonaId | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const readOnly = role === 'viewer';
  const [activeShown, makeActive] = useDocChoice(activeId, (id) => commands.setActivePersona(id));

  // A persona just added gets its name field focused, ready to type.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `personas` is the trigger: the new row is in the DOM only after the list updates.
  useEffect(() => {
    if (!added) return;
    const input = list.current?.querySelector<HTMLInputElement>(`[data-persona-id="${added}"] input[data-field="name"]`);
    if (!input) return;
    input.focus();
    input.select();
    setAdded(null);
  }, [added, personas]);

  const add = () => {
    const id = commands.addPersona({ name: t('persona.newName'), segment: '', description: '' });
    if (id) setAdded(id);
  };

  return (
    <Dialog
      title={t('persona.dialogTitle')}
      onClose={close}
      actions={
        <button type="button" className="button button--primary" onClick={close} data-autofocus={personas.length === 0 ? undefined : true}>
          {t('persona.done')}
        </button>
      }
    >
      <p>{t('persona.intro')}</p>
      <div className="persona-list" ref={list}>
        {personas.length === 0 ? <p className="muted">{t('persona.none')}</p> : null}
        {personas.map((persona) => (
          <PersonaEditor
            key={persona.id}
            persona={persona}
            active={persona.id === activeShown}
            onActivate={() => makeActive(persona.id)}
            readOnly={readOnly}
          />
        ))}
      </div>
      {readOnly ? null : (
        <button
          type="button"
          className="button persona-list__add"
          onClick={add}
          disabled={personas.length >= LIMITS.personas}
          title={personas.length >= LIMITS.personas ? t('persona.limit', { count: LIMITS.personas }) : undefined}
        >
          <Icon name="plus" size={14} />
          {t('persona.add')}
        </button>
      )}
    </Dialog>
  );
}

function PersonaEditor({
  persona,
  active,
  onActivate,
  readOnly,
}: {
  persona: Persona;
  /** Whether it is the active persona, as the choice shows it (`useDocChoice`). */
  active: boolean;
  onActivate: () => void;
  readOnly: boolean;
}) {
  const t = useT();
  const commands = useCommands();
  const name = persona.name || t('persona.unnamed');
  return (
    <section className={`persona-editor${active ? ' is-active' : ''}`} data-persona-id={persona.id} aria-label={name}>
      <div className="persona-editor__head">
        <PersonaAvatar persona={persona} />
        <label className="persona-editor__active">
          <input type="radio" name="active-persona" checked={active} disabled={readOnly} onChange={onActivate} />
          <span>{active ? t('persona.isActive') : t('persona.makeActive')}</span>
        </label>
        {readOnly ? null : (
          <button
            type="button"
            className="icon-button icon-button--danger persona-editor__remove"
            aria-label={t('persona.remove', { name })}
            title={t('persona.remove', { name })}
            onClick={() => commands.removePersona(persona.id)}
          >
            <Icon name="trash" />
          </button>
        )}
      </div>
      {readOnly ? (
        <div className="persona-editor__read">
          <strong>{name}</strong>
          {persona.segment ? <span className="persona-option__segment">{persona.segment}</span> : null}
          {persona.description ? <p>{persona.description}</p> : null}
        </div>
      ) : (
        <div className="persona-editor__fields">
          <LiveTextField
            single
            label={t('persona.name')}
            value={persona.name}
            target={{ root: PERSONAS, id: persona.id, field: 'name' }}
            write={(_edit, next) => commands.updatePersona(persona.id, { name: next })}
            maxLength={LIMITS.titleLength}
            inputData="name"
          />
          <TextField
            single
            label={t('persona.segment')}
            placeholder={t('persona.segmentPlaceholder')}
            value={persona.segment}
            maxLength={LIMITS.titleLength}
            onSave={(value) => commands.updatePersona(persona.id, { segment: value.trim() })}
          />
          <TextField
            label={t('persona.description')}
            placeholder={t('persona.descriptionPlaceholder')}
            value={persona.description}
            rows={3}
            onSave={(value) => commands.updatePersona(persona.id, { description: value })}
          />
        </div>
      )}
    </section>
  );
}

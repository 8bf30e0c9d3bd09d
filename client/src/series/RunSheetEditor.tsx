import {
  addPhase,
  addSession,
  movePhase,
  removePhase,
  removeSession,
  renameSession,
  RUN_SHEET_LIMITS,
  updatePhase,
  updatePhaseSettings,
  updatePhaseVoting,
  type RunSession,
  type RunSheet,
} from '@rejse/shared';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { PhaseChips } from './PhaseChips.tsx';
import { PhaseEditor } from './PhaseEditor.tsx';

/** An edit of the run-sheet, applied to the sheet as the document holds it when it is written. */
export type SheetEdit = (sheet: RunSheet) => RunSheet;

interface EditProps {
  session: RunSession;
  write: (edit: SheetEdit) => void;
}

/**
 * The session's name, written when the field is left (or on Enter). A text area that wraps and
 * grows with the name, so a long one is read whole in the narrow panel.
 */
export function SessionName({ session, write }: EditProps) {
  const t = useT();
  return (
    <textarea
      key={session.name}
      className="runsheet-session__name"
      aria-label={t('series2.runsheet.sessionName')}
      defaultValue={session.name}
      maxLength={RUN_SHEET_LIMITS.name}
      rows={1}
      onKeyDown={(event) => {
        // A name is one line: Enter finishes it.
        if (event.key === 'Enter') {
          event.preventDefault();
          event.currentTarget.blur();
        }
      }}
      onBlur={(event) => {
        const name = event.target.value.replace(/\s+/g, ' ').trim();
        if (name && name !== session.name) write((sheet) => renameSession(sheet, session.id, name));
      }}
    />
  );
}

type FocusTarget = { phaseId: string; control: 'up' | 'down' | 'edit' | 'name' } | null;

/**
 * A session's phases as the facilitator plans them: each opens into its editor, moves earlier or
 * later and can be removed, all with buttons (so the keyboard does everything a pointer does);
 * focus stays on the moved phase's button.
 */
export function SessionEditor({ session, write }: EditProps) {
  const t = useT();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<FocusTarget>(null);
  const list = useRef<HTMLOListElement>(null);

  // The sheet is written at once but rendered on the next frame: wait until the phase is there.
  useEffect(() => {
    if (!focus || !session.phases.some((p) => p.id === focus.phaseId)) return;
    const within = (selector: string) => list.current?.querySelector<HTMLElement>(selector) ?? null;
    const wanted =
      focus.control === 'name'
        ? within(`[data-phase-editor="${focus.phaseId}"] input`)
        : within(`[data-phase-id="${focus.phaseId}"] [data-control="${focus.control}"]`);
    // A move to either end disables that button: the phase's Edit button takes the focus instead.
    const usable = wanted && !(wanted instanceof HTMLButtonElement && wanted.disabled) ? wanted : null;
    (usable ?? within(`[data-phase-id="${focus.phaseId}"] [data-control="edit"]`))?.focus();
    setFocus(null);
  }, [focus, session.phases]);

  const toggle = (phaseId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(phaseId)) next.add(phaseId);
      return next;
    });
  const move = (phaseId: string, by: -1 | 1) => {
    write((sheet) => movePhase(sheet, session.id, phaseId, by));
    setFocus({ phaseId, control: by < 0 ? 'up' : 'down' });
  };
  const full = session.phases.length >= RUN_SHEET_LIMITS.phasesPerSession;

  return (
    <>
      <ol className="runsheet-phases" ref={list}>
        {session.phases.map((phase, index) => {
          const expanded = open.has(phase.id);
          const editorId = `phase-editor-${phase.id}`;
          return (
            <li key={phase.id} className="runsheet-phase runsheet-phase--planned" data-phase-id={phase.id}>
              <div className="runsheet-phase__line">
                <strong>{phase.name}</strong>
                <span>{t('series.runsheet.duration', { minutes: Math.round(phase.durationMs / 60_000) })}</span>
                <span className="runsheet-phase__tools">
                  <button
                    type="button"
                    className="button button--small"
                    data-control="edit"
                    aria-expanded={expanded}
                    aria-controls={editorId}
                    aria-label={t('series2.runsheet.editPhase', { name: phase.name })}
                    onClick={() => toggle(phase.id)}
                  >
                    {t('series2.runsheet.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    data-control="up"
                    disabled={index === 0}
                    aria-label={t('series2.runsheet.moveUp', { name: phase.name })}
                    onClick={() => move(phase.id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    data-control="down"
                    disabled={index === session.phases.length - 1}
                    aria-label={t('series2.runsheet.moveDown', { name: phase.name })}
                    onClick={() => move(phase.id, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={t('series2.runsheet.removePhase', { name: phase.name })}
                    onClick={() => {
                      if (window.confirm(t('series2.runsheet.confirmRemovePhase', { name: phase.name })))
                        write((sheet) => removePhase(sheet, session.id, phase.id));
                    }}
                  >
                    ×
                  </button>
                </span>
              </div>
              <PhaseChips phase={phase} />
              {expanded ? (
                <div id={editorId}>
                  <PhaseEditor
                    phase={phase}
                    onChange={(patch) => write((sheet) => updatePhase(sheet, session.id, phase.id, patch))}
                    onSettings={(patch) => write((sheet) => updatePhaseSettings(sheet, session.id, phase.id, patch))}
                    onVoting={(patch) => write((sheet) => updatePhaseVoting(sheet, session.id, phase.id, patch))}
                  />
                </div>
              ) : phase.instructions ? (
                <p className="runsheet-phase__instructions">{phase.instructions}</p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="runsheet-session__tools">
        <button
          type="button"
          className="button button--small"
          disabled={full}
          title={full ? t('series2.runsheet.full', { n: RUN_SHEET_LIMITS.phasesPerSession }) : undefined}
          onClick={() => {
            let phaseId: string | null = null;
            write((sheet) => {
              const added = addPhase(sheet, session.id, t('series2.runsheet.newPhase', { n: session.phases.length + 1 }));
              phaseId = added?.phaseId ?? null;
              return added?.sheet ?? sheet;
            });
            const id = phaseId;
            if (!id) return;
            setOpen((current) => new Set([...current, id]));
            setFocus({ phaseId: id, control: 'name' });
          }}
        >
          {t('series2.runsheet.addPhase')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            if (window.confirm(t('series2.runsheet.confirmRemoveSession', { name: session.name })))
              write((sheet) => removeSession(sheet, session.id));
          }}
        >
          {t('series2.runsheet.removeSession')}
        </button>
      </div>
    </>
  );
}

/** A new, empty session at the end of the run-sheet. */
export function AddSession({ sheet, write }: { sheet: RunSheet; write: (edit: SheetEdit) => void }) {
  const t = useT();
  const full = sheet.sessions.length >= RUN_SHEET_LIMITS.sessions;
  return (
    <button
      type="button"
      className="button button--small"
      disabled={full}
      onClick={() => {
        write((current) => addSession(current, t('series2.runsheet.newSession', { n: current.sessions.length + 1 }))?.sheet ?? current);
      }}
    >
      {t('series2.runsheet.addSession')}
    </button>
  );
}

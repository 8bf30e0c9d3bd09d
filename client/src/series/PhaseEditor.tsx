import {
  DEFAULT_VOTES_PER_PERSON,
  MAX_VOTES_PER_PERSON,
  RUN_SHEET_LIMITS,
  VOTE_TARGETS,
  type Phase,
  type PhasePatch,
  type PhaseSettings,
  type VoteRoundSettings,
  type VoteTarget,
} from '@rejse/shared';
import { useBoard } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { DocCheckbox } from '../ui/DocCheckbox.tsx';

/**
 * One phase as the facilitator plans it: name, length, the instruction participants see, and
 * what starting it switches on. Text is written when the field is left (one change per field,
 * not per keystroke); a tick or a choice at once.
 */
export function PhaseEditor({
  phase,
  onChange,
  onSettings,
  onVoting,
}: {
  phase: Phase;
  onChange: (patch: PhasePatch) => void;
  onSettings: (patch: Partial<PhaseSettings>) => void;
  /** Part of the phase's voting round, merged into the round as the document holds it. */
  onVoting: (patch: Partial<VoteRoundSettings>) => void;
}) {
  const t = useT();
  const stages = useBoard((b) => b.stages);
  const { settings } = phase;
  const voting = settings.voting;
  const minutes = Math.round(phase.durationMs / 60_000);
  return (
    <div className="phase-editor" data-phase-editor={phase.id}>
      <label className="field">
        <span className="field__label">{t('series2.phase.name')}</span>
        <input
          key={phase.name}
          defaultValue={phase.name}
          maxLength={RUN_SHEET_LIMITS.name}
          onBlur={(event) => {
            const name = event.target.value.trim();
            if (name && name !== phase.name) onChange({ name });
          }}
        />
      </label>
      <label className="field phase-editor__minutes">
        <span className="field__label">{t('series2.phase.minutes')}</span>
        <input
          key={minutes}
          type="number"
          min={RUN_SHEET_LIMITS.minPhaseMs / 60_000}
          max={RUN_SHEET_LIMITS.maxPhaseMs / 60_000}
          defaultValue={minutes}
          onBlur={(event) => {
            const value = Number(event.target.value);
            if (Number.isFinite(value) && value >= 1 && Math.round(value) !== minutes) onChange({ durationMs: Math.round(value) * 60_000 });
          }}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('series2.phase.instructions')}</span>
        <textarea
          key={phase.instructions}
          rows={3}
          defaultValue={phase.instructions}
          maxLength={RUN_SHEET_LIMITS.instructions}
          onBlur={(event) => {
            if (event.target.value !== phase.instructions) onChange({ instructions: event.target.value });
          }}
        />
      </label>
      <fieldset className="phase-editor__settings">
        <legend>{t('series2.phase.switches')}</legend>
        <Check label={t('series2.phase.private')} checked={settings.privateMode} onChange={(on) => onSettings({ privateMode: on })} />
        <Check
          label={t('series2.phase.voting')}
          checked={voting !== null}
          onChange={(on) =>
            onSettings({ voting: on ? { target: 'ideas', votesPerPerson: DEFAULT_VOTES_PER_PERSON, allowMultiplePerCard: false } : null })
          }
        />
        {voting ? (
          <div className="phase-editor__voting">
            <label className="field">
              <span className="field__label">{t('series2.phase.votes')}</span>
              <input
                key={voting.votesPerPerson}
                type="number"
                min={1}
                max={MAX_VOTES_PER_PERSON}
                defaultValue={voting.votesPerPerson}
                onBlur={(event) => {
                  const value = Math.round(Number(event.target.value));
                  if (value >= 1 && value <= MAX_VOTES_PER_PERSON && value !== voting.votesPerPerson) onVoting({ votesPerPerson: value });
                }}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('series2.phase.target')}</span>
              <select value={voting.target} onChange={(event) => onVoting({ target: event.target.value as VoteTarget })}>
                {VOTE_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {t(`series.setting.target.${target}`)}
                  </option>
                ))}
              </select>
            </label>
            <Check
              label={t('series2.phase.multiple')}
              checked={voting.allowMultiplePerCard}
              onChange={(on) => onVoting({ allowMultiplePerCard: on })}
            />
          </div>
        ) : null}
        <Check
          label={t('series2.phase.lockStructure')}
          checked={settings.lockStructure}
          onChange={(on) => onSettings({ lockStructure: on })}
        />
        <Check label={t('series2.phase.lockBoard')} checked={settings.lockBoard} onChange={(on) => onSettings({ lockBoard: on })} />
        <label className="field">
          <span className="field__label">{t('series2.phase.focus')}</span>
          <select value={settings.focusStageId ?? ''} onChange={(event) => onSettings({ focusStageId: event.target.value || null })}>
            <option value="">{t('series2.phase.noFocus')}</option>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.title || t('stage.new')}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </div>
  );
}

/** A tick of the phase editor, bound to the document (`DocCheckbox`). */
function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <DocCheckbox className="phase-editor__check" checked={checked} onChange={onChange}>
      <span>{label}</span>
    </DocCheckbox>
  );
}

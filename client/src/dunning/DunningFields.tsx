import {
  CHECKPOINTS,
  DUNNING_STEPS,
  EMOTIONS,
  formatDueDay,
  LIMITS,
  type Card,
  type Checkpoint,
  type DunningStep,
  type Emotion,
} from '@rejse/shared';
import { useId } from 'react';
import { useBoard, useCommands } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { DocCheckbox } from '../ui/DocCheckbox.tsx';

const sameScenarios = (a: Array<{ id: string; name: string }>, b: Array<{ id: string; name: string }>) =>
  a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.name === b[i]?.name);

/** Parses a whole number typed into a field; undefined when it is not one. */
function wholeNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) ? n : undefined;
}

/** One `<option>` per dunning step, named in the board's language (the inspector and the fee-cap rule). */
export function DunningStepOptions() {
  const t = useT();
  return DUNNING_STEPS.map((step) => (
    <option key={step} value={step}>
      {t(`dunning.step.${step}`)}
    </option>
  ));
}

/**
 * A touchpoint's place in the dunning journey, in the inspector: its day relative to the
 * due date, its dunning step and fee, the debtor scenarios it belongs to (with how each of
 * them feels here), and whether it is a vulnerability checkpoint.
 */
export function DunningFields({ card, currency }: { card: Card; currency: string }) {
  const t = useT();
  const commands = useCommands();
  const scenarios = useBoard((b) => b.scenarios.map(({ id, name }) => ({ id, name })), sameScenarios);
  const dayHint = useId();
  const members = card.scenarioIds ?? [];
  const applies = (id: string) => members.length === 0 || members.includes(id);

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...members, id] : members.filter((m) => m !== id);
    commands.updateCard(card.id, { scenarioIds: next.length > 0 ? next : null });
  };
  const setEmotion = (id: string, value: string) => {
    const next: Record<string, Emotion> = { ...(card.scenarioEmotions ?? {}) };
    if (value === '') delete next[id];
    else next[id] = Number(value) as Emotion;
    commands.updateCard(card.id, { scenarioEmotions: Object.keys(next).length > 0 ? next : null });
  };

  return (
    <fieldset className="dunning-fields">
      <legend className="field__label">{t('dunning.fields.heading')}</legend>
      <label className="field">
        <span className="field__label">{t('dunning.fields.day')}</span>
        <input
          key={card.dayOffset ?? 'none'}
          className="input"
          type="number"
          step={1}
          min={LIMITS.dayOffsetMin}
          max={LIMITS.dayOffsetMax}
          defaultValue={card.dayOffset ?? ''}
          aria-describedby={dayHint}
          data-testid="touchpoint-day"
          onBlur={(event) => {
            const day = wholeNumber(event.target.value);
            if (event.target.value.trim() === '') {
              if (card.dayOffset !== undefined) commands.updateCard(card.id, { dayOffset: null });
            } else if (day !== undefined && day !== card.dayOffset) commands.updateCard(card.id, { dayOffset: day });
            else if (day === undefined) event.target.value = String(card.dayOffset ?? '');
          }}
        />
        <span className="field__hint" id={dayHint}>
          {t('dunning.fields.dayHint', {
            day: card.dayOffset === undefined ? t('dunning.ruler.none') : formatDueDay(card.dayOffset),
          })}
        </span>
      </label>
      <label className="field">
        <span className="field__label">{t('dunning.fields.step')}</span>
        <select
          className="input"
          value={card.dunningStep ?? ''}
          onChange={(event) => commands.updateCard(card.id, { dunningStep: (event.target.value || null) as DunningStep | null })}
        >
          <option value="">{t('dunning.step.none')}</option>
          <DunningStepOptions />
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('dunning.fields.fee', { currency })}</span>
        <input
          key={card.fee ?? 'none'}
          className="input"
          type="number"
          min={0}
          step="any"
          defaultValue={card.fee ?? ''}
          onBlur={(event) => {
            const text = event.target.value.trim();
            const fee = text === '' ? null : Number(text);
            if (fee === null) {
              if (card.fee !== undefined) commands.updateCard(card.id, { fee: null });
            } else if (Number.isFinite(fee) && fee >= 0 && fee !== card.fee) commands.updateCard(card.id, { fee });
            else event.target.value = String(card.fee ?? '');
          }}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('dunning.fields.checkpoint')}</span>
        <select
          className="input"
          value={card.checkpoint ?? ''}
          onChange={(event) => commands.updateCard(card.id, { checkpoint: (event.target.value || null) as Checkpoint | null })}
        >
          <option value="">{t('dunning.checkpoint.none')}</option>
          {CHECKPOINTS.map((checkpoint) => (
            <option key={checkpoint} value={checkpoint}>
              {t(`dunning.checkpoint.${checkpoint}`)}
            </option>
          ))}
        </select>
      </label>
      {scenarios.length > 0 ? (
        <fieldset className="dunning-fields__scenarios">
          <legend className="field__label">{t('dunning.fields.scenarios')}</legend>
          <p className="field__hint">{t('dunning.fields.allScenarios')}</p>
          {scenarios.map((scenario) => (
            <div key={scenario.id} className="dunning-fields__scenario">
              <DocCheckbox
                className="dunning-settings__check"
                checked={members.includes(scenario.id)}
                onChange={(on) => toggle(scenario.id, on)}
              >
                {scenario.name}
              </DocCheckbox>
              {applies(scenario.id) ? (
                <select
                  className="input input--inline"
                  aria-label={t('dunning.fields.emotionIn', { scenario: scenario.name })}
                  value={card.scenarioEmotions?.[scenario.id] ?? ''}
                  onChange={(event) => setEmotion(scenario.id, event.target.value)}
                >
                  <option value="">{t('dunning.fields.sameEmotion')}</option>
                  {EMOTIONS.map((emotion) => (
                    <option key={emotion} value={emotion}>
                      {t(`emotion.${emotion}`)}
                    </option>
                  ))}
                </select>
              ) : null}
            </div>
          ))}
        </fieldset>
      ) : null}
    </fieldset>
  );
}

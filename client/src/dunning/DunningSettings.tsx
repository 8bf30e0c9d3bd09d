import {
  CADENCE_PRESETS,
  CADENCE_RULE_KINDS,
  CHANNELS,
  SCENARIO_OUTCOMES,
  type CadenceRule,
  type CadenceRuleFields,
  type CadenceRuleKind,
  type Channel,
  type DunningStep,
  type Scenario,
  type ScenarioOutcome,
} from '@rejse/shared';
import { useState } from 'react';
import { useBoardSnapshot, useCommands } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { DocCheckbox } from '../ui/DocCheckbox.tsx';
import { DunningStepOptions } from './DunningFields.tsx';

/** A new rule of a kind, with the standard preset's values. */
const NEW_RULE: Readonly<Record<CadenceRuleKind, CadenceRuleFields>> = {
  'max-contacts': { kind: 'max-contacts', limit: 3, windowDays: 7 },
  'promise-quiet': { kind: 'promise-quiet', days: 7 },
  'reminder-spacing': { kind: 'reminder-spacing', days: 10 },
  'reminder-count': { kind: 'reminder-count', limit: 3 },
  'fee-cap': { kind: 'fee-cap', step: 'reminder', amount: 100 },
};

const withoutId = ({ id: _id, ...fields }: CadenceRule): CadenceRuleFields => fields as CadenceRuleFields;

/** The board's debtor scenarios (names, outcomes, which is vulnerable) and its cadence rules. Shared, live, undoable. */
export function DunningSettings({ onClose }: { onClose: () => void }) {
  const t = useT();
  const board = useBoardSnapshot();
  const commands = useCommands();
  const [kind, setKind] = useState<CadenceRuleKind>('max-contacts');
  return (
    <Dialog
      title={t('dunning.settings.title')}
      onClose={onClose}
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('dunning.settings.close')}
        </button>
      }
    >
      <div className="dunning-settings">
        <h3 className="time-view__subheading">{t('dunning.settings.scenarios')}</h3>
        <ul className="dunning-settings__list">
          {board.scenarios.map((scenario) => (
            <ScenarioRow key={scenario.id} scenario={scenario} />
          ))}
        </ul>
        <div className="dunning-settings__buttons">
          {board.scenarios.length === 0 ? (
            <button type="button" className="button" onClick={() => commands.addDefaultScenarios()}>
              {t('dunning.settings.addDefaults')}
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() => commands.addScenario({ name: t('dunning.settings.newScenario'), outcome: 'paid', vulnerable: false })}
          >
            {t('dunning.settings.addScenario')}
          </button>
        </div>

        <h3 className="time-view__subheading">{t('dunning.settings.rules')}</h3>
        {board.cadenceRules.length === 0 ? <p className="muted">{t('dunning.settings.noRules')}</p> : null}
        <ul className="dunning-settings__list">
          {board.cadenceRules.map((rule) => (
            <RuleRow key={rule.id} rule={rule} currency={board.currency} />
          ))}
        </ul>
        <div className="dunning-settings__buttons">
          <label className="field field--inline">
            <span className="field__label">{t('dunning.rule.kind')}</span>
            <select className="input" value={kind} onChange={(event) => setKind(event.target.value as CadenceRuleKind)}>
              {CADENCE_RULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`dunning.rule.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => commands.addCadenceRule(NEW_RULE[kind])}>
            {t('dunning.settings.addRule')}
          </button>
        </div>
        <div className="dunning-settings__buttons">
          {CADENCE_PRESETS.map((preset) => (
            <button key={preset} type="button" className="button button--quiet" onClick={() => commands.addCadencePreset(preset)}>
              {t(`dunning.settings.preset.${preset}`)}
            </button>
          ))}
        </div>
      </div>
    </Dialog>
  );
}

function ScenarioRow({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const commands = useCommands();
  const [name, setName] = useState(scenario.name);
  const commit = () => {
    if (name.trim() && name !== scenario.name) commands.updateScenario(scenario.id, { name: name.trim() });
    else setName(scenario.name);
  };
  return (
    <li className="dunning-settings__row">
      <label className="field">
        <span className="field__label">{t('dunning.settings.name')}</span>
        <input
          className="input"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('dunning.settings.outcome')}</span>
        <select
          className="input"
          value={scenario.outcome}
          onChange={(event) => commands.updateScenario(scenario.id, { outcome: event.target.value as ScenarioOutcome })}
        >
          {SCENARIO_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`dunning.outcome.${outcome}`)}
            </option>
          ))}
        </select>
      </label>
      <DocCheckbox
        className="dunning-settings__check"
        checked={scenario.vulnerable}
        onChange={(on) => commands.updateScenario(scenario.id, { vulnerable: on })}
      >
        {t('dunning.settings.vulnerable')}
      </DocCheckbox>
      <button
        type="button"
        className="button button--quiet"
        aria-label={t('dunning.settings.remove', { name: scenario.name })}
        onClick={() => commands.removeScenario(scenario.id)}
      >
        ×
      </button>
    </li>
  );
}

function NumberField({ label, value, min, onCommit }: { label: string; value: number; min: number; onCommit: (n: number) => void }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input dunning-settings__number"
        type="number"
        min={min}
        step={1}
        defaultValue={value}
        key={value}
        onBlur={(event) => {
          const n = Number(event.target.value);
          if (Number.isFinite(n) && n >= min && n !== value) onCommit(n);
          else event.target.value = String(value);
        }}
      />
    </label>
  );
}

function RuleRow({ rule, currency }: { rule: CadenceRule; currency: string }) {
  const t = useT();
  const commands = useCommands();
  const save = (patch: Partial<Record<string, unknown>>) =>
    commands.updateCadenceRule(rule.id, { ...withoutId(rule), ...patch } as CadenceRuleFields);
  return (
    <li className="dunning-settings__row">
      <strong className="dunning-settings__rule">{t(`dunning.rule.${rule.kind}`)}</strong>
      {'limit' in rule ? (
        <NumberField label={t('dunning.rule.limit')} value={rule.limit} min={1} onCommit={(limit) => save({ limit })} />
      ) : null}
      {'windowDays' in rule ? (
        <NumberField label={t('dunning.rule.windowDays')} value={rule.windowDays} min={1} onCommit={(windowDays) => save({ windowDays })} />
      ) : null}
      {'days' in rule ? <NumberField label={t('dunning.rule.days')} value={rule.days} min={1} onCommit={(days) => save({ days })} /> : null}
      {rule.kind === 'max-contacts' ? (
        <label className="field">
          <span className="field__label">{t('dunning.rule.channel')}</span>
          <select
            className="input"
            value={rule.channel ?? ''}
            onChange={(event) => save({ channel: (event.target.value || undefined) as Channel | undefined })}
          >
            <option value="">{t('dunning.rule.anyChannel')}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {rule.kind === 'fee-cap' ? (
        <>
          <label className="field">
            <span className="field__label">{t('dunning.rule.step')}</span>
            <select className="input" value={rule.step} onChange={(event) => save({ step: event.target.value as DunningStep })}>
              <DunningStepOptions />
            </select>
          </label>
          <NumberField label={t('dunning.rule.amount', { currency })} value={rule.amount} min={0} onCommit={(amount) => save({ amount })} />
        </>
      ) : null}
      <button
        type="button"
        className="button button--quiet"
        aria-label={t('dunning.settings.removeRule')}
        onClick={() => commands.removeCadenceRule(rule.id)}
      >
        ×
      </button>
    </li>
  );
}

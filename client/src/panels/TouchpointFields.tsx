import { CARDS, EMOTIONS, OWNER_TEAMS, type Card, type TouchpointMetrics } from '@rejse/shared';
import { useCommands } from '../doc/BoardContext.tsx';
import { formatMetric, METRIC_SPECS, metricSpec, type MetricKey } from '../doc/metrics.ts';
import { DunningFields } from '../dunning/DunningFields.tsx';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Face } from '../ui/icons.tsx';
import { useDocChoice } from '../ui/useDocChoice.ts';
import { ChannelPicker } from './ChannelPicker.tsx';
import { MetricField } from './MetricField.tsx';
import { PersonaEmotionFields } from './PersonaEmotionFields.tsx';
import { LiveTextField } from './LiveTextField.tsx';

const METRIC_LABELS: Record<MetricKey, MessageKey> = {
  yearlyVolume: 'metrics.yearlyVolume',
  costPerContact: 'metrics.costPerContact',
  responseRate: 'metrics.responseRate',
  nps: 'metrics.nps',
  csat: 'metrics.csat',
};

/**
 * What a touchpoint says beyond its text: the channel, who owns it (front stage, seen by the
 * customer, or backstage), the customer's emotion (shared, and per persona where it differs)
 * and own words, and the figures measured there, typed and shown in the board's locale and
 * currency.
 */
export function TouchpointFields({ card, locale, currency }: { card: Card; locale: string; currency: string }) {
  const t = useT();
  const commands = useCommands();
  const metrics = card.metrics ?? {};
  // Both groups bound to the document: a choice shows at once (`useDocChoice`); "Clear" is one too.
  const [ownerShown, chooseOwner] = useDocChoice(card.ownerTeam, (team) => commands.updateCard(card.id, { ownerTeam: team ?? null }));
  const [emotionShown, chooseEmotion] = useDocChoice(card.emotion, (emotion) => commands.updateCard(card.id, { emotion: emotion ?? null }));

  const saveMetric = (key: MetricKey, value: number | null) => {
    const next: TouchpointMetrics = { ...metrics };
    if (value === null) delete next[key];
    else next[key] = value;
    commands.updateCard(card.id, { metrics: Object.keys(next).length > 0 ? next : null });
  };

  const yearlyCost =
    metrics.yearlyVolume !== undefined && metrics.costPerContact !== undefined ? metrics.yearlyVolume * metrics.costPerContact : null;

  return (
    <>
      <ChannelPicker card={card} />

      <fieldset className="field">
        <legend className="field__label">{t('inspector.ownerTeam')}</legend>
        <div className="segmented-row">
          <div className="segmented segmented--owner">
            {OWNER_TEAMS.map((team) => (
              <label key={team} className="segmented__option" title={t(`inspector.ownerTeam.${team}.hint`)}>
                <input
                  type="radio"
                  name={`owner-team-${card.id}`}
                  value={team}
                  checked={ownerShown === team}
                  onChange={() => chooseOwner(team)}
                />
                <span>{t(`inspector.ownerTeam.${team}`)}</span>
              </label>
            ))}
          </div>
          <button
            type="button"
            className="button button--quiet field__clear"
            disabled={ownerShown === undefined}
            onClick={() => chooseOwner(undefined)}
          >
            {t('inspector.clear')}
          </button>
        </div>
      </fieldset>

      <fieldset className="field">
        <legend className="field__label">{t('inspector.emotion')}</legend>
        <div className="faces">
          {EMOTIONS.map((value) => (
            <label key={value} className="faces__option" title={t(`emotion.${value}`)}>
              <input
                type="radio"
                name={`card-emotion-${card.id}`}
                value={value}
                checked={emotionShown === value}
                onChange={() => chooseEmotion(value)}
                aria-label={t(`emotion.${value}`)}
              />
              <Face value={value} size={26} />
            </label>
          ))}
          <button
            type="button"
            className="button button--quiet faces__clear"
            disabled={emotionShown === undefined}
            onClick={() => chooseEmotion(undefined)}
          >
            {t('inspector.clearEmotion')}
          </button>
        </div>
      </fieldset>

      <PersonaEmotionFields card={card} />

      <LiveTextField
        key={`thought-${card.id}`}
        label={t('inspector.thought')}
        placeholder={t('inspector.thoughtPlaceholder')}
        value={card.thought ?? ''}
        target={{ root: CARDS, id: card.id, field: 'thought' }}
        write={(edit) => commands.editCardText(card.id, 'thought', edit)}
        rows={2}
      />

      <fieldset className="field metrics">
        <legend className="field__label">{t('metrics.heading')}</legend>
        <p className="metrics__hint">{t('metrics.hint', { locale, currency })}</p>
        <div className="metrics__grid">
          {METRIC_SPECS.map((spec) => (
            <MetricField
              key={`${card.id}-${spec.key}`}
              spec={spec}
              label={t(METRIC_LABELS[spec.key])}
              value={metrics[spec.key]}
              locale={locale}
              currency={currency}
              onSave={(value) => saveMetric(spec.key, value)}
            />
          ))}
        </div>
        {yearlyCost !== null ? (
          <p className="metrics__total">
            {t('metrics.yearlyCost', {
              value: formatMetric(metricSpec('costPerContact'), yearlyCost, locale, currency),
            })}
          </p>
        ) : null}
      </fieldset>
      <DunningFields card={card} currency={currency} />
    </>
  );
}

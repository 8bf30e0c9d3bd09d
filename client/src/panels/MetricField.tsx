import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { currencySymbol, formatMetricInput, metricExample, parseMetric, type MetricSpec, type NumberProblem } from '../doc/metrics.ts';
import { useT, type MessageKey } from '../i18n/index.ts';

const PROBLEM_KEYS: Record<NumberProblem, MessageKey> = {
  'not-a-number': 'metrics.error.notNumber',
  'below-min': 'metrics.error.belowMin',
  'above-max': 'metrics.error.aboveMax',
  'not-whole': 'metrics.error.notWhole',
};

interface MetricFieldProps {
  spec: MetricSpec;
  label: string;
  /** The stored value (a rate as 0…1). */
  value: number | undefined;
  /** The board's locale and currency: figures are typed and shown the board's way. */
  locale: string;
  currency: string;
  /** Saves a valid value; null clears the figure. */
  onSave: (value: number | null) => void;
}

/**
 * A figure typed in the board's locale ("1.000.000" on a Danish board): shown formatted,
 * checked on leaving (or Enter) against the metric's range, and saved only when valid. A
 * problem is explained under the field and the typed text is kept for correcting; Esc
 * goes back to the saved value.
 */
export function MetricField({ spec, label, value, locale, currency, onSave }: MetricFieldProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<NumberProblem | null>(null);

  // Another user's edit shows at once unless this field is being typed in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `value` (the trigger, not read) clears a stale problem.
  useEffect(() => {
    if (draft === null) setProblem(null);
  }, [value, draft]);

  const commit = () => {
    if (draft === null) return;
    const parsed = parseMetric(spec, draft, locale);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    setDraft(null);
    if (parsed.value !== (value ?? null)) onSave(parsed.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      setProblem(null);
    }
  };

  const unit =
    spec.unit === 'money'
      ? currencySymbol(locale, currency)
      : spec.unit === 'percent'
        ? '%'
        : spec.key === 'yearlyVolume'
          ? t('metrics.perYear')
          : null;
  const bounds = {
    min: formatMetricInput({ ...spec, scale: 1 }, spec.min, locale),
    max: formatMetricInput({ ...spec, scale: 1 }, spec.max, locale),
  };

  return (
    <div className={`metric-field${problem ? ' is-invalid' : ''}`}>
      <label className="metric-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="metric-field__control">
        <input
          id={id}
          className="input metric-field__input"
          inputMode={spec.min < 0 ? 'text' : 'decimal'}
          autoComplete="off"
          value={draft ?? formatMetricInput(spec, value, locale)}
          placeholder="—"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            if (problem) setProblem(null);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {unit ? <span className="metric-field__unit">{unit}</span> : null}
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="metric-field__problem" role="alert">
          {t(PROBLEM_KEYS[problem], { ...bounds, example: metricExample(spec, locale) })}
        </p>
      ) : null}
    </div>
  );
}

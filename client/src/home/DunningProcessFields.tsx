import { CHANNELS, LIMITS, type Channel, type DunningProcessRequest } from '@rejse/shared';
import { useT } from '../i18n/index.ts';

type StepKey = 'reminder1' | 'reminder2' | 'finalNotice' | 'collection' | 'paymentPlan' | 'legal';
const STEPS: readonly StepKey[] = ['reminder1', 'reminder2', 'finalNotice', 'collection', 'paymentPlan', 'legal'];

interface Step {
  day: number;
  channel: Channel;
  fee?: number | undefined;
}

const stepOf = (process: DunningProcessRequest, key: StepKey): Step =>
  key === 'reminder1' ? process.reminders[0] : key === 'reminder2' ? process.reminders[1] : process[key];

function withStep(process: DunningProcessRequest, key: StepKey, step: Step): DunningProcessRequest {
  if (key === 'reminder1') return { ...process, reminders: [step, process.reminders[1]] };
  if (key === 'reminder2') return { ...process, reminders: [process.reminders[0], step] };
  return { ...process, [key]: step };
}

/** A whole number from an input, or the old value while the field is being typed over (""). */
const wholeNumber = (text: string, fallback: number): number =>
  text.trim() === '' || !Number.isFinite(Number(text)) ? fallback : Math.trunc(Number(text));

/**
 * The dunning process a board is generated from: the invoice's distance from the due date, the
 * due date, the pre-reminder window, and each later step's day, channel and fee (in the board's
 * currency). The server checks the order and the ranges and names the field it refuses.
 */
export function DunningProcessFields({
  process,
  currency,
  onChange,
}: {
  process: DunningProcessRequest;
  currency: string;
  onChange: (next: DunningProcessRequest) => void;
}) {
  const t = useT();
  const channelOptions = CHANNELS.map((channel) => (
    <option key={channel} value={channel}>
      {t(`channel.${channel}`)}
    </option>
  ));
  const pickChannel = (value: string): Channel | undefined => CHANNELS.find((c) => c === value);
  return (
    <div className="dunning-process" data-testid="dunning-process">
      <p className="muted create-board__hint">{t('home.create.dunning.hint')}</p>
      <div className="dunning-process__row">
        <label className="field">
          <span className="field__label">{t('home.create.dunning.invoiceDays')}</span>
          <input
            className="input"
            type="number"
            min={0}
            max={-LIMITS.dayOffsetMin}
            value={-process.invoiceDay}
            onChange={(event) => onChange({ ...process, invoiceDay: -Math.abs(wholeNumber(event.target.value, -process.invoiceDay)) })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('home.create.dunning.dueDate')}</span>
          <input
            className="input"
            type="date"
            required
            value={process.dueDate}
            onChange={(event) => {
              if (event.target.value) onChange({ ...process, dueDate: event.target.value });
            }}
          />
        </label>
      </div>
      <fieldset className="dunning-process__step">
        <legend className="field__label">{t('home.create.dunning.window')}</legend>
        <label className="dunning-process__cell">
          <span>{t('home.create.dunning.day')}</span>
          <input
            className="input"
            type="number"
            min={1}
            value={process.preReminderWindow.days}
            data-field="window-days"
            onChange={(event) =>
              onChange({
                ...process,
                preReminderWindow: {
                  ...process.preReminderWindow,
                  days: wholeNumber(event.target.value, process.preReminderWindow.days),
                },
              })
            }
          />
        </label>
        <label className="dunning-process__cell dunning-process__cell--wide">
          <span>{t('home.create.dunning.channel')}</span>
          <select
            className="input"
            value={process.preReminderWindow.channel}
            onChange={(event) => {
              const channel = pickChannel(event.target.value);
              if (channel) onChange({ ...process, preReminderWindow: { ...process.preReminderWindow, channel } });
            }}
          >
            {channelOptions}
          </select>
        </label>
      </fieldset>
      {STEPS.map((key) => {
        const step = stepOf(process, key);
        const set = (next: Step) => onChange(withStep(process, key, next));
        return (
          <fieldset key={key} className="dunning-process__step" data-step={key}>
            <legend className="field__label">{t(`home.create.dunning.step.${key}`)}</legend>
            <label className="dunning-process__cell">
              <span>{t('home.create.dunning.day')}</span>
              <input
                className="input"
                type="number"
                min={1}
                value={step.day}
                data-field="day"
                onChange={(event) => set({ ...step, day: wholeNumber(event.target.value, step.day) })}
              />
            </label>
            <label className="dunning-process__cell dunning-process__cell--wide">
              <span>{t('home.create.dunning.channel')}</span>
              <select
                className="input"
                value={step.channel}
                onChange={(event) => {
                  const channel = pickChannel(event.target.value);
                  if (channel) set({ ...step, channel });
                }}
              >
                {channelOptions}
              </select>
            </label>
            <label className="dunning-process__cell">
              <span>{t('home.create.dunning.fee', { currency })}</span>
              <input
                className="input"
                type="number"
                min={0}
                max={LIMITS.fee}
                step="any"
                value={step.fee ?? 0}
                data-field="fee"
                onChange={(event) => {
                  const fee = Number(event.target.value);
                  set({ ...step, fee: Number.isFinite(fee) && fee > 0 ? fee : undefined });
                }}
              />
            </label>
          </fieldset>
        );
      })}
    </div>
  );
}

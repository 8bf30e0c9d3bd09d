import { z } from 'zod';
import type { DunningProcess } from '../dunning/generate.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Currency } from '../schema/board.ts';
import { CHANNELS } from '../schema/channels.ts';
import { LIMITS } from '../schema/limits.ts';
import { lazySchema } from './lazy.ts';

/**
 * A dunning process as `POST /api/boards` takes it (`dunning`): the due date, and every other
 * step as its day relative to the due date (D+13 = 13 days after), with its channel and fee.
 * The steps must come in the order a process runs: the window, reminder 1, reminder 2, the
 * final notice, collection, the legal step (the payment plan may be offered any time after
 * reminder 1). `generateDunningBoard` makes the board.
 */

/** A generated step adds cards up to three days after its own day (a customer's call, a payment). */
const STEP_DAY_MAX = LIMITS.dayOffsetMax - 3;

const channel = lazySchema(() => z.enum(CHANNELS, { error: `channel must be one of ${CHANNELS.join(', ')}` }));
const day = lazySchema(() =>
  z
    .number({ error: 'day must be a whole number of days from the due date' })
    .int({ error: 'day must be a whole number of days from the due date' })
    .min(1, { error: 'day must be after the due date (1 or more)' })
    .max(STEP_DAY_MAX, { error: `day must be at most ${STEP_DAY_MAX}` }),
);
const fee = lazySchema(() =>
  z
    .number({ error: 'fee must be a number' })
    .nonnegative({ error: 'fee must not be negative' })
    .max(LIMITS.fee, { error: `fee must be at most ${LIMITS.fee}` }),
);

const stepSchema = lazySchema(() =>
  z.object({ day, channel, fee: fee.optional() }, { error: 'a step must be an object like {"day": 13, "channel": "letter", "fee": 100}' }),
);

export const dunningProcessRequestSchema = lazySchema(() =>
  z
    .object(
      {
        /** ISO day (2026-03-15). */
        dueDate: z.iso.date({ error: 'dueDate must be a date like 2026-03-15' }),
        /** The invoice's day relative to the due date: −14 = sent 14 days before it. */
        invoiceDay: z
          .number({ error: 'invoiceDay must be a whole number of days' })
          .int({ error: 'invoiceDay must be a whole number of days' })
          .min(LIMITS.dayOffsetMin, { error: `invoiceDay must be at least ${LIMITS.dayOffsetMin}` })
          .max(0, { error: 'invoiceDay must be on or before the due date (0 or less)' }),
        invoiceChannel: channel,
        dueChannel: channel,
        preReminderWindow: z.object(
          { days: day, channel },
          { error: 'preReminderWindow must be an object like {"days": 12, "channel": "sms"}' },
        ),
        reminders: z.tuple([stepSchema, stepSchema], { error: 'reminders must be a list of two steps' }),
        finalNotice: stepSchema,
        collection: stepSchema,
        paymentPlan: stepSchema,
        legal: stepSchema,
      },
      { error: 'dunning must be an object describing the process' },
    )
    .superRefine((p, ctx) => {
      const order: Array<[string[], number, number, string]> = [
        [['reminders', '0', 'day'], p.reminders[0].day, p.preReminderWindow.days, 'reminder 1 must come after the pre-reminder window'],
        [['reminders', '1', 'day'], p.reminders[1].day, p.reminders[0].day, 'reminder 2 must come after reminder 1'],
        [['finalNotice', 'day'], p.finalNotice.day, p.reminders[1].day, 'the final notice must come after reminder 2'],
        [['collection', 'day'], p.collection.day, p.finalNotice.day - 1, 'collection must come on or after the final notice'],
        [['paymentPlan', 'day'], p.paymentPlan.day, p.reminders[0].day - 1, 'the payment plan must come on or after reminder 1'],
        [['legal', 'day'], p.legal.day, p.collection.day - 1, 'the legal step must come on or after collection'],
      ];
      for (const [path, value, after, message] of order) {
        if (value <= after) ctx.addIssue({ code: 'custom', path, message });
      }
    }),
);
export type DunningProcessRequest = z.infer<typeof dunningProcessRequestSchema>;

const DAY_MS = 86_400_000;

/** The generator's process from a request: the invoice date from its day, the currency the board's. */
export function dunningProcessFrom(request: DunningProcessRequest, currency: Currency): DunningProcess {
  const due = Date.parse(`${request.dueDate}T00:00:00Z`);
  return {
    invoiceDate: new Date(due + request.invoiceDay * DAY_MS).toISOString().slice(0, 10),
    dueDate: request.dueDate,
    invoiceChannel: request.invoiceChannel,
    dueChannel: request.dueChannel,
    preReminderWindow: request.preReminderWindow,
    reminders: request.reminders,
    finalNotice: request.finalNotice,
    collection: request.collection,
    paymentPlan: request.paymentPlan,
    legal: request.legal,
    currency,
  };
}

/**
 * What the home page's form starts from, per language. Danish: renteloven § 9 b — at most
 * 100 DKK per reminder, at least 10 days apart. Swedish: 60 SEK for a reminder, 180 SEK for the
 * collection demand, 170 SEK for a payment plan. English: the same rhythm, no fees set.
 */
export function defaultDunningProcess(language: Locale, dueDate: string): DunningProcessRequest {
  const base: DunningProcessRequest = {
    dueDate,
    invoiceDay: -14,
    invoiceChannel: 'email',
    dueChannel: 'sms',
    preReminderWindow: { days: 12, channel: 'sms' },
    reminders: [
      { day: 13, channel: 'letter' },
      { day: 24, channel: 'letter' },
    ],
    finalNotice: { day: 35, channel: 'letter' },
    collection: { day: 50, channel: 'letter' },
    paymentPlan: { day: 55, channel: 'phone' },
    legal: { day: 90, channel: 'letter' },
  };
  if (language === 'da') {
    return {
      ...base,
      reminders: [
        { day: 13, channel: 'letter', fee: 100 },
        { day: 24, channel: 'letter', fee: 100 },
      ],
      finalNotice: { day: 35, channel: 'letter', fee: 100 },
    };
  }
  if (language === 'sv') {
    return {
      ...base,
      reminders: [
        { day: 13, channel: 'letter', fee: 60 },
        { day: 24, channel: 'letter' },
      ],
      collection: { day: 50, channel: 'letter', fee: 180 },
      paymentPlan: { day: 55, channel: 'phone', fee: 170 },
    };
  }
  return base;
}

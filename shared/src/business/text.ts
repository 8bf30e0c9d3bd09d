/**
 * The business case's words as data: a message key and typed arguments, never a finished
 * sentence. The UI and the exports render them in the reader's language with `Intl`
 * (see `renderBusinessText` in render.ts), so a formula reads "800.000 kontakter om året × 25 %" on a
 * Danish board and "800,000 contacts a year × 25%" on an English one.
 */

/** How an argument is shown: money in the board's currency, a whole count, a share, a number of years, plain text. */
export type BusinessArgType = 'money' | 'count' | 'percent' | 'years' | 'score' | 'text';

export interface BusinessArg {
  type: BusinessArgType;
  value: number | string;
}

export const BUSINESS_MESSAGE_KEYS = [
  'formula.fewerContacts',
  'formula.responseRate',
  'formula.contactsValue',
  'formula.customersKept',
  'formula.costAvoided',
  'formula.range',
  'formula.confidenceAssumed',
  'missing.effects',
  'missing.touchpoint',
  'missing.yearlyVolume',
  'missing.costPerContact',
  'missing.responseRate',
  'missing.customersPerYear',
  'missing.revenuePerCustomerYear',
  'missing.lifetimeYears',
  'missing.amountPerContact',
] as const;
export type BusinessMessageKey = (typeof BUSINESS_MESSAGE_KEYS)[number];

/** One sentence of the business case: a formula line or a missing figure. */
export interface BusinessText {
  key: BusinessMessageKey;
  args: Readonly<Record<string, BusinessArg>>;
}

export const money = (value: number): BusinessArg => ({ type: 'money', value });
export const count = (value: number): BusinessArg => ({ type: 'count', value });
export const percent = (share: number): BusinessArg => ({ type: 'percent', value: share });
export const years = (value: number): BusinessArg => ({ type: 'years', value });
export const score = (value: number): BusinessArg => ({ type: 'score', value });
export const text = (value: string): BusinessArg => ({ type: 'text', value });

/**
 * The letter lab's verdict on a touchpoint's message: readability and the debtor checklist
 * for each variant that has text, side by side.
 */
import type { Card, MessageVariant, TouchpointMessage } from '../schema/card.ts';
import { MESSAGE_VARIANTS } from '../schema/card.ts';
import { debtorChecklist, type ChecklistResult } from './checklist.ts';
import { readability, type Readability } from './readability.ts';

/** Channels whose touchpoints carry a message text. */
export const MESSAGE_CHANNELS = ['letter', 'sms', 'email'] as const satisfies ReadonlyArray<NonNullable<Card['channel']>>;

export const hasMessageChannel = (card: Pick<Card, 'kind' | 'channel'>): boolean =>
  card.kind === 'touchpoint' && (MESSAGE_CHANNELS as readonly string[]).includes(card.channel ?? '');

export interface VariantVerdict {
  variant: MessageVariant;
  /** This is the variant customers get today. */
  inUse: boolean;
  readability: Readability;
  checklist: ChecklistResult[];
  /** How many checklist items were found, of `checklist.length`. */
  found: number;
}

/** Every variant with text, A before B; empty when the message has none. */
export function letterLab(message: TouchpointMessage | undefined, locale: string): VariantVerdict[] {
  if (!message) return [];
  return MESSAGE_VARIANTS.flatMap((variant) => {
    const text = message[variant];
    if (text === undefined || text.trim() === '') return [];
    const checklist = debtorChecklist(text);
    return [
      {
        variant,
        inUse: message.inUse === variant,
        readability: readability(text, locale),
        checklist,
        found: checklist.filter((c) => c.found).length,
      },
    ];
  });
}

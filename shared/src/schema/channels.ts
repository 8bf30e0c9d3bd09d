import { z } from 'zod';

/** The channel a touchpoint reaches the customer on. (Its own file: card.ts and dunning.ts both need it.) */
/** `eboks` is Denmark's digital mailbox (e-Boks / Digital Post), `kivra` Sweden's: where most Nordic dunning letters now arrive. */
export const CHANNELS = ['letter', 'eboks', 'kivra', 'sms', 'email', 'portal', 'chat', 'phone', 'app', 'payment'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Longest name of a channel a board adds itself ("MitID", "Vipps", "Letter via the bank"). */
export const CUSTOM_CHANNEL_NAME_LENGTH = 40;
/** Most channels a board may add: a picker, not a list of everything. */
export const MAX_CUSTOM_CHANNELS = 20;

/** A board's own channel is known by its name, trimmed; names are unique on a board regardless of case. */
export const customChannelNameSchema = z.string().trim().min(1).max(CUSTOM_CHANNEL_NAME_LENGTH);

/** The board's own channels (meta `customChannels`, optional: boards without any simply lack it). */
export const customChannelsSchema = z
  .array(customChannelNameSchema)
  .max(MAX_CUSTOM_CHANNELS)
  .refine((names) => new Set(names.map((n) => n.toLocaleLowerCase())).size === names.length, 'channel names must be unique');

/**
 * The board's own channels as stored, read defensively: non-strings, blanks, over-long names and
 * repeats are left out, and at most MAX_CUSTOM_CHANNELS are kept, so a damaged value never breaks a board.
 */
export function readCustomChannels(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const item of value) {
    const parsed = customChannelNameSchema.safeParse(item);
    if (!parsed.success) continue;
    const key = parsed.data.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(parsed.data);
    if (names.length === MAX_CUSTOM_CHANNELS) break;
  }
  return names;
}

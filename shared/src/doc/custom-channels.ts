import { customChannelNameSchema, MAX_CUSTOM_CHANNELS, readCustomChannels } from '../schema/channels.ts';
import { LEGACY_CUSTOM_CHANNELS_KEY, type FieldReader } from './layout.ts';

/**
 * The board's own channels are one `meta` key each, `channel@<name in lower case>` → the name
 * as typed (trimmed). Two people adding two channels at once write two keys, so both stay (a
 * list written whole kept only one of them); two adding one name, in any case, write one key,
 * so it is listed once. Boards from before keep their list in the legacy `customChannels`
 * array: read as well, never written again.
 */
const PREFIX = 'channel@';

/** The meta key of a channel name. Plain `toLowerCase`: the key must not depend on a machine's locale. */
export function customChannelKey(name: string): string {
  return PREFIX + name.trim().toLowerCase();
}

export const isCustomChannelKey = (key: string): boolean => key.startsWith(PREFIX);

/** The name a channel key holds, or undefined when it is no usable channel (not a name, too long, or not its key's). */
export function customChannelName(key: string, value: unknown): string | undefined {
  const parsed = customChannelNameSchema.safeParse(value);
  return parsed.success && customChannelKey(parsed.data) === key ? parsed.data : undefined;
}

export interface BoardChannels {
  /** The names, in the order of their keys (the same on every replica), at most MAX_CUSTOM_CHANNELS. */
  names: string[];
  /** How many usable channels the board holds, before that cap: concurrent adds may pass it. */
  total: number;
  /** Meta keys whose value the reader left out (junk, repeats, or past the cap). */
  leftOut: string[];
}

/** The board's own channels, read defensively from its meta map: keyed ones and the legacy list. */
export function readBoardChannels(meta: FieldReader): BoardChannels {
  const byKey = new Map<string, string>();
  const leftOut: string[] = [];
  const legacy = meta.get(LEGACY_CUSTOM_CHANNELS_KEY);
  if (legacy !== undefined) {
    const names = readCustomChannels(legacy);
    if (!Array.isArray(legacy) || names.length !== legacy.length) leftOut.push(LEGACY_CUSTOM_CHANNELS_KEY);
    for (const name of names) byKey.set(customChannelKey(name), name);
  }
  meta.forEach((value, key) => {
    if (!isCustomChannelKey(key) || byKey.has(key)) return;
    const name = customChannelName(key, value);
    if (name === undefined) leftOut.push(key);
    else byKey.set(key, name);
  });
  const keys = [...byKey.keys()].sort();
  leftOut.push(...keys.slice(MAX_CUSTOM_CHANNELS));
  return { names: keys.slice(0, MAX_CUSTOM_CHANNELS).map((key) => byKey.get(key) ?? ''), total: keys.length, leftOut };
}

import type * as Y from 'yjs';
import { canonicalLocale } from '../i18n/locales.ts';
import { CURRENCIES, type Currency } from '../schema/board.ts';
import { CUSTOM_CHANNEL_NAME_LENGTH, MAX_CUSTOM_CHANNELS } from '../schema/channels.ts';
import { customChannelKey, readBoardChannels } from './custom-channels.ts';
import { metaMap } from './layout.ts';
import { BoardOpError } from './op-error.ts';
import { clampTitle } from './ops.ts';
import { LOCAL_ORIGIN } from './origins.ts';

/** Edits of the board itself (its title, locale and currency, its own channels): one transaction each. */
export function setBoardTitle(doc: Y.Doc, title: string, origin: unknown = LOCAL_ORIGIN): void {
  clampTitle(title);
  doc.transact(() => metaMap(doc).set('title', title), origin);
}

/**
 * Sets the board's locale (a BCP 47 tag, stored in canonical form: `da-dk` → `da-DK`) and
 * currency together: they govern how exports and the report write numbers, dates and money,
 * not anyone's UI language. Throws `invalid` for a malformed tag or an unknown currency.
 */
export function setBoardLocale(doc: Y.Doc, locale: string, currency: Currency, origin: unknown = LOCAL_ORIGIN): void {
  const canonical = canonicalLocale(locale);
  if (!canonical) {
    throw new BoardOpError('invalid', `"${locale.slice(0, 40)}" is not a language tag such as "da" or "sv-SE"`);
  }
  if (!(CURRENCIES as readonly string[]).includes(currency)) {
    throw new BoardOpError('invalid', `"${String(currency).slice(0, 10)}" is not one of ${CURRENCIES.join(', ')}`);
  }
  doc.transact(() => {
    const meta = metaMap(doc);
    if (meta.get('locale') !== canonical) meta.set('locale', canonical);
    if (meta.get('currency') !== currency) meta.set('currency', currency);
  }, origin);
}

/**
 * Adds a channel of the board's own to the built-in ones (a national mailbox, "MitID", …) and
 * returns its name as stored (trimmed). A name the board already has (in any case) is not
 * added twice: the existing one is returned. Each name is its own meta key (custom-channels.ts).
 */
export function addCustomChannel(doc: Y.Doc, name: string, origin: unknown = LOCAL_ORIGIN): string {
  const trimmed = name.trim();
  if (!trimmed) throw new BoardOpError('invalid', 'a channel needs a name');
  if (trimmed.length > CUSTOM_CHANNEL_NAME_LENGTH) {
    throw new BoardOpError('too-long', `a channel name is at most ${CUSTOM_CHANNEL_NAME_LENGTH} characters`);
  }
  const key = customChannelKey(trimmed);
  const current = readBoardChannels(metaMap(doc));
  const existing = current.names.find((n) => customChannelKey(n) === key);
  if (existing) return existing;
  if (current.total >= MAX_CUSTOM_CHANNELS)
    throw new BoardOpError('too-many', `a board has at most ${MAX_CUSTOM_CHANNELS} channels of its own`);
  doc.transact(() => metaMap(doc).set(key, trimmed), origin);
  return trimmed;
}

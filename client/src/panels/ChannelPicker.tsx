import { CHANNELS, CUSTOM_CHANNEL_NAME_LENGTH, type Card, type Channel } from '@rejse/shared';
import { useId, useState, type FormEvent } from 'react';
import { shallow } from 'zustand/shallow';
import { useBoard, useCommands } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';

const NONE: readonly string[] = [];
/** Option values: a built-in channel by id, one of the board's own by name behind this prefix. */
const OWN = 'own:';

/**
 * A touchpoint's channel: the built-in ones (with the Nordic digital mailboxes e-Boks/Digital
 * Post and Kivra), then the board's own. Anyone who may edit the card may add a channel of the
 * board's own, which every card's picker and the search filter then offer.
 */
export function ChannelPicker({ card }: { card: Card }) {
  const t = useT();
  const commands = useCommands();
  const own = useBoard((b) => b.customChannels ?? NONE, shallow);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const inputId = useId();

  const value = card.channel ?? (card.customChannel ? `${OWN}${card.customChannel}` : '');
  // A card may name a channel the board no longer lists (removed in an older copy): still shown.
  const ownNames = card.customChannel && !own.includes(card.customChannel) ? [...own, card.customChannel] : own;

  const choose = (next: string) => {
    if (next.startsWith(OWN)) commands.updateCard(card.id, { channel: null, customChannel: next.slice(OWN.length) });
    else commands.updateCard(card.id, { channel: next ? (next as Channel) : null, customChannel: null });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const stored = commands.addCustomChannel(name);
    if (!stored) return;
    commands.updateCard(card.id, { channel: null, customChannel: stored });
    setName('');
    setStatus(t('sharedrag.channel.added', { name: stored }));
  };

  return (
    <>
      <label className="field">
        <span className="field__label">{t('inspector.channel')}</span>
        <select className="input" value={value} onChange={(event) => choose(event.target.value)}>
          <option value="">{t('inspector.noChannel')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </option>
          ))}
          {ownNames.length > 0 ? (
            <optgroup label={t('sharedrag.channel.custom')}>
              {ownNames.map((named) => (
                <option key={named} value={`${OWN}${named}`}>
                  {named}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <form className="field channel-add" onSubmit={add}>
        <label className="field__label" htmlFor={inputId}>
          {t('sharedrag.channel.addLabel')}
        </label>
        <div className="channel-add__row">
          <input
            id={inputId}
            className="input"
            value={name}
            maxLength={CUSTOM_CHANNEL_NAME_LENGTH}
            placeholder={t('sharedrag.channel.addPlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={!name.trim()}>
            {t('sharedrag.channel.add')}
          </button>
        </div>
        {status ? (
          <span className="muted" role="status">
            {status}
          </span>
        ) : null}
      </form>
    </>
  );
}

import type { Role } from '@rejse/shared';
import { useSyncExternalStore } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { following } from './follow.ts';
import { initials } from './identity.ts';
import type { Peer } from './state.ts';

const ROLE_LABELS: Record<Role, MessageKey> = {
  facilitator: 'presence.role.facilitator',
  editor: 'presence.role.editor',
  viewer: 'presence.role.viewer',
};

/**
 * Who is here: you first (click to change your name), then everyone else with their role
 * and whether they are active. Clicking a person follows their view; clicking again stops.
 */
export function ParticipantList({
  me,
  peers,
  onEditName,
}: {
  me: { name: string; color: string; role: Role };
  peers: readonly Peer[];
  onEditName: () => void;
}) {
  const t = useT();
  const followed = useSyncExternalStore(following.subscribe, following.get);
  const followedPeer = peers.find((p) => p.clientId === followed);
  return (
    <div className="participants">
      {followedPeer ? (
        <p className="participants__following" role="status">
          {t('presence.following', { name: followedPeer.user.name })}
          <button type="button" className="button button--small" onClick={() => following.set(null)}>
            {t('presence.stopFollowing')}
          </button>
        </p>
      ) : null}
      <ul className="participants__list" aria-label={t('presence.listLabel', { count: peers.length + 1 })}>
        <li>
          <button
            type="button"
            className="participant participant--me"
            onClick={onEditName}
            title={t('presence.editName')}
            aria-label={t('presence.me', { name: me.name, role: t(ROLE_LABELS[me.role]) })}
          >
            <span className="participant__avatar" style={{ background: me.color }} aria-hidden="true">
              {initials(me.name)}
            </span>
          </button>
        </li>
        {peers.map((peer) => {
          const state = peer.active ? t('presence.active') : t('presence.idle');
          const isFollowed = followed === peer.clientId;
          return (
            <li key={peer.clientId}>
              <button
                type="button"
                className={`participant${peer.active ? '' : ' participant--idle'}${isFollowed ? ' participant--followed' : ''}`}
                aria-pressed={isFollowed}
                aria-label={t('presence.person', { name: peer.user.name, role: t(ROLE_LABELS[peer.user.role]), state })}
                title={t(isFollowed ? 'presence.stopFollowingName' : 'presence.follow', { name: peer.user.name })}
                data-participant-name={peer.user.name}
                onClick={() => following.set(isFollowed ? null : peer.clientId)}
              >
                <span className="participant__avatar" style={{ background: peer.user.color }} aria-hidden="true">
                  {initials(peer.user.name)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

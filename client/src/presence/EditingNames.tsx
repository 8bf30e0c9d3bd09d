import { useSession } from '../doc/BoardContext.tsx';
import { sameTextTarget, type TextTarget } from '../doc/liveText.ts';
import { useT } from '../i18n/index.ts';
import { usePeers } from './peers.ts';
import './presence.css';

/**
 * "Anders is editing" beside a text field of the side panels (a card's text or thought in the
 * inspector, a persona's name) when someone else has the same text open, here or on the map.
 * It describes the field (`aria-describedby`), never names it.
 */
export function EditingNames({ target, id }: { target: TextTarget; id: string }) {
  const t = useT();
  const peers = usePeers(useSession());
  const editing = peers.filter((peer) => sameTextTarget(peer.editing, target));
  // Always there (empty when nobody else is typing): the field it describes points at it.
  return (
    <span id={id} className="presence-editing-inline">
      {editing.map((peer) => (
        <span key={peer.clientId} className="presence-editing__chip" style={{ background: peer.user.color }}>
          {t('presence.editing', { name: peer.user.name || t('presence.anonymous') })}
        </span>
      ))}
    </span>
  );
}

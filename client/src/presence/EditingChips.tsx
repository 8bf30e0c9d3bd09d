import { CARDS, LANES, STAGES, type Rect } from '@rejse/shared';
import { useT } from '../i18n/index.ts';
import type { GridLayout } from '../canvas/layout.ts';
import type { TextTarget } from '../doc/liveText.ts';
import type { Peer } from './state.ts';

/** Where a text being typed into is on the map: its card, or its stage's or lane's header. */
function boxOf(layout: GridLayout, target: TextTarget): Rect | undefined {
  if (target.root === CARDS) return layout.cards.get(target.id);
  if (target.root === STAGES) return layout.stages.find((s) => s.id === target.id);
  if (target.root === LANES) return layout.lanes.find((l) => l.id === target.id);
  return undefined;
}

/**
 * "Anders is editing", in Anders's colour, on the card or header whose text someone else has
 * open, so two people know before they type over each other (their words merge anyway).
 * Several people on one card get a chip each, side by side. Drawn in flow coordinates and
 * scaled back, like the cursors' labels.
 */
export function EditingChips({ peers, layout, scale }: { peers: readonly Peer[]; layout: GridLayout; scale: number }) {
  const t = useT();
  const byPlace = new Map<string, { box: Rect; peers: Peer[] }>();
  for (const peer of peers) {
    if (!peer.editing) continue;
    const box = boxOf(layout, peer.editing);
    if (!box) continue;
    const key = `${peer.editing.root}:${peer.editing.id}`;
    const place = byPlace.get(key) ?? { box, peers: [] };
    place.peers.push(peer);
    byPlace.set(key, place);
  }
  return [...byPlace].map(([key, { box, peers: editing }]) => (
    <div
      key={key}
      className="presence-editing"
      data-editing={key}
      style={{ left: box.x, top: box.y, transform: `translateY(-100%) scale(${scale})` }}
    >
      {editing.map((peer) => (
        <span key={peer.clientId} className="presence-editing__chip" style={{ background: peer.user.color }}>
          {t('presence.editing', { name: peer.user.name || t('presence.anonymous') })}
        </span>
      ))}
    </div>
  ));
}

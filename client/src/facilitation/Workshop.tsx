import { useRef, useState, useSyncExternalStore } from 'react';
import { useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { usePeers } from '../presence/peers.ts';
import { useFollow } from '../presence/follow.ts';
import { colourFor, displayName } from '../presence/identity.ts';
import { NamePrompt } from '../presence/NamePrompt.tsx';
import { ParticipantList } from '../presence/ParticipantList.tsx';
import { PresenceLayer } from '../presence/PresenceLayer.tsx';
import { usePublishPresence } from '../presence/publish.ts';
import { DraftsConnector, DraftsPanel } from './DraftsPanel.tsx';
import { FacilitatorControls, FOLDING_CONTROLS, FoldedFacilitatorControls } from './FacilitatorControls.tsx';
import { useFacilitationContext, useFacilitationState } from './FacilitationContext.tsx';
import { FocusOverlay, LockedCardsOverlay } from './FocusOverlay.tsx';
import { LockBadges } from './LockBadges.tsx';
import { Menu } from './Menu.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { useOneRow } from './useOneRow.ts';
import { TimerDisplay } from './TimerDisplay.tsx';
import { useSummon } from './useSummon.ts';
import { VoteBar } from './VoteBar.tsx';
import { VotingPanel } from './VotingPanel.tsx';
import { ToneRoundPanel } from '../letters/ToneRoundPanel.tsx';
import { useToneState } from '../letters/useTone.ts';
import { RunSheetBar } from '../series/RunSheetBar.tsx';
import { SeriesButtons } from '../series/SeriesPanel.tsx';
import { Presentation, PresentButton } from '../present/Presentation.tsx';
import './facilitation.css';
import '../presence/presence.css';

/**
 * What the bar folds into its "More" menu when it is full, least needed first: the series
 * entries, then the facilitator's presenting, sharing and other controls, the open vote's strip.
 */
const FOLDS = ['series', 'present', ...FOLDING_CONTROLS.slice(0, 3), 'vote', ...FOLDING_CONTROLS.slice(3)];

/**
 * The workshop strip above the canvas: the timer, the facilitator's controls (facilitators
 * only — the server refuses them to others anyway), the name prompt and who is here. It
 * also draws the canvas overlays (cursors, selections, focus) and obeys summon and follow.
 * It stays one row: when its parts do not fit side by side, the series entries (run-sheet,
 * history, comments, since last time) fold into a "More" menu at its end, then as many of the
 * other parts (FOLDS) as it takes — side panels open at 1440 px, long Danish words.
 */
export function WorkshopBar() {
  const t = useT();
  const session = useSession();
  const { role, participant } = useFacilitationContext();
  const state = useFacilitationState(session);
  const name = useSyncExternalStore(displayName.subscribe, displayName.get);
  const [editingName, setEditingName] = useState(false);
  const shownName = name ?? t('presence.guest');
  const peers = usePeers(session);

  // The participant id is kept per board in this browser: the same colour after a reload.
  const color = colourFor(participant.id);
  usePublishPresence(session, useBoardUiStore(), role, shownName, color);
  useFollow(peers);
  useSummon(state.summon, role === 'facilitator');
  const [sharing, setSharing] = useState(false);
  const bar = useRef<HTMLElement>(null);
  const more = useRef<HTMLDivElement>(null);
  const folded = new Set(FOLDS.slice(0, useOneRow(bar, more, FOLDS)));
  const facilitator = role === 'facilitator';
  const share = () => setSharing(true);
  const voteBar = state.openRound ? <VoteBar round={state.openRound} /> : null;

  return (
    <section className="workshop-bar" aria-label={t('facilitation.bar.label')} ref={bar}>
      <TimerDisplay timer={state.timer} />
      {facilitator ? <FacilitatorControls state={state} folded={folded} onShare={share} /> : null}
      {facilitator && !folded.has('present') ? (
        <div className="workshop-fold" data-fold="present">
          <PresentButton />
        </div>
      ) : null}
      {role === 'viewer' ? <span className="workshop-badge">{t('facilitation.viewOnly')}</span> : null}
      <LockBadges locks={state.locks} />
      {state.privateMode && role !== 'facilitator' ? <span className="workshop-badge">{t('facilitation.private.badge')}</span> : null}
      <RunSheetBar />
      {voteBar && !folded.has('vote') ? (
        <div className="workshop-fold" data-fold="vote">
          {voteBar}
        </div>
      ) : null}
      <div className="workshop-bar__end">
        {folded.size > 0 ? (
          <div className="workshop-bar__more" ref={more}>
            <Menu
              label={t(folded.size > 1 ? 'map.bar.moreControls' : 'map.bar.moreLabel')}
              summary={t('map.bar.more')}
              className="workshop-menu--end"
              closeOnChoice
            >
              <div className="workshop-bar__folded">
                {facilitator ? <FoldedFacilitatorControls state={state} folded={folded} onShare={share} /> : null}
                {facilitator && folded.has('present') ? <PresentButton /> : null}
                {folded.has('vote') ? voteBar : null}
                <SeriesButtons name={name} />
              </div>
            </Menu>
          </div>
        ) : (
          <div className="workshop-bar__series" data-fold="series">
            <SeriesButtons name={name} />
          </div>
        )}
        {name === null || editingName ? <NamePrompt initial={name} onDone={() => setEditingName(false)} /> : null}
        <ParticipantList me={{ name: shownName, color, role }} peers={peers} onEditName={() => setEditingName(true)} />
      </div>
      <PresenceLayer peers={peers} />
      <FocusOverlay stageId={state.focusStageId} />
      <LockedCardsOverlay cards={state.locks.cards} />
      <DraftsConnector privateMode={state.privateMode} />
      <Presentation peers={peers} timer={state.timer} />
      {sharing ? <ShareDialog onClose={() => setSharing(false)} /> : null}
    </section>
  );
}

/** Side panels for the workshop: the latest voting results, the blind tone round of a letter, private mode. */
export function WorkshopPanels() {
  const session = useSession();
  const state = useFacilitationState(session);
  const tone = useToneState();
  if (state.rounds.length === 0 && !state.privateMode && !tone.open && tone.rounds.length === 0) return null;
  return (
    <aside className="workshop-panels">
      <VotingPanel state={state} />
      <ToneRoundPanel />
      <DraftsPanel state={state} />
    </aside>
  );
}

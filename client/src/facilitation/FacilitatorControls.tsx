import {
  DEFAULT_VOTES_PER_PERSON,
  MAX_VOTES_PER_PERSON,
  setCardsLocked,
  setFocus,
  setLocks,
  setPrivateMode,
  summonTo,
  type FacilitationState,
  type TimerAction,
  type VoteTarget,
} from '@rejse/shared';
import { useStoreApi } from '@xyflow/react';
import { useState } from 'react';
import { useBoard, useBoardUi, useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { FacilitationApiError } from './api.ts';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { Menu } from './Menu.tsx';
import { FACILITATION_ORIGIN } from './origin.ts';
import { DocCheckbox } from '../ui/DocCheckbox.tsx';

const MINUTE = 60_000;

/** Runs a facilitation request and reports a failure as a notice. */
function useRunner(): (work: () => Promise<unknown>) => void {
  const uiStore = useBoardUiStore();
  const t = useT();
  return (work) => {
    work().catch((error: unknown) => {
      const message = error instanceof FacilitationApiError || error instanceof Error ? error.message : String(error);
      uiStore.getState().notify(t('facilitation.failed', { error: message }));
    });
  };
}

/**
 * The facilitator's controls the workshop bar folds into its "More" menu when it is full, least
 * needed first (the timer and voting always stay in the bar).
 */
export const FOLDING_CONTROLS = ['share', 'summon', 'private', 'focus', 'locks'] as const;
type FoldingControl = (typeof FOLDING_CONTROLS)[number];

interface ControlsProps {
  state: FacilitationState;
  /** The parts shown in the "More" menu instead (by the bar's `useOneRow`). */
  folded: ReadonlySet<string>;
  onShare: () => void;
}

/** One folding control: named for `useOneRow`, which measures it in the bar. */
function Part({ state, name, onShare, inMenu }: { state: FacilitationState; name: FoldingControl; onShare: () => void; inMenu: boolean }) {
  const t = useT();
  const control = {
    share: (
      <button type="button" className="button button--small" onClick={onShare}>
        {t('facilitation.share.open')}
      </button>
    ),
    summon: <SummonButton />,
    private: <PrivateControl state={state} />,
    focus: <FocusControl state={state} />,
    locks: <LockControls state={state} inMenu={inMenu} />,
  }[name];
  return (
    <div className="workshop-fold" data-fold={name}>
      {control}
    </div>
  );
}

/** The facilitator's controls: timer, voting rounds, locks, focus, private mode, summon, links. Hidden for other roles (and refused by the server). */
export function FacilitatorControls({ state, folded, onShare }: ControlsProps) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar-like row of buttons and sub-panels; a <fieldset> would bring its border, padding and min-content width into the flex bar.
    <div className="workshop-controls" role="group" aria-label={t('facilitation.controls.label')}>
      <TimerControls state={state} />
      <VotingControls state={state} />
      {[...FOLDING_CONTROLS]
        .reverse()
        .filter((name) => !folded.has(name))
        .map((name) => (
          <Part key={name} state={state} name={name} onShare={onShare} inMenu={false} />
        ))}
    </div>
  );
}

/** The facilitator's controls folded into the bar's "More" menu, in the bar's order. */
export function FoldedFacilitatorControls({ state, folded, onShare }: ControlsProps) {
  return [...FOLDING_CONTROLS]
    .reverse()
    .filter((name) => folded.has(name))
    .map((name) => <Part key={name} state={state} name={name} onShare={onShare} inMenu />);
}

function TimerControls({ state }: { state: FacilitationState }) {
  const t = useT();
  const { api } = useFacilitationContext();
  const run = useRunner();
  const [minutes, setMinutes] = useState('5');
  const act = (action: TimerAction) => run(() => api.timer(action));
  const parsed = Number(minutes.replace(',', '.'));
  const valid = Number.isFinite(parsed) && parsed > 0 && parsed <= 24 * 60;
  const { timer } = state;
  return (
    <Menu label={t('facilitation.timer.menu')} summary={t('facilitation.timer.menu')}>
      <form
        className="workshop-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) act({ type: 'start', durationMs: Math.round(parsed * MINUTE) });
        }}
      >
        <label className="field field--inline">
          <span className="field__label">{t('facilitation.timer.minutes')}</span>
          <input
            className="input input--narrow"
            type="number"
            min={1}
            max={1440}
            step={1}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary button--small" disabled={!valid}>
          {t('facilitation.timer.start')}
        </button>
      </form>
      <div className="workshop-form__row">
        {timer.state === 'running' ? (
          <button type="button" className="button button--small" onClick={() => act({ type: 'pause' })}>
            {t('facilitation.timer.pause')}
          </button>
        ) : null}
        {timer.state === 'paused' ? (
          <button type="button" className="button button--small" onClick={() => act({ type: 'resume' })}>
            {t('facilitation.timer.resume')}
          </button>
        ) : null}
        {timer.state !== 'stopped' ? (
          <>
            <button type="button" className="button button--small" onClick={() => act({ type: 'add', ms: MINUTE })}>
              {t('facilitation.timer.addMinute')}
            </button>
            <button type="button" className="button button--small" onClick={() => act({ type: 'stop' })}>
              {t('facilitation.timer.stop')}
            </button>
          </>
        ) : null}
      </div>
    </Menu>
  );
}

function VotingControls({ state }: { state: FacilitationState }) {
  const t = useT();
  const { api } = useFacilitationContext();
  const run = useRunner();
  const [target, setTarget] = useState<VoteTarget>('ideas');
  const [votes, setVotes] = useState(String(DEFAULT_VOTES_PER_PERSON));
  const [multiple, setMultiple] = useState(false);
  const open = state.openRound;
  if (open) {
    return (
      <button type="button" className="button button--primary button--small" onClick={() => run(() => api.closeRound(open.id))}>
        {t('facilitation.vote.close')}
      </button>
    );
  }
  const count = Number(votes);
  const valid = Number.isInteger(count) && count >= 1 && count <= MAX_VOTES_PER_PERSON;
  return (
    <Menu label={t('facilitation.vote.menu')} summary={t('facilitation.vote.menu')}>
      <form
        className="workshop-form workshop-form--column"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          run(() => api.startRound({ target, votesPerPerson: count, allowMultiplePerCard: multiple }));
          (event.currentTarget.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
        }}
      >
        <fieldset className="workshop-form__row">
          <legend className="field__label">{t('facilitation.vote.target')}</legend>
          {(['ideas', 'pains'] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="vote-target" checked={target === value} onChange={() => setTarget(value)} />
              {t(value === 'ideas' ? 'facilitation.vote.onIdeas' : 'facilitation.vote.onPains')}
            </label>
          ))}
        </fieldset>
        <label className="field field--inline">
          <span className="field__label">{t('facilitation.vote.perPerson')}</span>
          <input
            className="input input--narrow"
            type="number"
            min={1}
            max={MAX_VOTES_PER_PERSON}
            value={votes}
            onChange={(event) => setVotes(event.target.value)}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={multiple} onChange={(event) => setMultiple(event.target.checked)} />
          {t('facilitation.vote.multiple')}
        </label>
        <button type="submit" className="button button--primary button--small" disabled={!valid}>
          {t('facilitation.vote.start')}
        </button>
      </form>
    </Menu>
  );
}

/** The locks: a menu in the bar; folded into "More", its form under a heading (no menu in a menu). */
function LockControls({ state, inMenu = false }: { state: FacilitationState; inMenu?: boolean }) {
  const t = useT();
  if (inMenu) {
    return (
      <section className="workshop-folded-locks">
        <h3 className="field__label">{t('facilitation.lock.menu')}</h3>
        <LockForm state={state} />
      </section>
    );
  }
  return (
    <Menu label={t('facilitation.lock.menu')} summary={t('facilitation.lock.menu')}>
      <LockForm state={state} />
    </Menu>
  );
}

function LockForm({ state }: { state: FacilitationState }) {
  const t = useT();
  const session = useSession();
  const selected = useBoardUi((s) => s.selectedCards);
  const { locks } = state;
  const selectedLocked = selected.length > 0 && selected.every((id) => locks.cards.has(id));
  return (
    <div className="workshop-form workshop-form--column">
      <DocCheckbox
        className="checkbox"
        checked={locks.structure}
        onChange={(on) => setLocks(session.doc, { structure: on }, FACILITATION_ORIGIN)}
      >
        {t('facilitation.lock.structure')}
      </DocCheckbox>
      <DocCheckbox className="checkbox" checked={locks.board} onChange={(on) => setLocks(session.doc, { board: on }, FACILITATION_ORIGIN)}>
        {t('facilitation.lock.board')}
      </DocCheckbox>
      <button
        type="button"
        className="button button--small"
        disabled={selected.length === 0}
        onClick={() => setCardsLocked(session.doc, selected, !selectedLocked, FACILITATION_ORIGIN)}
      >
        {selectedLocked
          ? t('facilitation.lock.unlockCards', { count: selected.length })
          : t('facilitation.lock.lockCards', { count: selected.length })}
      </button>
      <p className="muted workshop-form__hint">{t('facilitation.lock.lockedCount', { count: locks.cards.size })}</p>
    </div>
  );
}

function FocusControl({ state }: { state: FacilitationState }) {
  const t = useT();
  const session = useSession();
  const stages = useBoard((b) => b.stages);
  return (
    <label className="workshop-focus">
      <span className="visually-hidden">{t('facilitation.focus.label')}</span>
      <select
        className="input input--small"
        value={state.focusStageId ?? ''}
        onChange={(event) => setFocus(session.doc, event.target.value || null, FACILITATION_ORIGIN)}
      >
        <option value="">{t('facilitation.focus.none')}</option>
        {stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {t('facilitation.focus.on', { stage: stage.title || t('board.untitled') })}
          </option>
        ))}
      </select>
    </label>
  );
}

function PrivateControl({ state }: { state: FacilitationState }) {
  const uiStore = useBoardUiStore();
  const t = useT();
  const session = useSession();
  const { api } = useFacilitationContext();
  const run = useRunner();
  const [showAuthors, setShowAuthors] = useState(false);
  if (!state.privateMode) {
    return (
      <button type="button" className="button button--small" onClick={() => setPrivateMode(session.doc, true, FACILITATION_ORIGIN)}>
        {t('facilitation.private.start')}
      </button>
    );
  }
  return (
    <span className="workshop-reveal">
      <button
        type="button"
        className="button button--primary button--small"
        onClick={() =>
          run(async () => {
            const count = await api.revealDrafts({ showAuthors });
            uiStore.getState().notify(t('facilitation.private.revealed', { count }));
          })
        }
      >
        {t('facilitation.private.reveal')}
      </button>
      <label className="checkbox">
        <input type="checkbox" checked={showAuthors} onChange={(event) => setShowAuthors(event.target.checked)} />
        {t('mapvote.private.showAuthors')}
      </label>
    </span>
  );
}

function SummonButton() {
  const uiStore = useBoardUiStore();
  const t = useT();
  const session = useSession();
  const store = useStoreApi();
  const summon = () => {
    const { transform, width, height } = store.getState();
    const [x, y, zoom] = transform;
    summonTo(session.doc, { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom, zoom }, FACILITATION_ORIGIN);
    uiStore.getState().notify(t('facilitation.summon.sent'));
  };
  return (
    <button type="button" className="button button--small" onClick={summon}>
      {t('facilitation.summon.button')}
    </button>
  );
}
